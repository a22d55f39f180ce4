package io.slamon.reports;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A calendar month in the contract's time zone, as the half-open instant range {@code [start, end)}.
 * Months are cut at local midnight, so a month with a daylight-saving change is an hour longer or
 * shorter than its days times 24: October 2026 in Europe/Berlin has 745 hours.
 */
public record ReportPeriod(YearMonth month, ZoneId zone, Instant start, Instant end) {
  public ReportPeriod {
    Objects.requireNonNull(month, "month");
    Objects.requireNonNull(zone, "zone");
    if (!start.isBefore(end)) {
      throw new IllegalArgumentException("period start " + start + " must be before end " + end);
    }
  }

  public static ReportPeriod of(YearMonth month, ZoneId zone) {
    Instant start = month.atDay(1).atStartOfDay(zone).toInstant();
    Instant end = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
    return new ReportPeriod(month, zone, start, end);
  }

  public Duration length() {
    return Duration.between(start, end);
  }

  public boolean contains(Instant t) {
    return !t.isBefore(start) && t.isBefore(end);
  }
}
