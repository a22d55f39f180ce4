package io.slamon.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.slamon.store.Database;
import io.slamon.store.DatabaseSettings;
import io.slamon.store.Event;
import io.slamon.store.SampleReader.Series;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Scrape → parse → attribute → write into a real (embedded) PostgreSQL, and events → DB, read back. */
class CollectorIT {
  static final String TOKEN = "it-token-0123456789abcdef";

  static Vertx vertx;
  static Database database;
  static Collector collector;
  static int exporterPort;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    Path dir = Path.of("target", "it-data", UUID.randomUUID().toString()).toAbsolutePath();
    database = Database.open(new DatabaseSettings(null, null, null, dir), message -> {});
    vertx = Vertx.vertx();
    String page = TestResources.text("/dcgm.txt");
    exporterPort = vertx.createHttpServer().requestHandler(r -> r.response().end(page)).listen(0, "127.0.0.1")
        .toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS).actualPort();
    ScrapeTarget dcgm = new ScrapeTarget("dcgm", URI.create("http://127.0.0.1:" + exporterPort + "/metrics"),
        Duration.ofHours(1), Duration.ofSeconds(5), Map.of(), false);
    collector = new Collector(vertx, List.of(dcgm), TenantResolver.byLabel("namespace"), database.sampleStore(),
        database.eventStore(), new EventSources(Map.of(TOKEN, "backup-operator")),
        Set.of("tenant-acme")::contains, CollectorSettings.defaults(), database::check, InstantSource.system());
    collector.start();
  }

  @AfterAll
  static void stop() throws Exception {
    if (collector != null) {
      collector.close();
    }
    if (vertx != null) {
      vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }
    if (database != null) {
      database.close();
    }
  }

  static Instant from() {
    return Instant.now().minus(1, ChronoUnit.HOURS);
  }

  static Instant to() {
    return Instant.now().plus(1, ChronoUnit.HOURS);
  }

  @Test
  void scrapedSamplesAreReadBackPerTenantAndProviderScope() throws Exception {
    collector.scrapeNow().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);

    List<Series> tenantUtil = database.sampleStore().query("tenant-acme", "DCGM_FI_DEV_GPU_UTIL", Map.of(), from(),
        to());
    assertThat(tenantUtil).singleElement().satisfies(s -> {
      assertThat(s.labels()).containsEntry("gpu", "0").containsEntry("job", "dcgm")
          .containsEntry("modelName", "NVIDIA H100 80GB HBM3");
      assertThat(s.points()).singleElement().satisfies(p -> assertThat(p.value()).isEqualTo(87));
    });
    List<Series> providerUtil = database.sampleStore().query(null, "DCGM_FI_DEV_GPU_UTIL", Map.of(), from(), to());
    assertThat(providerUtil).singleElement().satisfies(s -> assertThat(s.labels()).containsEntry("gpu", "1"));
    assertThat(database.sampleStore().query(null, "up", Map.of("job", "dcgm"), from(), to()))
        .singleElement().satisfies(s -> assertThat(s.points().get(0).value()).isEqualTo(1));
  }

  @Test
  void pushedEventsAreStoredOnceAndReadBack() throws Exception {
    String id = "velero-" + UUID.randomUUID();
    String body = "{\"id\":\"" + id + "\",\"type\":\"backup.completed\",\"tenant\":\"tenant-acme\","
        + "\"time\":\"2026-03-01T02:00:00Z\",\"attributes\":{\"asset\":\"object-storage\",\"sizeBytes\":1024}}";
    assertThat(post(body).statusCode()).isEqualTo(201);
    HttpResponse<String> again = post(body);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.body()).contains("\"duplicate\":true");
    List<Event> stored = database.eventStore().list("tenant-acme", "backup.", Instant.parse("2026-03-01T00:00:00Z"),
        Instant.parse("2026-03-02T00:00:00Z"));
    assertThat(stored).filteredOn(e -> e.id().equals(id)).singleElement().satisfies(e -> {
      assertThat(e.source()).isEqualTo("backup-operator");
      assertThat(e.attributes()).containsEntry("asset", "object-storage");
      assertThat(((Number) e.attributes().get("sizeBytes")).longValue()).isEqualTo(1024);
    });
  }

  @Test
  void readinessReflectsTheRealDatabaseCheck() throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + collector.port() + "/ready")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
  }

  static HttpResponse<String> post(String body) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + collector.port() + "/api/v1/events"))
        .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
