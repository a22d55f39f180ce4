package io.slamon.slo;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A weekly maintenance window agreed in the contract, in local time of the contract's zone (e.g.
 * Sunday 02:00 for 4 hours, Europe/Berlin). Local time is kept across DST changes; on the change
 * night the window's length in real time is what the local clock shows.
 */
public record AgreedMaintenanceWindow(DayOfWeek day, LocalTime start, Duration length, ZoneId zone) {
  public AgreedMaintenanceWindow {
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(length, "length");
    Objects.requireNonNull(zone, "zone");
    if (length.isNegative() || length.isZero() || length.compareTo(Duration.ofDays(7)) > 0) {
      throw new IllegalArgumentException("Illegal maintenance window length " + length + ": expecting more than 0 and at most 7 days");
    }
  }

  /** The concrete occurrences that overlap {@code period}, clipped to it. */
  public List<TimeInterval> occurrencesIn(TimeInterval period) {
    List<TimeInterval> out = new ArrayList<>();
    // start a week early so a window that began before the period and runs into it is found
    LocalDate date = period.start().atZone(zone).toLocalDate().minusDays(7).with(TemporalAdjusters.nextOrSame(day));
    while (true) {
      ZonedDateTime localStart = ZonedDateTime.of(date, start, zone);
      ZonedDateTime localEnd = localStart.toLocalDateTime().plus(length).atZone(zone);
      if (!localStart.toInstant().isBefore(period.end())) {
        return out;
      }
      var s = localStart.toInstant().isAfter(period.start()) ? localStart.toInstant() : period.start();
      var e = localEnd.toInstant().isBefore(period.end()) ? localEnd.toInstant() : period.end();
      if (s.isBefore(e)) {
        out.add(new TimeInterval(s, e));
      }
      date = date.plusWeeks(1);
    }
  }
}
