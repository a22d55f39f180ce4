package io.slamon.core.config;

import java.util.List;

/**
 * {@code collector.labels}: labels removed before storage, and labels whose values are replaced
 * by a keyed HMAC-SHA256 pseudonym. {@code pseudonymisationKey} is kept as written ({@code
 * ${ENV_VAR}}, {@code file:path} or the key itself); the collector resolves it at start.
 */
public record LabelProtection(List<String> drop, List<String> pseudonymise, String pseudonymisationKey) {
  public static final LabelProtection NONE = new LabelProtection(List.of(), List.of(), null);

  public LabelProtection {
    drop = List.copyOf(drop);
    pseudonymise = List.copyOf(pseudonymise);
    if (!pseudonymise.isEmpty() && (pseudonymisationKey == null || pseudonymisationKey.isBlank())) {
      throw new IllegalArgumentException("pseudonymise needs a pseudonymisationKey");
    }
  }

  @Override
  public String toString() {
    // the key is a secret
    return "LabelProtection[drop=" + drop + ", pseudonymise=" + pseudonymise + "]";
  }
}
