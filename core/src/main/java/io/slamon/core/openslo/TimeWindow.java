package io.slamon.core.openslo;

import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * An SLO time window, e.g. {@code 28d} rolling or {@code 1M} calendar-aligned. Units: {@code m h d
 * w} are fixed lengths, {@code M Q Y} calendar months, quarters and years.
 *
 * @param duration the text as written
 * @param fixed the fixed length for m/h/d/w, else null
 * @param calendarPeriod the calendar period for M/Q/Y, else null
 * @param calendarStart start of the calendar alignment, or null (rolling windows)
 */
public record TimeWindow(
    String duration,
    Duration fixed,
    Period calendarPeriod,
    boolean isRolling,
    ZonedDateTime calendarStart) {
  public TimeWindow {
    Objects.requireNonNull(duration, "duration");
    if ((fixed == null) == (calendarPeriod == null)) {
      throw new IllegalArgumentException("exactly one of fixed and calendarPeriod");
    }
  }

  /**
   * The zone calendar periods align to: the calendar's, else {@code fallback} (callers pass the
   * tenant's contract time zone).
   */
  public ZoneId zone(ZoneId fallback) {
    return calendarStart == null ? fallback : calendarStart.getZone();
  }
}
