package io.slamon.app.web;

import io.slamon.app.PortalWiring;
import io.slamon.core.config.ConfigLoader;
import io.slamon.core.config.ConfigResult;
import io.slamon.core.config.Portal;
import io.slamon.core.config.SlamonConfig;
import io.slamon.store.Database;
import io.slamon.store.DatabaseSettings;
import io.slamon.store.IncidentRecord;
import io.slamon.store.ReportArchive;
import io.slamon.store.SharedEmbeddedPostgres;
import io.slamon.store.SloStatus;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * A real portal for tests: the example configuration (tenants acme-logistik = A and hanse-bank = B,
 * tokens from examples/config/slamon.yaml), a fresh embedded database with SLO evaluations and one
 * live incident per tenant, and the server on a free port.
 */
final class PortalFixture implements AutoCloseable {
  static final String A = "acme-logistik";
  static final String B = "hanse-bank";
  static final String A_TOKEN = "demo-acme-logistik-token";
  static final String B_TOKEN = "demo-hanse-bank-token";
  static final String ONCALL_TOKEN = "demo-oncall-token-rheinwerk";
  static final String EVIL_TITLE = "<script>alert('xss')</script> latency & \"quotes\"";

  final SlamonConfig config;
  final DatabaseSettings settings;
  final Database db;
  final Vertx vertx;
  final PortalServer server;
  final String incidentA;
  final String incidentB;
  final String base;
  final String reportA;
  final String reportB;

  PortalFixture(boolean secureCookies) {
    ConfigResult loaded = ConfigLoader.load(Path.of("..", "examples", "config"));
    if (loaded.config() == null) {
      throw new IllegalStateException("example config invalid: " + loaded.problems());
    }
    config = loaded.config();
    settings = SharedEmbeddedPostgres.freshDatabase();
    db = Database.open(settings, m -> {});
    Instant now = Instant.now();
    for (int i = 10; i >= 0; i--) {
      Instant at = now.minus(Duration.ofMinutes(10L * i));
      db.sloStatusStore().append(new SloStatus(A, "acme-logistik-chat-availability", at, at.minusSeconds(3600), at, 9995, 10000, 0.999, 0.9995, 0.5));
      db.sloStatusStore().append(new SloStatus(B, "hanse-bank-chat-availability", at, at.minusSeconds(3600), at, 9000, 10000, 0.9995, 0.9, -199));
    }
    incidentA = open(A, "fp-a", "P2", EVIL_TITLE, now);
    incidentB = open(B, "fp-b", "P1", "hanse-bank chat down", now);
    reportA = issueReport(A, now);
    reportB = issueReport(B, now);
    vertx = Vertx.vertx();
    Portal p = config.portal();
    server = PortalWiring.start(config, db, vertx, InstantSource.system(), new Portal(0, "127.0.0.1", secureCookies, p.databaseRolePrefix(), p.tokens()));
    base = "http://127.0.0.1:" + server.port();
  }

  /** An archived October report of the tenant: a PDF and a JSON twin that both name the tenant. */
  private String issueReport(String tenant, Instant at) {
    var issued = db.reportArchive().issue(new ReportArchive.NewReport(tenant, "2026-10", "de", 1, null, at, "{}",
        "{\"tenant\":\"" + tenant + "\"}", ("%PDF-1.7 report of " + tenant + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8)));
    return issued.reportId();
  }

  /** Opens one more live incident, for a test that changes it without disturbing the others. */
  String openIncident(String tenant, String title) {
    return open(tenant, "fp-" + java.util.UUID.randomUUID(), "P3", title, Instant.now());
  }

  private String open(String tenant, String fingerprint, String severity, String title, Instant at) {
    String id = db.incidentStore().nextId(2026);
    db.incidentStore().openOrGet(new IncidentRecord(id, tenant, fingerprint, severity, "open", title, at, at));
    db.auditLog().append(at, "slamon", id, "opened", null, "open", title);
    return id;
  }

  String state(String id) {
    return db.incidentStore().find(id).orElseThrow().state();
  }

  @Override
  public void close() {
    server.close();
    vertx.close().toCompletionStage().toCompletableFuture().join();
    db.close();
    SharedEmbeddedPostgres.drop(settings);
  }
}
