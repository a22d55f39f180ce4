package io.slamon.core.config;

import java.util.Objects;

/** The hosting provider operating slamon (appears on reports). */
public record Provider(String name, String legalName, String country) {
  public Provider {
    Objects.requireNonNull(name, "name");
    legalName = legalName == null ? name : legalName;
    if (country != null && !country.matches("[A-Z]{2}")) {
      throw new IllegalArgumentException("country must be an ISO 3166-1 alpha-2 code, e.g. DE");
    }
  }
}
