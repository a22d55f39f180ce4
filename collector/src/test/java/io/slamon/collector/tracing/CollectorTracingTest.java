package io.slamon.collector.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import io.slamon.collector.Collector;
import io.slamon.collector.CollectorSettings;
import io.slamon.collector.EventSources;
import io.slamon.collector.IngestOptions;
import io.slamon.collector.ScrapeTarget;
import io.slamon.collector.SeriesRelabeler;
import io.slamon.collector.TenantResolver;
import io.slamon.collector.events.InMemoryEventStore;
import io.slamon.store.StoreException;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Scrape and write spans exported over OTLP/HTTP to a real HTTP receiver. */
class CollectorTracingTest {
  final Vertx vertx = Vertx.vertx();
  final List<Span> spans = Collections.synchronizedList(new ArrayList<>());
  final List<String> services = Collections.synchronizedList(new ArrayList<>());

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  int listen(io.vertx.core.Handler<io.vertx.core.http.HttpServerRequest> handler) throws Exception {
    return vertx.createHttpServer().requestHandler(handler).listen(0, "127.0.0.1").toCompletionStage()
        .toCompletableFuture().get(5, TimeUnit.SECONDS).actualPort();
  }

  static String attr(Span s, String key) {
    return s.getAttributesList().stream().filter(kv -> kv.getKey().equals(key)).map(KeyValue::getValue)
        .map(v -> v.hasStringValue() ? v.getStringValue() : v.hasIntValue() ? Long.toString(v.getIntValue())
            : Boolean.toString(v.getBoolValue()))
        .findFirst().orElse(null);
  }

  @Test
  void scrapesAndWritesBecomeSpansExportedOverOtlpHttp() throws Exception {
    int receiver = listen(r -> r.body().onSuccess(body -> {
      try {
        ExportTraceServiceRequest req = ExportTraceServiceRequest.parseFrom(body.getBytes());
        req.getResourceSpansList().forEach(rs -> {
          rs.getResource().getAttributesList().stream().filter(kv -> kv.getKey().equals("service.name"))
              .forEach(kv -> services.add(kv.getValue().getStringValue()));
          rs.getScopeSpansList().forEach(ss -> spans.addAll(ss.getSpansList()));
        });
        r.response().putHeader("Content-Type", "application/x-protobuf").end();
      } catch (Exception e) {
        r.response().setStatusCode(400).end();
      }
    }));
    int exporter = listen(r -> r.response().end("# TYPE m gauge\nm 1\n"));
    AtomicBoolean dbDown = new AtomicBoolean(true);
    ScrapeTarget target = new ScrapeTarget("traced", URI.create("http://127.0.0.1:" + exporter + "/metrics"),
        Duration.ofHours(1), Duration.ofSeconds(2), Map.of(), false);
    CollectorTracing tracing = CollectorTracing.otlp(URI.create("http://127.0.0.1:" + receiver + "/v1/traces"),
        "slamon-collector-test");
    Collector collector = new Collector(vertx, List.of(target), TenantResolver.providerOnly(), SeriesRelabeler.NONE,
        samples -> {
          if (dbDown.getAndSet(false)) {
            throw new StoreException("database down (injected)");
          }
        }, new InMemoryEventStore(), new EventSources(Map.of()), Set.<String>of()::contains,
        CollectorSettings.defaults().withRetryBackoff(Duration.ofMillis(5), Duration.ofMillis(10)),
        IngestOptions.defaults().withTracing(tracing), null, InstantSource.system());
    collector.start();
    collector.scrapeNow().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    collector.close(); // flushes the batch span processor

    assertThat(services).contains("slamon-collector-test");
    assertThat(spans).filteredOn(s -> s.getName().equals("scrape")).singleElement().satisfies(s -> {
      assertThat(attr(s, "slamon.job")).isEqualTo("traced");
      assertThat(attr(s, "url.full")).endsWith("/metrics");
      assertThat(attr(s, "slamon.up")).isEqualTo("true");
    });
    List<Span> writes = spans.stream().filter(s -> s.getName().equals("write")).toList();
    assertThat(writes).hasSize(2); // the failed attempt and the retry
    assertThat(writes.get(0).getStatus().getMessage()).isEqualTo("StoreException");
    assertThat(writes).allSatisfy(s -> assertThat(attr(s, "slamon.samples")).isEqualTo("4"));
  }

  @Test
  void tracingIsOffByDefault() {
    assertThat(IngestOptions.defaults().tracing().enabled()).isFalse();
  }
}
