package io.slamon.core.openslo;

import java.time.Duration;

/**
 * One SLO objective. {@code target} is a fraction in (0, 1) ({@code targetPercent} in YAML is
 * converted). {@code op}/{@code value} apply to threshold metrics; {@code timeSliceTarget} and
 * {@code timeSliceWindow} to the time-slice budgeting methods. Unused parts are null.
 */
public record Objective(
    String displayName,
    Operator op,
    Double value,
    double target,
    Double timeSliceTarget,
    Duration timeSliceWindow) {
  public Objective {
    if (!(target > 0 && target < 1)) {
      throw new IllegalArgumentException("target must be greater than 0 and less than 1");
    }
  }
}
