package io.slamon.incident;

import java.time.Duration;

/**
 * P1–P4 with the default acknowledge and restore targets (a tenant's contract may override them).
 */
public enum Severity {
  P1(Duration.ofMinutes(15), Duration.ofHours(4)),
  P2(Duration.ofHours(1), Duration.ofHours(8)),
  P3(Duration.ofHours(4), Duration.ofDays(2)),
  P4(Duration.ofDays(1), Duration.ofDays(5));

  private final Duration acknowledgeTarget;
  private final Duration restoreTarget;

  Severity(Duration acknowledgeTarget, Duration restoreTarget) {
    this.acknowledgeTarget = acknowledgeTarget;
    this.restoreTarget = restoreTarget;
  }

  public Duration acknowledgeTarget() {
    return acknowledgeTarget;
  }

  public Duration restoreTarget() {
    return restoreTarget;
  }
}
