package io.slamon.core.openslo;

import java.util.Objects;

/** OpenSLO Service: a named thing SLOs are about (e.g. the chat endpoint of a tenant). */
public record Service(Metadata metadata, String description) {
  public Service {
    Objects.requireNonNull(metadata, "metadata");
  }

  public String name() {
    return metadata.name();
  }
}
