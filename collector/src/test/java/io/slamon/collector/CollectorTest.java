package io.slamon.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.slamon.collector.events.InMemoryEventStore;
import io.slamon.store.Sample;
import io.slamon.store.SampleWriter;
import io.slamon.store.StoreException;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CollectorTest {
  static final String TOKEN = "ops-token-0123456789abcdef";

  Vertx vertx;
  int exporterPort;
  final List<Sample> written = Collections.synchronizedList(new ArrayList<>());
  final AtomicBoolean dbDown = new AtomicBoolean();
  final InMemoryEventStore events = new InMemoryEventStore();
  final HttpClient http = HttpClient.newHttpClient();
  Collector collector;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    String page = TestResources.text("/vllm.txt");
    HttpServer exporter = vertx.createHttpServer().requestHandler(r -> r.response().end(page));
    exporterPort = exporter.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS)
        .actualPort();
    SampleWriter writer = samples -> {
      if (dbDown.get()) {
        throw new StoreException("database down (injected)");
      }
      written.addAll(samples);
    };
    ScrapeTarget vllm = new ScrapeTarget("vllm", URI.create("http://127.0.0.1:" + exporterPort + "/metrics"),
        Duration.ofHours(1), Duration.ofSeconds(2), Map.of("tenant", "acme"), false);
    collector = new Collector(vertx, List.of(vllm), TenantResolver.byLabel("tenant"), writer, events,
        new EventSources(Map.of(TOKEN, "ops")), Set.of("acme")::contains,
        CollectorSettings.defaults().withRetryBackoff(Duration.ofMillis(5), Duration.ofMillis(20)));
  }

  @AfterEach
  void stop() throws Exception {
    collector.close();
    vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + collector.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void scrapeNowWritesTheTargetsSamplesAttributedToTheirTenant() throws Exception {
    int port = collector.start();
    assertThat(port).isPositive();
    collector.scrapeNow().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertThat(collector.samplesScraped()).isEqualTo(12);
    assertThat(collector.samplesWritten()).isEqualTo(12 + 3);
    assertThat(written).allSatisfy(s -> assertThat(s.tenant()).isEqualTo("acme"));
    assertThat(collector.queueDepth()).isZero();
  }

  @Test
  void eventsArePostedThroughTheSameServer() throws Exception {
    collector.start();
    String body = """
        {"id":"rt-1","type":"restore_test.completed","tenant":"acme","time":"2026-01-01T00:00:00Z",
         "attributes":{"asset":"object-storage","durationSeconds":1800,"success":true}}""";
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + collector.port() + "/api/v1/events"))
        .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(201);
    assertThat(events.size()).isEqualTo(1);
    assertThat(collector.eventsAccepted()).isEqualTo(1);
  }

  @Test
  void selfMetricsExposeQueueScrapeWriteAndRefusalCounters() throws Exception {
    collector.start();
    collector.scrapeNow().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    HttpResponse<String> r = get("/metrics");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
    assertThat(r.body())
        .contains("slamon_collector_queue_depth_samples 0.0")
        .contains("slamon_collector_samples_scraped_total{job=\"vllm\"} 12.0")
        .contains("slamon_collector_samples_written_total 15.0")
        .contains("slamon_collector_samples_refused_total{reason=\"queue_full\"} 0.0")
        .contains("slamon_collector_scrape_duration_seconds_count{job=\"vllm\",up=\"1\"} 1");
  }

  @Test
  void readinessFollowsTheWritePathWhenNoDatabaseCheckIsGiven() throws Exception {
    collector.start();
    assertThat(get("/health").statusCode()).isEqualTo(200);
    assertThat(get("/ready").statusCode()).isEqualTo(200);
    dbDown.set(true);
    var pending = collector.scrapeNow();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (get("/ready").statusCode() != 503 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(get("/ready").statusCode()).isEqualTo(503);
    assertThat(get("/health").statusCode()).isEqualTo(200);
    dbDown.set(false);
    pending.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    assertThat(get("/ready").statusCode()).isEqualTo(200);
    assertThat(collector.samplesWritten()).isEqualTo(15);
  }
}
