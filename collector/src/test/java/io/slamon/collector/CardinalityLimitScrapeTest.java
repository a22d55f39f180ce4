package io.slamon.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.slamon.collector.admission.CardinalityLimiter.Refusal;
import io.slamon.collector.events.InMemoryEventStore;
import io.slamon.core.config.CardinalityLimits;
import io.slamon.store.Sample;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A target whose series keep multiplying, scraped over real HTTP by a collector with a small series limit. */
class CardinalityLimitScrapeTest {
  Vertx vertx = Vertx.vertx();
  Collector collector;
  final List<Sample> written = Collections.synchronizedList(new ArrayList<>());

  @AfterEach
  void stop() throws Exception {
    collector.close();
    vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  @Test
  void newSeriesBeyondTheLimitAreRefusedAndCountedWhileKnownSeriesAndUpKeepFlowing() throws Exception {
    AtomicInteger scrape = new AtomicInteger();
    // each scrape: the same 3 stable series plus 3 new request-id series
    int port = vertx.createHttpServer().requestHandler(r -> {
      int n = scrape.incrementAndGet();
      StringBuilder page = new StringBuilder("# TYPE stable gauge\n");
      for (int i = 0; i < 3; i++) {
        page.append("stable{gpu=\"").append(i).append("\"} 1\n");
      }
      page.append("# TYPE leaky gauge\n");
      for (int i = 0; i < 3; i++) {
        page.append("leaky{request=\"").append(n).append('-').append(i).append("\"} 1\n");
      }
      r.response().end(page.toString());
    }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS).actualPort();
    ScrapeTarget target = new ScrapeTarget("leaky", URI.create("http://127.0.0.1:" + port + "/metrics"),
        Duration.ofHours(1), Duration.ofSeconds(2), Map.of(), false);
    collector = new Collector(vertx, List.of(target), TenantResolver.providerOnly(), SeriesRelabeler.NONE,
        written::addAll, new InMemoryEventStore(), new EventSources(Map.of()), Set.<String>of()::contains,
        CollectorSettings.defaults(),
        IngestOptions.defaults().withCardinalityLimits(new CardinalityLimits(8, 100, Duration.ofHours(1))),
        null, InstantSource.system());
    collector.start();

    for (int i = 0; i < 3; i++) {
      collector.scrapeNow().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    // scrape 1: 6 series; scrape 2: 2 of 3 new ones fit (8); scrape 3: none of 3 new ones
    assertThat(written).filteredOn(s -> s.metric().equals("stable")).hasSize(9);
    assertThat(written).filteredOn(s -> s.metric().equals("leaky")).hasSize(5);
    assertThat(written).filteredOn(s -> s.metric().equals("up")).hasSize(3).allSatisfy(s -> assertThat(s.value())
        .isEqualTo(1));
    assertThat(collector.samplesRefused(Refusal.TARGET_SERIES_LIMIT)).isEqualTo(4);
    String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
        + collector.port() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
    assertThat(metrics).contains("slamon_collector_samples_refused_total{reason=\"target_series_limit\"} 4.0")
        .contains("slamon_collector_series_tracked_series 8.0");
  }
}
