package io.slamon.core.openslo;

import java.time.Duration;
import java.util.Objects;

/**
 * OpenSLO alert condition; slamon supports {@code kind: burnrate}: alert when the error budget
 * burns faster than {@code threshold} times the sustainable rate over {@code lookbackWindow} for
 * at least {@code alertAfter}.
 */
public record AlertCondition(
    Metadata metadata,
    String severity,
    String description,
    double threshold,
    Duration lookbackWindow,
    Duration alertAfter) {
  public AlertCondition {
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(lookbackWindow, "lookbackWindow");
    Objects.requireNonNull(alertAfter, "alertAfter");
  }

  public String name() {
    return metadata.name();
  }
}
