package io.slamon.incident.clock;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * A legal time limit, in one of the units the regulations use. Each limit yields two ends: the
 * strict one (the period runs from the exact instant; what slamon escalates on) and the reading of
 * Regulation (EEC, Euratom) No 1182/71 Art. 3 (the hour or day of the event is not counted, the
 * period ends with the expiry of its last hour or day), shown next to it.
 */
public sealed interface TimeLimit {

  /** The strict end: the period counted from the exact instant. */
  Instant strictEnd(Instant from, ZoneId zone);

  /** The end under Regulation 1182/71 Art. 3(1) and 3(2). */
  Instant legalEnd(Instant from, ZoneId zone);

  /** e.g. "72 h", "15 days", "1 month". */
  String describe();

  static TimeLimit hours(long hours) {
    return new Elapsed(Duration.ofHours(hours));
  }

  static TimeLimit of(Duration duration) {
    return new Elapsed(duration);
  }

  static TimeLimit days(int days) {
    return new Days(days);
  }

  static TimeLimit months(int months) {
    return new Months(months);
  }

  /**
   * Hours (or any exact duration): calendar hours on the time line, never paused, so DST changes
   * move the wall-clock end (+72 h over the October change ends an hour earlier on the clock).
   */
  record Elapsed(Duration duration) implements TimeLimit {
    public Elapsed {
      if (duration == null || duration.isZero() || duration.isNegative()) {
        throw new IllegalArgumentException(
            "a time limit must be a positive duration, got " + duration);
      }
    }

    @Override
    public Instant strictEnd(Instant from, ZoneId zone) {
      return from.plus(duration);
    }

    // 1182/71 Art. 3(1): the hour during which the event occurs is not counted, so the period
    // starts with the next full hour of the local clock; Art. 3(2)(a) ends it after its last hour.
    @Override
    public Instant legalEnd(Instant from, ZoneId zone) {
      return from.atZone(zone)
          .truncatedTo(ChronoUnit.HOURS)
          .plusHours(1)
          .toInstant()
          .plus(duration);
    }

    @Override
    public String describe() {
      long minutes = duration.toMinutes();
      return minutes % 60 == 0 ? (minutes / 60) + " h" : minutes + " min";
    }
  }

  /** Calendar days in the zone: the same local time N days later (DST does not shift it). */
  record Days(int days) implements TimeLimit {
    public Days {
      if (days <= 0) {
        throw new IllegalArgumentException("a time limit in days must be positive, got " + days);
      }
    }

    @Override
    public Instant strictEnd(Instant from, ZoneId zone) {
      return from.atZone(zone).plusDays(days).toInstant();
    }

    // Art. 3(1) second subparagraph: the day of the event is not counted; Art. 3(2)(b): the period
    // ends with the expiry of the last hour of its last day, i.e. at the next local midnight.
    @Override
    public Instant legalEnd(Instant from, ZoneId zone) {
      return from.atZone(zone).toLocalDate().plusDays(days + 1L).atStartOfDay(zone).toInstant();
    }

    @Override
    public String describe() {
      return days == 1 ? "1 day" : days + " days";
    }
  }

  /**
   * Calendar months in the zone, {@code ZonedDateTime.plusMonths}: 31 Jan + 1 month is 28 (or 29)
   * Feb at the same local time, which is also what 1182/71 Art. 3(2)(c) says for missing dates.
   */
  record Months(int months) implements TimeLimit {
    public Months {
      if (months <= 0) {
        throw new IllegalArgumentException(
            "a time limit in months must be positive, got " + months);
      }
    }

    @Override
    public Instant strictEnd(Instant from, ZoneId zone) {
      return from.atZone(zone).plusMonths(months).toInstant();
    }

    // Art. 3(2)(c): ends with the expiry of the last hour of the day with the same date in the last
    // month, or of that month's last day when the date does not exist there.
    @Override
    public Instant legalEnd(Instant from, ZoneId zone) {
      return from.atZone(zone)
          .toLocalDate()
          .plusMonths(months)
          .plusDays(1)
          .atStartOfDay(zone)
          .toInstant();
    }

    @Override
    public String describe() {
      return months == 1 ? "1 month" : months + " months";
    }
  }
}
