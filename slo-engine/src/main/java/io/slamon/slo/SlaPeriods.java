package io.slamon.slo;

import java.time.Instant;
import java.time.ZonedDateTime;

/** Calendar SLA periods (month, quarter, year) in the contract's time zone. */
public final class SlaPeriods {
  private SlaPeriods() {}

  /**
   * The whole period of {@code calendar} that contains {@code instant}: from local midnight of its
   * first day to local midnight of the next period's first day, so a month with the spring DST
   * change is 743 hours and one with the autumn change 745.
   */
  public static TimeInterval containing(SloWindow.Calendar calendar, Instant instant) {
    Instant start = calendar.startFor(instant);
    ZonedDateTime end = start.atZone(calendar.zone()).plusMonths(calendar.months());
    return new TimeInterval(start, end.toInstant());
  }

  /** The period before the one containing {@code instant} (the one a monthly report covers). */
  public static TimeInterval previous(SloWindow.Calendar calendar, Instant instant) {
    Instant start = calendar.startFor(instant);
    return containing(calendar, start.minusNanos(1));
  }
}
