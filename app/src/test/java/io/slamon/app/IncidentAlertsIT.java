package io.slamon.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.slamon.core.config.ConfigLoader;
import io.slamon.core.config.SlamonConfig;
import io.slamon.store.Database;
import io.slamon.store.DatabaseSettings;
import io.slamon.store.IncidentRecord;
import io.slamon.store.Sample;
import io.slamon.store.SharedEmbeddedPostgres;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * An incident opened from an infrastructure signal (a scrape target down) reaches on-call as an
 * alert through the runtime's evaluation round, the outbox and a real webhook receiver over HTTP,
 * and resolves (with {@code endsAt}) in the round after {@code slamon incident resolve}.
 */
class IncidentAlertsIT {
  private static final String INSTANCE = "10.9.9.9:8000";

  @Test
  void aTargetDownIncidentFiresAsAnAlertAndResolvesAfterTheIncidentIsResolved(@TempDir Path dir) throws Exception {
    List<JsonObject> received = new CopyOnWriteArrayList<>();
    HttpServer hook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    hook.createContext("/hook", exchange -> {
      received.add(new JsonObject(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    hook.start();

    ConfigMappingTest.copyExample(dir);
    Files.delete(dir.resolve("scrape/fleet.yaml")); // the only target down is the one this test writes
    Files.writeString(dir.resolve("slamon.yaml"), Files.readString(dir.resolve("slamon.yaml")) + """
        alerting:
          dashboardUrl: http://grafana.test/d/incident?var-tenant={tenant}&var-incident={incident_id}
          runbookUrl: http://runbooks.test/{alertname}
          receivers:
            - name: oncall-hook
              webhook:
                url: http://127.0.0.1:%d/hook
                secret: 0123456789abcdef0123456789abcdef
          routes:
            - receivers: [oncall-hook]
        """.formatted(hook.getAddress().getPort()));
    SlamonConfig config = ConfigLoader.load(dir).config();
    assertThat(config).isNotNull();

    DatabaseSettings settings = SharedEmbeddedPostgres.freshDatabase();
    Database db = Database.open(settings, m -> {});
    Vertx vertx = Vertx.vertx();
    try (SlamonRuntime runtime = SlamonRuntime.start(config, db, vertx, InstantSource.system(), 0, dir.resolve("data"))) {
      Instant now = Instant.now();
      db.sampleStore().write(List.of(up(now.minusSeconds(10), 0)));

      SlamonRuntime.Round first = runtime.evaluate();
      IncidentRecord incident = first.opened().stream().filter(i -> i.fingerprint().contains("/target_down/")).findFirst().orElseThrow();
      assertThat(incident.tenant()).isEqualTo("hanse-bank");

      JsonObject firing = await(received, e -> incident.id().equals(e.getJsonObject("labels").getString("incident_id"))
          && "SlamonTargetDown".equals(e.getJsonObject("labels").getString("alertname")));
      assertThat(firing.getString("status")).isEqualTo("firing");
      assertThat(firing.getString("endsAt")).isNull();
      assertThat(firing.getString("title")).isEqualTo(incident.title());
      assertThat(firing.getJsonObject("labels").getMap()).containsEntry("tenant", "hanse-bank").containsEntry("component", "vllm")
          .containsEntry("severity", incident.severity().equals("P1") || incident.severity().equals("P2") ? "page" : "ticket");
      assertThat(firing.getString("dashboardUrl")).isEqualTo("http://grafana.test/d/incident?var-tenant=hanse-bank&var-incident=" + incident.id());
      assertThat(firing.getString("runbookUrl")).isEqualTo("http://runbooks.test/SlamonTargetDown");

      runtime.evaluate();
      Thread.sleep(1500); // a dispatcher pass: nothing new may go out while the incident stays open
      assertThat(received.stream().filter(e -> incident.id().equals(e.getJsonObject("labels").getString("incident_id"))
          && "SlamonTargetDown".equals(e.getJsonObject("labels").getString("alertname")))).as("fires once while it lasts").hasSize(1);

      db.sampleStore().write(List.of(up(Instant.now(), 1))); // the target is back, so no new incident opens
      assertThat(resolve(settings, incident.id())).isZero();
      runtime.evaluate();

      JsonObject resolved = await(received, e -> incident.id().equals(e.getJsonObject("labels").getString("incident_id"))
          && "resolved".equals(e.getString("status")));
      assertThat(resolved.getJsonObject("labels")).isEqualTo(firing.getJsonObject("labels"));
      assertThat(Instant.parse(resolved.getString("endsAt"))).isAfterOrEqualTo(Instant.parse(firing.getString("startsAt")));
    } finally {
      hook.stop(0);
      vertx.close().toCompletionStage().toCompletableFuture().get();
      db.close();
      SharedEmbeddedPostgres.drop(settings);
    }
  }

  private static Sample up(Instant at, double value) {
    return new Sample("hanse-bank", "up", Map.of("instance", INSTANCE, "job", "vllm"), at.toEpochMilli(), value);
  }

  /** {@code slamon incident resolve <id>} against the test's database, as on-call would type it. */
  private static int resolve(DatabaseSettings settings, String id) {
    CommandLine cmd = Main.commandLine();
    StringWriter err = new StringWriter();
    cmd.setOut(new PrintWriter(new StringWriter(), true));
    cmd.setErr(new PrintWriter(err, true));
    int code = cmd.execute("incident", "resolve", id, "--as", "oncall@example.de", "--reason", "target restarted",
        "--db-url", settings.url(), "--db-user", settings.user(), "--db-password", settings.password() == null ? "" : settings.password());
    assertThat(err.toString()).isEmpty();
    return code;
  }

  /** The first delivered event that matches, within 20 s (the dispatcher runs once a second). */
  private static JsonObject await(List<JsonObject> received, Predicate<JsonObject> wanted) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      var match = received.stream().filter(wanted).findFirst();
      if (match.isPresent()) {
        return match.get();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no such event within 20 s; received: " + received);
  }
}
