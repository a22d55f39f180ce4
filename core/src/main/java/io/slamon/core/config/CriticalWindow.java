package io.slamon.core.config;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Objects;
import java.util.Set;

/**
 * A period in which reserved capacity is guaranteed. {@code MONTH_END}: the last {@code daysBefore}
 * calendar days of each month plus the first {@code daysAfter} days of the next (days, start and
 * duration unused). {@code WEEKLY}: on {@code days} from {@code start} for {@code duration}.
 */
public record CriticalWindow(
    String name,
    Schedule schedule,
    int daysBefore,
    int daysAfter,
    Set<DayOfWeek> days,
    LocalTime start,
    Duration duration) {

  /** How a critical window recurs. */
  public enum Schedule implements ConfigEnum {
    MONTH_END("monthEnd"),
    WEEKLY("weekly");

    private final String configName;

    Schedule(String configName) {
      this.configName = configName;
    }

    @Override
    public String configName() {
      return configName;
    }
  }

  public CriticalWindow {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(schedule, "schedule");
    days = days == null ? Set.of() : Set.copyOf(days);
    if (schedule == Schedule.WEEKLY && (days.isEmpty() || start == null || duration == null)) {
      throw new IllegalArgumentException("a weekly window needs days, start and duration");
    }
  }
}
