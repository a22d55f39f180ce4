package io.slamon.bench.reports;

import io.slamon.core.config.ConfigLoader;
import io.slamon.core.config.SlamonConfig;
import io.slamon.core.config.Tenant;
import io.slamon.reports.MonthData;
import io.slamon.reports.ReportService;
import io.slamon.reports.render.ReportRenderer;
import io.slamon.slo.SliKind;
import io.slamon.slo.SloDefinition;
import io.slamon.slo.SloWindow;
import io.slamon.slo.StoredSliSource;
import io.slamon.slo.period.PeriodJob;
import io.slamon.slo.period.PeriodJob.TenantSetup;
import io.slamon.slo.period.StoredPeriodInputs;
import io.slamon.store.Database;
import io.slamon.store.DatabaseSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Monthly reports for N tenants (default 100) on a fresh embedded PostgreSQL: writes October 2026
 * for every tenant (request counters, TTFT histogram and {@code up}, one point per 5 minutes;
 * a 30-minute outage), then times (1) the period job computing and storing every tenant's month
 * and (2) issuing every tenant's report (period result read, JSON twin, PDF, archive). Wall-clock
 * times of one run; not a JMH benchmark because one round is minutes of database work.
 *
 * <p>Usage: {@code ReportBench [tenants] [lang]}; see bench/run-report-bench.sh.
 */
public final class ReportBench {
  static final YearMonth MONTH = YearMonth.of(2026, 10);
  static final Instant START = Instant.parse("2026-09-30T22:00:00Z");
  static final Instant END = Instant.parse("2026-10-31T23:00:00Z");

  private ReportBench() {}

  public static void main(String[] args) throws Exception {
    int tenants = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    String lang = args.length > 1 ? args[1] : "de";
    SlamonConfig config = ConfigLoader.load(Path.of("examples", "config")).config();
    Tenant template = config.tenant("acme-logistik").orElseThrow();
    List<TenantSetup> setups = new ArrayList<>();
    for (int i = 1; i <= tenants; i++) {
      String id = String.format("bench-%03d", i);
      Tenant t = new Tenant(id, "Bench Kunde " + i + " GmbH", template.tier(), template.contract(), template.regulatory(), template.contacts(),
          template.attribution(), template.file());
      var window = new SloWindow.Calendar(1, t.contract().timeZone());
      setups.add(new TenantSetup(t, List.of(new SloDefinition(id, id + "-availability", SliKind.AVAILABILITY, 0, 0.999, window),
          new SloDefinition(id, id + "-ttft", SliKind.TTFT_UNDER, 0.5, 0.95, window))));
    }
    Path dir = Files.createTempDirectory("slamon-report-bench");
    InstantSource clock = InstantSource.fixed(Instant.parse("2026-11-02T06:00:00Z"));
    try (Database db = Database.open(new DatabaseSettings(null, null, null, dir), m -> {}, clock)) {
      long t0 = System.nanoTime();
      long samples = 0;
      for (TenantSetup s : setups) {
        samples += MonthData.samples(db, s.tenant().id(), s.tenant().id() + "-model", START, END, Instant.parse("2026-10-12T10:00:00Z"),
            Duration.ofMinutes(30));
      }
      System.out.printf("wrote %,d samples for %d tenants in %.1f s%n", samples, tenants, seconds(t0));

      StoredPeriodInputs inputs = new StoredPeriodInputs(db.rollupReader(), db.eventStore(), db.incidentStore(), db.auditLog(),
          db.periodResultStore(), StoredSliSource::new, incident -> List.of());
      PeriodJob periods = new PeriodJob(() -> setups, inputs, db.periodResultStore(), clock);
      long t1 = System.nanoTime();
      for (TenantSetup s : setups) {
        periods.compute(s, MONTH);
      }
      double periodSeconds = seconds(t1);
      System.out.printf("period job: %d tenant-months computed and stored in %.1f s (%.0f ms each)%n", tenants, periodSeconds,
          periodSeconds * 1000 / tenants);

      ReportService reports = new ReportService(config.provider(), periods, db.reportArchive(), new ReportRenderer(), clock);
      long t2 = System.nanoTime();
      long bytes = 0;
      for (TenantSetup s : setups) {
        bytes += reports.issue(s, MONTH, lang, null).pdf().length;
      }
      double reportSeconds = seconds(t2);
      System.out.printf("reports: %d issued (%s, PDF + JSON twin + archive) in %.1f s (%.0f ms each, %.0f KiB PDF average)%n", tenants,
          lang, reportSeconds, reportSeconds * 1000 / tenants, bytes / 1024.0 / tenants);
      System.out.printf("total period job + reports: %.1f s (target: 100 tenants under 120 s)%n", periodSeconds + reportSeconds);
      System.out.println("archive verifies: " + db.reportArchive().verify().intact());
    }
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
