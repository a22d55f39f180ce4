package io.slamon.core.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Incident response targets for one severity.
 *
 * @param businessHours the durations count only business hours of the contract's calendar
 *     ({@link IncidentTargets#businessHours()}); otherwise calendar time, around the clock
 */
public record ResponseTarget(Duration acknowledge, Duration restore, boolean businessHours) {
  /** Targets in calendar time, around the clock. */
  public ResponseTarget(Duration acknowledge, Duration restore) {
    this(acknowledge, restore, false);
  }

  public ResponseTarget {
    Objects.requireNonNull(acknowledge, "acknowledge");
    Objects.requireNonNull(restore, "restore");
    if (restore.compareTo(acknowledge) < 0) {
      throw new IllegalArgumentException("restore must not be shorter than acknowledge");
    }
  }
}
