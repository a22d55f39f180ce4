package io.slamon.slo.period;

import io.slamon.core.config.CriticalWindow;
import io.slamon.slo.AgreedMaintenanceWindow;
import io.slamon.slo.TimeInterval;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** The concrete intervals of a capacity reservation's critical window inside a month. */
final class CriticalWindows {
  private CriticalWindows() {}

  static List<TimeInterval> occurrencesIn(CriticalWindow w, TimeInterval period, ZoneId zone) {
    List<TimeInterval> out = new ArrayList<>();
    if (w.schedule() == CriticalWindow.Schedule.WEEKLY) {
      for (var day : w.days()) {
        out.addAll(new AgreedMaintenanceWindow(day, w.start(), w.duration(), zone).occurrencesIn(period));
      }
      out.sort(java.util.Comparator.comparing(TimeInterval::start));
      return out;
    }
    // month end: the first daysAfter days of this month (the tail of the last month's window) and its last daysBefore days
    YearMonth month = YearMonth.from(period.start().atZone(zone));
    if (w.daysAfter() > 0) {
      out.add(clip(month.atDay(1), month.atDay(1).plusDays(w.daysAfter()), zone, period));
    }
    if (w.daysBefore() > 0) {
      LocalDate next = month.plusMonths(1).atDay(1);
      out.add(clip(next.minusDays(w.daysBefore()), next, zone, period));
    }
    return out;
  }

  private static TimeInterval clip(LocalDate from, LocalDate to, ZoneId zone, TimeInterval period) {
    Instant s = from.atStartOfDay(zone).toInstant();
    Instant e = to.atStartOfDay(zone).toInstant();
    return new TimeInterval(s.isBefore(period.start()) ? period.start() : s, e.isAfter(period.end()) ? period.end() : e);
  }
}
