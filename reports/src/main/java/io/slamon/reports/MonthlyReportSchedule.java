package io.slamon.reports;

import io.slamon.slo.period.PeriodJob;
import io.slamon.slo.period.PeriodJob.TenantSetup;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issues each tenant's report for the month that closed, once the configured day and hour of the
 * new month have come in the tenant's time zone (default: the 1st at 06:00, after the period job
 * has seen the last hour). Run it as often as convenient (e.g. hourly): a month already issued
 * from unchanged data is not issued again ({@link ReportService#issue} returns the archived one).
 */
public final class MonthlyReportSchedule implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(MonthlyReportSchedule.class);

  /** When reports are due: {@code dayOfMonth} (1–28) at {@code hour} (0–23), local time of each tenant. */
  public record When(int dayOfMonth, int hour, List<String> languages) {
    public static final When DEFAULT = new When(1, 6, ReportService.LANGUAGES);

    public When {
      if (dayOfMonth < 1 || dayOfMonth > 28) {
        throw new IllegalArgumentException("report day must be 1 to 28 (every month has it), was " + dayOfMonth);
      }
      if (hour < 0 || hour > 23) {
        throw new IllegalArgumentException("report hour must be 0 to 23, was " + hour);
      }
      languages = List.copyOf(languages);
      languages.forEach(ReportService::locale);
    }
  }

  private final Supplier<List<TenantSetup>> tenants;
  private final ReportService reports;
  private final When when;
  private final InstantSource clock;

  public MonthlyReportSchedule(Supplier<List<TenantSetup>> tenants, ReportService reports, When when, InstantSource clock) {
    this.tenants = tenants;
    this.reports = reports;
    this.when = Objects.requireNonNull(when, "when");
    this.clock = clock;
  }

  @Override
  public void run() {
    issueDue();
  }

  /** Issues what is due now; returns what was newly issued. One tenant's failure does not stop the others. */
  public List<ReportService.Issued> issueDue() {
    Instant now = clock.instant();
    List<ReportService.Issued> issued = new ArrayList<>();
    for (TenantSetup t : tenants.get()) {
      var zone = t.tenant().contract().timeZone();
      LocalDateTime local = LocalDateTime.ofInstant(now, zone);
      YearMonth closed = PeriodJob.closedMonth(t.tenant(), now);
      LocalDateTime due = closed.plusMonths(1).atDay(when.dayOfMonth()).atTime(when.hour(), 0);
      if (local.isBefore(due)) {
        continue;
      }
      for (String lang : when.languages()) {
        try {
          var r = reports.issue(t, closed, lang, null);
          if (!r.reused()) {
            issued.add(r);
            LOG.info("issued {}", r.summary().reportId());
          }
        } catch (RuntimeException e) {
          LOG.warn("report of {} {} ({}) not issued: {}", t.tenant().id(), closed, lang, e.toString());
        }
      }
    }
    return issued;
  }
}
