package io.slamon.app;

import io.slamon.core.config.SlamonConfig;
import io.slamon.store.Database;
import java.nio.file.Path;
import java.time.InstantSource;
import java.time.YearMonth;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The demo's one report: the fault tenant's month so far, in German, under the data directory. */
final class DemoReport {
  private DemoReport() {}

  static Path issue(SlamonConfig config, Database db, InstantSource clock, String tenantId, Path dataDir) {
    Reporting reporting = new Reporting(config, db, clock);
    var tenant = config.tenant(tenantId).orElseThrow(() -> new IllegalArgumentException("unknown tenant " + tenantId));
    YearMonth month = YearMonth.now(clock.withZone(tenant.contract().timeZone()));
    var issued = reporting.reports().issue(reporting.setup(tenant), month, "de", "demo run: month so far");
    try {
      return Reporting.write(issued, dataDir.resolve("reports"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The line the demo prints: where the report is, or why there is none (the demo goes on either way). */
  static String await(CompletableFuture<Path> report) {
    try {
      Path pdf = report.get(90, TimeUnit.SECONDS);
      return "monthly report (month so far, German) — open it: " + pdf.toAbsolutePath() + " (JSON twin beside it;"
          + " any month: ./slamon report --tenant T --month YYYY-MM)";
    } catch (Exception e) {
      return "monthly report not rendered: " + Main.describe(e instanceof java.util.concurrent.ExecutionException ? e.getCause() : e);
    }
  }
}
