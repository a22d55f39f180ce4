package io.slamon.reports;

import io.slamon.core.config.ConfigLoader;
import io.slamon.core.config.ConfigResult;
import io.slamon.core.config.SlamonConfig;
import io.slamon.core.config.Tenant;
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
import io.slamon.store.SharedEmbeddedPostgres;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;

/** A fresh database, the example configuration and the report services wired as the app does. */
final class ReportFixture implements AutoCloseable {
  static final ReportRenderer RENDERER = new ReportRenderer();

  final DatabaseSettings settings = SharedEmbeddedPostgres.freshDatabase();
  final Database db = Database.open(settings, m -> {});
  final SlamonConfig config;
  final PeriodJob periods;
  final ReportService reports;

  ReportFixture(InstantSource clock) {
    ConfigResult loaded = ConfigLoader.load(Path.of("..", "examples", "config"));
    if (!loaded.ok()) {
      throw new IllegalStateException(loaded.report());
    }
    config = loaded.config();
    StoredPeriodInputs inputs = new StoredPeriodInputs(db.rollupReader(), db.eventStore(), db.incidentStore(), db.auditLog(),
        db.periodResultStore(), StoredSliSource::new, incident -> List.of());
    periods = new PeriodJob(() -> config.tenants().stream().map(this::setup).toList(), inputs, db.periodResultStore(), clock);
    reports = new ReportService(config.provider(), periods, db.reportArchive(), RENDERER, clock);
  }

  Tenant tenant(String id) {
    return config.tenant(id).orElseThrow();
  }

  /** The tenant's availability (99.9 %) and TTFT-under-0.5 s (95 %) SLOs, as the example configuration defines them. */
  TenantSetup setup(Tenant t) {
    var window = new SloWindow.Calendar(1, t.contract().timeZone());
    return new TenantSetup(t, List.of(
        new SloDefinition(t.id(), t.id() + "-chat-availability", SliKind.AVAILABILITY, 0, 0.999, window),
        new SloDefinition(t.id(), t.id() + "-chat-ttft", SliKind.TTFT_UNDER, 0.5, 0.95, window)));
  }

  TenantSetup setup(String id) {
    return setup(tenant(id));
  }

  @Override
  public void close() {
    db.close();
    SharedEmbeddedPostgres.drop(settings);
  }
}
