package io.slamon.incident.hours;

import io.slamon.core.config.BusinessHours;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Counts business time: the working hours of a {@link BusinessHours} calendar in a zone, without
 * public holidays and closed days. For incident response targets only where the contract says so;
 * regulatory clocks never use it (they run in calendar hours). Working hours are local wall-clock
 * times, so on a DST-change day a window 08:00–18:00 is still 10 hours (the change happens at
 * night). Pure: no I/O, no clock.
 */
public final class BusinessCalendar {
  /** No target spans more working days than this; guards against a calendar with no working day in reach. */
  private static final int MAX_DAYS = 3 * 366;

  private final BusinessHours hours;
  private final ZoneId zone;
  private final Map<Integer, Set<LocalDate>> holidaysByYear = new HashMap<>();

  public BusinessCalendar(BusinessHours hours, ZoneId zone) {
    this.hours = Objects.requireNonNull(hours, "hours");
    this.zone = Objects.requireNonNull(zone, "zone");
  }

  /** Whether {@code day} has business hours (a working day, not a holiday or closed day). */
  public boolean isBusinessDay(LocalDate day) {
    if (!hours.days().contains(day.getDayOfWeek()) || hours.extraClosedDays().contains(day)) {
      return false;
    }
    if (hours.holidays() == null) {
      return true;
    }
    return !holidaysByYear.computeIfAbsent(day.getYear(), y -> GermanHolidays.of(hours.holidays(), y).keySet()).contains(day);
  }

  /**
   * The instant at which {@code amount} of business time has passed since {@code from}. Time
   * outside business hours does not count; a start outside them counts from the next opening. A
   * zero amount gives {@code from} itself during business hours, else the next opening.
   */
  public Instant plus(Instant from, Duration amount) {
    if (amount.isNegative()) {
      throw new IllegalArgumentException("business time must not be negative, got " + amount);
    }
    Duration left = amount;
    Instant cursor = from;
    LocalDate day = from.atZone(zone).toLocalDate();
    for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
      if (!isBusinessDay(day)) {
        continue;
      }
      Instant open = ZonedDateTime.of(day, hours.start(), zone).toInstant();
      Instant close = ZonedDateTime.of(day, hours.end(), zone).toInstant();
      if (!cursor.isBefore(close)) {
        continue;
      }
      Instant start = cursor.isAfter(open) ? cursor : open;
      Duration available = Duration.between(start, close);
      if (left.compareTo(available) <= 0) {
        // Exactly used up at closing time: the target is met by the close of that day, not the next opening.
        return start.plus(left);
      }
      left = left.minus(available);
      cursor = close;
    }
    throw new IllegalArgumentException("no end within " + MAX_DAYS + " days for " + amount + " of business time from " + from
        + "; the calendar has too few working days");
  }

  /** The business time between two instants ({@code to} before {@code from} gives zero). */
  public Duration between(Instant from, Instant to) {
    Duration total = Duration.ZERO;
    LocalDate day = from.atZone(zone).toLocalDate();
    LocalDate last = to.atZone(zone).toLocalDate();
    for (; !day.isAfter(last); day = day.plusDays(1)) {
      if (!isBusinessDay(day)) {
        continue;
      }
      Instant open = ZonedDateTime.of(day, hours.start(), zone).toInstant();
      Instant close = ZonedDateTime.of(day, hours.end(), zone).toInstant();
      Instant s = open.isAfter(from) ? open : from;
      Instant e = close.isBefore(to) ? close : to;
      if (e.isAfter(s)) {
        total = total.plus(Duration.between(s, e));
      }
    }
    return total;
  }
}
