package io.slamon.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.slamon.store.Sample;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScraperTest {
  static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  Vertx vertx;
  HttpServer exporter;
  int port;
  final AtomicReference<String> page = new AtomicReference<>();
  final AtomicReference<Map<String, String>> requestHeaders = new AtomicReference<>();
  final List<Sample> written = Collections.synchronizedList(new ArrayList<>());
  WritePipeline pipeline;
  CollectorMetrics metrics;

  @BeforeEach
  void startExporter() throws Exception {
    vertx = Vertx.vertx();
    page.set(TestResources.text("/dcgm.txt"));
    exporter = vertx.createHttpServer(new HttpServerOptions().setCompressionSupported(true))
        .requestHandler(req -> {
          Map<String, String> h = new java.util.HashMap<>();
          req.headers().forEach(e -> h.put(e.getKey().toLowerCase(), e.getValue()));
          requestHeaders.set(h);
          if (req.path().equals("/metrics")) {
            req.response().putHeader("Content-Type", "text/plain; version=0.0.4").end(page.get());
          } else {
            req.response().setStatusCode(404).end();
          }
        });
    port = exporter.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS)
        .actualPort();
    pipeline = new WritePipeline(written::addAll, 10_000, 1_000, Duration.ofMillis(1), Duration.ofMillis(5),
        Duration.ofSeconds(1));
    metrics = new CollectorMetrics();
  }

  @AfterEach
  void stop() throws Exception {
    pipeline.close();
    vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  Scraper scraper(ScrapeTarget... targets) {
    return new Scraper(vertx, List.of(targets), TenantResolver.byLabel("namespace"), pipeline, metrics,
        InstantSource.fixed(NOW), new SplittableRandom(42));
  }

  ScrapeTarget target(String path, Map<String, String> labels, boolean honor) {
    return new ScrapeTarget("dcgm", URI.create("http://127.0.0.1:" + port + path), Duration.ofSeconds(15),
        Duration.ofSeconds(2), labels, honor);
  }

  void scrapeOnce(Scraper s) throws Exception {
    s.scrapeNow().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  List<Sample> named(String name) {
    return written.stream().filter(s -> s.metric().equals(name)).toList();
  }

  @Test
  void scrapedSamplesCarryTargetLabelsScrapeTimeAndTheirTenant() throws Exception {
    Scraper s = scraper(target("/metrics", Map.of("cluster", "fra-1"), false));
    scrapeOnce(s);
    s.close();

    List<Sample> util = named("DCGM_FI_DEV_GPU_UTIL");
    assertThat(util).hasSize(2);
    Sample gpu0 = util.stream().filter(x -> x.labels().get("gpu").equals("0")).findFirst().orElseThrow();
    assertThat(gpu0.tenant()).isEqualTo("tenant-acme");
    assertThat(gpu0.value()).isEqualTo(87);
    assertThat(gpu0.timestampMillis()).isEqualTo(NOW.toEpochMilli());
    assertThat(gpu0.labels()).containsEntry("job", "dcgm").containsEntry("instance", "127.0.0.1:" + port)
        .containsEntry("cluster", "fra-1").containsEntry("modelName", "NVIDIA H100 80GB HBM3");
    assertThat(named("DCGM_FI_DEV_FB_USED")).hasSize(2);
    assertThat(metrics.samplesScraped()).isEqualTo(8);
    assertThat(requestHeaders.get().get("accept")).startsWith("text/plain;version=0.0.4");
    assertThat(requestHeaders.get().get("accept-encoding")).contains("gzip");
  }

  @Test
  void seriesMatchingNoTenantRuleBelongToTheProviderScope() throws Exception {
    Scraper s = scraper(target("/metrics", Map.of(), false));
    scrapeOnce(s);
    s.close();
    Sample gpu1 = named("DCGM_FI_DEV_GPU_UTIL").stream().filter(x -> x.labels().get("gpu").equals("1"))
        .findFirst().orElseThrow();
    assertThat(gpu1.tenant()).isNull();
    assertThat(named("up")).singleElement().satisfies(up -> assertThat(up.tenant()).isNull());
  }

  @Test
  void aReachableTargetGetsUpOneAndTheSyntheticScrapeSeries() throws Exception {
    Scraper s = scraper(target("/metrics", Map.of(), false));
    scrapeOnce(s);
    s.close();
    assertThat(named("up")).singleElement().satisfies(up -> {
      assertThat(up.value()).isEqualTo(1);
      assertThat(up.labels()).isEqualTo(Map.of("job", "dcgm", "instance", "127.0.0.1:" + port));
    });
    assertThat(named("scrape_samples_scraped")).singleElement().satisfies(x -> assertThat(x.value()).isEqualTo(8));
    assertThat(named("scrape_duration_seconds")).singleElement()
        .satisfies(x -> assertThat(x.value()).isPositive().isLessThan(2));
  }

  @Test
  void aTargetAnsweringWithAnErrorStatusIsDown() throws Exception {
    Scraper s = scraper(target("/nothing-here", Map.of(), false));
    scrapeOnce(s);
    s.close();
    assertThat(named("up")).singleElement().satisfies(up -> assertThat(up.value()).isZero());
    assertThat(named("scrape_samples_scraped")).singleElement().satisfies(x -> assertThat(x.value()).isZero());
    assertThat(written).hasSize(3);
  }

  @Test
  void anUnreachableTargetIsDown() throws Exception {
    int deadPort = port;
    exporter.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    Scraper s = scraper(new ScrapeTarget("vllm", URI.create("http://127.0.0.1:" + deadPort + "/metrics"),
        Duration.ofSeconds(15), Duration.ofSeconds(2), Map.of(), false));
    scrapeOnce(s);
    s.close();
    assertThat(named("up")).singleElement().satisfies(up -> assertThat(up.value()).isZero());
  }

  @Test
  void malformedLinesAreSkippedAndTheRestOfThePageIsWritten() throws Exception {
    page.set("good_one 1\nbroken{ 2\ngood_two 3\n");
    Scraper s = scraper(target("/metrics", Map.of(), false));
    scrapeOnce(s);
    s.close();
    assertThat(named("good_one")).hasSize(1);
    assertThat(named("good_two")).hasSize(1);
    assertThat(named("up")).singleElement().satisfies(up -> assertThat(up.value()).isEqualTo(1));
    assertThat(metrics.scrape()).contains("slamon_collector_parse_errors_total{job=\"dcgm\"} 1.0");
  }

  @Test
  void clashingLabelsAreRenamedToExportedUnlessHonored() {
    Map<String, String> scraped = Map.of("job", "inner", "exported_job", "x", "gpu", "0", "empty", "");
    Map<String, String> target = Map.of("job", "dcgm", "instance", "h:1");
    assertThat(Scraper.merge(scraped, target, false)).isEqualTo(Map.of("job", "dcgm", "exported_exported_job",
        "inner", "exported_job", "x", "gpu", "0", "instance", "h:1"));
    assertThat(Scraper.merge(scraped, target, true)).isEqualTo(Map.of("job", "inner", "exported_job", "x", "gpu",
        "0", "instance", "h:1"));
  }

  @Test
  void sampleTimestampsFromTheExporterAreKept() throws Exception {
    page.set("with_ts 1 1700000000123\n");
    Scraper s = scraper(target("/metrics", Map.of(), false));
    scrapeOnce(s);
    s.close();
    assertThat(named("with_ts")).singleElement()
        .satisfies(x -> assertThat(x.timestampMillis()).isEqualTo(1700000000123L));
  }

  @Test
  void samplesWithImpossibleTimestampsAreDroppedAndCountedWithoutLosingTheRest() throws Exception {
    page.set("fine 1\nfrom_year_10000 2 253402300800000\nbefore_1970 3 -5\n");
    Scraper s = scraper(target("/metrics", Map.of(), false));
    scrapeOnce(s);
    s.close();
    assertThat(named("fine")).hasSize(1);
    assertThat(named("from_year_10000")).isEmpty();
    assertThat(named("before_1970")).isEmpty();
    assertThat(named("scrape_samples_scraped")).singleElement().satisfies(x -> assertThat(x.value()).isEqualTo(1));
    assertThat(metrics.scrape()).contains("slamon_collector_parse_errors_total{job=\"dcgm\"} 2.0");
  }

  @Test
  void metricRelabelingRewritesAndDropsSeriesBeforeAttribution() throws Exception {
    // Drop FB_USED, and give GPU 1 (no namespace on the page) a namespace so it is attributed.
    SeriesRelabeler rules = (target, labels) -> {
      if (labels.get("__name__").equals("DCGM_FI_DEV_FB_USED")) {
        return java.util.Optional.empty();
      }
      var out = new java.util.LinkedHashMap<>(labels);
      if ("1".equals(out.get("gpu"))) {
        out.put("namespace", "tenant-beta");
      }
      return java.util.Optional.of(out);
    };
    Scraper s = new Scraper(vertx, List.of(target("/metrics", Map.of(), false)), TenantResolver.byLabel("namespace"),
        rules, pipeline, metrics, InstantSource.fixed(NOW), new SplittableRandom(1));
    scrapeOnce(s);
    s.close();
    assertThat(named("DCGM_FI_DEV_FB_USED")).isEmpty();
    Sample gpu1 = named("DCGM_FI_DEV_GPU_UTIL").stream().filter(x -> x.labels().get("gpu").equals("1"))
        .findFirst().orElseThrow();
    assertThat(gpu1.tenant()).isEqualTo("tenant-beta");
    assertThat(gpu1.labels()).doesNotContainKey("__name__");
    assertThat(named("up")).hasSize(1);
  }

  @Test
  void anEmptyTenantFromTheResolverMeansProviderScope() throws Exception {
    Scraper s = new Scraper(vertx, List.of(target("/metrics", Map.of(), false)), (t, l) -> java.util.Optional.of(""),
        pipeline, metrics, InstantSource.fixed(NOW), new SplittableRandom(1));
    scrapeOnce(s);
    s.close();
    assertThat(written).isNotEmpty().allSatisfy(x -> assertThat(x.tenant()).isNull());
  }

  @Test
  void aFailingTenantResolverMarksTheScrapeFailedInsteadOfLosingItSilently() throws Exception {
    Scraper s = new Scraper(vertx, List.of(target("/metrics", Map.of(), false)), (t, l) -> {
      if (l.containsKey("gpu")) {
        throw new IllegalStateException("rule bug");
      }
      return java.util.Optional.empty();
    }, pipeline, metrics, InstantSource.fixed(NOW), new SplittableRandom(1));
    scrapeOnce(s);
    s.close();
    assertThat(named("up")).singleElement().satisfies(up -> assertThat(up.value()).isZero());
    assertThat(named("DCGM_FI_DEV_GPU_UTIL")).isEmpty();
  }

  @Test
  void scheduledScrapingStartsWithinTheFirstIntervalAndRepeats() throws Exception {
    Scraper s = new Scraper(vertx, List.of(new ScrapeTarget("dcgm", URI.create("http://127.0.0.1:" + port
        + "/metrics"), Duration.ofMillis(100), Duration.ofMillis(100), Map.of(), false)),
        TenantResolver.providerOnly(), pipeline, metrics, InstantSource.fixed(NOW), new SplittableRandom(1));
    s.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (named("up").size() < 3 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    s.close();
    assertThat(named("up").size()).isGreaterThanOrEqualTo(3);
  }
}
