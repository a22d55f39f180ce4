package io.slamon.core.config;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Objects;
import java.util.Set;

/**
 * A recurring maintenance window agreed in the contract, in the contract's time zone. Only
 * maintenance announced at least {@code announceAhead} before it starts and lying inside the
 * window is excluded from availability.
 */
public record MaintenanceWindow(
    String name, Set<DayOfWeek> days, LocalTime start, Duration duration, Duration announceAhead) {
  public MaintenanceWindow {
    Objects.requireNonNull(name, "name");
    days = Set.copyOf(days);
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(announceAhead, "announceAhead");
    if (days.isEmpty()) {
      throw new IllegalArgumentException("days must not be empty");
    }
    if (duration.compareTo(Duration.ofDays(1)) > 0) {
      throw new IllegalArgumentException("duration must not exceed 24h");
    }
  }
}
