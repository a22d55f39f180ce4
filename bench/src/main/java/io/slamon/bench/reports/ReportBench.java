package io.slamon.bench.reports;

import io.slamon.core.config.ConfigLoader;
import io.slamon.core.config.SlamonConfig;
import io.slamon.core.config.Tenant;
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
import io.slamon.store.Sample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
        samples += write(db, s.tenant().id());
      }
      System.out.printf("wrote %,d samples for %d tenants in %.1f s%n", samples, tenants, seconds(t0));

      StoredPeriodInputs inputs = new StoredPeriodInputs(db.sampleStore(), db.eventStore(), db.incidentStore(), db.auditLog(),
          db.periodResultStore(), new StoredSliSource(db.sampleStore()), incident -> List.of());
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

  private static long write(Database db, String tenant) {
    List<Sample> batch = new ArrayList<>();
    double ok = 0;
    double bad = 0;
    double[] ttft = new double[4];
    String[] le = {"0.25", "0.5", "1", "+Inf"};
    Instant outage = Instant.parse("2026-10-12T10:00:00Z");
    long count = 0;
    for (Instant t = START; t.isBefore(END); t = t.plus(Duration.ofMinutes(5))) {
      boolean failing = !t.isBefore(outage) && t.isBefore(outage.plus(Duration.ofMinutes(30)));
      long ms = t.toEpochMilli();
      ok += failing ? 0 : 100;
      bad += failing ? 50 : 0;
      ttft[0] += 60;
      ttft[1] += 97;
      ttft[2] += 100;
      ttft[3] += 100;
      batch.add(new Sample(tenant, "http_requests_total", Map.of("status", "2xx"), ms, ok));
      batch.add(new Sample(tenant, "http_requests_total", Map.of("status", "5xx"), ms, bad));
      batch.add(new Sample(tenant, "up", Map.of("job", "vllm", "instance", tenant + ":8000"), ms, failing ? 0 : 1));
      for (int i = 0; i < le.length; i++) {
        batch.add(new Sample(tenant, "vllm:time_to_first_token_seconds_bucket", Map.of("le", le[i], "model_name", tenant + "-model"), ms, ttft[i]));
      }
      batch.add(new Sample(tenant, "vllm:time_to_first_token_seconds_count", Map.of("model_name", tenant + "-model"), ms, ttft[3]));
      if (batch.size() >= 8000) {
        db.sampleStore().write(batch);
        count += batch.size();
        batch.clear();
      }
    }
    db.sampleStore().write(batch);
    return count + batch.size();
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
