package io.slamon.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.slamon.collector.Collector;
import io.slamon.collector.CollectorSettings;
import io.slamon.collector.EventSources;
import io.slamon.collector.ScrapeTarget;
import io.slamon.simulator.Fault;
import io.slamon.simulator.FaultType;
import io.slamon.simulator.Fleet;
import io.slamon.simulator.FleetSpec;
import io.slamon.simulator.VllmServerSpec;
import io.slamon.slo.BuiltInSlis;
import io.slamon.slo.ErrorBudgetStatus;
import io.slamon.slo.SliKind;
import io.slamon.slo.SloDefinition;
import io.slamon.slo.SloEvaluator;
import io.slamon.slo.SloResult;
import io.slamon.slo.SloWindow;
import io.slamon.slo.StoredSliSource;
import io.slamon.store.Database;
import io.slamon.store.DatabaseSettings;
import io.slamon.store.SharedEmbeddedPostgres;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulator fleet, scraped by the real collector into an embedded PostgreSQL, judged by the
 * engine: one simulated hour, scraped every simulated minute (a shared clock drives simulator and
 * collector, so an hour takes seconds), with an endpoint outage, a latency spike and a queue
 * build-up injected for known shares of it. The engine's counts must equal what the simulator's own
 * /metrics say over the same hour, and the shares must be the injected ones.
 */
class SimulatorToEngineIT {
  private static final String ACME = "acme-logistik";
  private static final String HANSE = "hanse-bank";
  private static final String STADTWERKE = "stadtwerke-nord";
  private static final int MINUTES = 60;
  private static final String EVENT_TOKEN = "simulator-token-0123456789";

  private final AtomicReference<Instant> now = new AtomicReference<>();
  private final InstantSource clock = () -> now.get();
  private final HttpClient http = HttpClient.newHttpClient();
  private DatabaseSettings settings;
  private Database db;
  private Vertx vertx;
  private Fleet fleet;
  private Collector collector;

  @BeforeEach
  void start(@TempDir Path spool) {
    // on the hour: the simulator syncs RAG indexes every 5 minutes of epoch time, so this fixes which minutes sync
    now.set(Instant.now().truncatedTo(ChronoUnit.HOURS));
    settings = SharedEmbeddedPostgres.freshDatabase();
    db = Database.open(settings, msg -> {});
    vertx = Vertx.vertx();
    fleet = Fleet.start(vertx, FleetSpec.demo(42).withEphemeralPorts(), clock, 0);
    List<ScrapeTarget> targets = new ArrayList<>();
    List<VllmServerSpec> servers = fleet.spec().vllmServers();
    for (int i = 0; i < servers.size(); i++) {
      // an hour between automatic scrapes: the test scrapes on its own simulated minute
      targets.add(new ScrapeTarget("vllm", URI.create("http://" + fleet.vllmTargets().get(i) + "/metrics"), Duration.ofHours(1),
          Duration.ofSeconds(10), Map.of("tenant", servers.get(i).tenant()), false));
    }
    for (String gpuNode : fleet.gpuTargets()) {
      targets.add(new ScrapeTarget("dcgm", URI.create("http://" + gpuNode + "/metrics"), Duration.ofHours(1), Duration.ofSeconds(10), Map.of(), false));
    }
    // vLLM series by their target's tenant label, DCGM series by the pod's namespace (one per tenant)
    collector = new Collector(vertx, targets, (url, labels) -> Optional.ofNullable(labels.getOrDefault("tenant", labels.get("namespace"))),
        db.sampleStore(), db.eventStore(),
        new EventSources(Map.of(EVENT_TOKEN, "simulator")), fleet.spec().tenants()::contains, CollectorSettings.defaults().withPort(0).withSpool(spool), db::check, clock);
    collector.start();
    fleet.startPushing("http://127.0.0.1:" + collector.port() + "/api/v1/events", EVENT_TOKEN, Duration.ofMillis(100));
  }

  @AfterEach
  void stop() throws Exception {
    collector.close();
    fleet.close();
    vertx.close().toCompletionStage().toCompletableFuture().get();
    db.close();
    SharedEmbeddedPostgres.drop(settings);
  }

  @Test
  void theEngineSeesExactlyWhatTheSimulatorProducedAndTheInjectedShares() throws Exception {
    Instant start = now.get();
    scrape();
    String acmeBefore = metrics(ACME);
    String hanseBefore = metrics(HANSE);
    int queueOverTen = 0;
    int gpuMissing = 0;
    for (int m = 1; m <= MINUTES; m++) {
      now.set(start.plus(Duration.ofMinutes(m)));
      if (m == 20) {
        fleet.inject(new Fault(FaultType.ENDPOINT_DOWN, ACME, Duration.ofMinutes(6)));
      }
      if (m == 30) {
        fleet.inject(new Fault(FaultType.LATENCY_SPIKE, HANSE, Duration.ofMinutes(10)));
      }
      if (m == 40) {
        fleet.inject(new Fault(FaultType.QUEUE_BUILDUP, STADTWERKE, Duration.ofMinutes(5)));
      }
      if (m == 5) {
        fleet.inject(new Fault(FaultType.STALE_INDEX, HANSE, Duration.ofMinutes(40)));
      }
      if (m == 50) {
        fleet.inject(new Fault(FaultType.GPU_LOST, "gpu-node-02/3", Duration.ofMinutes(5)));
      }
      scrape();
      if (!get(fleet.gpuTargets().get(1)).contains("DCGM_FI_DEV_GPU_UTIL{gpu=\"3\"")) {
        gpuMissing++;
      }
      // the simulator renders the same state for the same instant, so this is what was scraped
      if (value(metrics(STADTWERKE), "vllm:num_requests_waiting", "") > 10) {
        queueOverTen++;
      }
    }
    String acmeAfter = metrics(ACME);
    String hanseAfter = metrics(HANSE);
    // evaluated one second after the last scrape, over the hour and that second: every scrape is inside
    now.set(start.plus(Duration.ofMinutes(MINUTES)).plusSeconds(1));
    SloWindow hour = new SloWindow.Rolling(Duration.ofMinutes(MINUTES).plusSeconds(1));
    SloEvaluator engine = new SloEvaluator(new BuiltInSlis(db.rollupReader(), db.eventStore(), new StoredSliSource(db.rollupReader())), clock);

    // endpoint-down for 6 of 60 minutes: every request of those minutes failed with 5xx
    double total = delta(acmeBefore, acmeAfter, "http_requests_total", "");
    double failed = delta(acmeBefore, acmeAfter, "http_requests_total", "status=\"5xx\"");
    for (SliKind kind : List.of(SliKind.ERROR_RATE, SliKind.AVAILABILITY)) {
      SloResult r = engine.evaluate(new SloDefinition(ACME, "acme-" + kind, kind, 0, 0.99, hour));
      assertThat(r.counts().total()).as(kind + " total").isEqualTo(total);
      assertThat(r.counts().total() - r.counts().good()).as(kind + " failed").isEqualTo(failed);
      assertThat(1 - r.attainment()).as(kind + " failed share ~ 6 of 60 minutes").isCloseTo(0.1, within(0.02));
      ErrorBudgetStatus budget = r.errorBudget();
      assertThat(budget.total()).isCloseTo(0.01 * total, within(1e-6));
      assertThat(budget.consumed()).isEqualTo(failed);
      assertThat(budget.consumedShare()).as("about ten budgets spent").isCloseTo(failed / (0.01 * total), within(1e-9)).isBetween(8.0, 12.0);
      assertThat(r.breached()).isTrue();
    }

    // latency spike for 10 of 60 minutes: TTFT x6..12 (median 150 ms -> ~1.4 s), so few stay under 500 ms then
    double ttftCount = delta(hanseBefore, hanseAfter, "vllm:time_to_first_token_seconds_count", "");
    double ttftUnder = delta(hanseBefore, hanseAfter, "vllm:time_to_first_token_seconds_bucket", "le=\"0.5\"");
    SloResult ttft = engine.evaluate(new SloDefinition(HANSE, "hanse-ttft", SliKind.TTFT_UNDER, 0.5, 0.95, hour));
    assertThat(ttft.counts().total()).isEqualTo(ttftCount);
    assertThat(ttft.counts().good()).isEqualTo(ttftUnder);
    // 50 minutes at ~99 % under 500 ms and 10 minutes at ~5 %: about 83 %
    assertThat(ttft.attainment()).isBetween(0.80, 0.87);
    assertThat(ttft.breached()).isTrue();

    // queue build-up for 5 of 60 minutes; one scrape per one-minute slice
    SloResult queue = engine.evaluate(new SloDefinition(STADTWERKE, "sw-queue", SliKind.QUEUE_DEPTH_UNDER, 10, 0.99, hour));
    assertThat(queue.counts().total()).as("slices with a scrape").isEqualTo(MINUTES + 1);
    assertThat(queue.counts().total() - queue.counts().good()).isEqualTo(queueOverTen).isBetween(4.0, 5.0);

    // hanse-bank holds 8 GPUs (6 on gpu-node-02, 2 on gpu-node-03); one is lost for 5 minutes
    SloDefinition gpus = new SloDefinition(HANSE, "hb-gpus", SliKind.GPU_CAPACITY, 0, 0.999, hour);
    SloResult eight = engine.evaluate(gpus.withParams(Map.of("reservedGpus", "8")));
    assertThat(eight.counts().total()).isEqualTo(MINUTES + 1);
    assertThat(eight.counts().total() - eight.counts().good()).isEqualTo(gpuMissing).isBetween(4.0, 6.0);
    assertThat(engine.evaluate(gpus.withParams(Map.of("reservedGpus", "7"))).attainment()).isEqualTo(1.0);

    // stale index from minute 5 (synced just before) to 45 (synced again): the lag is m - 5 minutes,
    // above 30 minutes in minutes 36..44
    List<io.slamon.store.Event> freshness = awaitFreshnessEvents(start);
    long lagging = freshness.stream().filter(e -> ((Number) e.attributes().get("freshnessSeconds")).doubleValue() > 1800).count();
    SloDefinition rag = new SloDefinition(HANSE, "hb-rag", SliKind.RAG_FRESHNESS_UNDER, 1800, 0.99, hour);
    SloResult ragResult = engine.evaluate(rag);
    assertThat(ragResult.counts().total()).isEqualTo(MINUTES + 1);
    assertThat(ragResult.counts().total() - ragResult.counts().good()).isEqualTo(lagging).isEqualTo(9.0);

    // a tenant without faults keeps its budget
    SloResult praxis = engine.evaluate(new SloDefinition("praxis-digital", "px-errors", SliKind.ERROR_RATE, 0, 0.999, hour));
    assertThat(praxis.attainment()).isEqualTo(1.0);
    assertThat(praxis.errorBudget().remainingShare()).isEqualTo(1.0);
  }

  /** Waits until the simulator's pushed freshness events of the hour are stored (pushing runs on real time). */
  private List<io.slamon.store.Event> awaitFreshnessEvents(Instant start) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      List<io.slamon.store.Event> events = db.eventStore().list(HANSE, "rag_index.freshness", start, start.plus(Duration.ofMinutes(MINUTES)).plusSeconds(1));
      if (events.size() >= MINUTES + 1 || System.nanoTime() > deadline) {
        assertThat(events).as("freshness events of the hour").hasSize(MINUTES + 1);
        return events;
      }
      Thread.sleep(100);
    }
  }

  private void scrape() throws Exception {
    collector.scrapeNow().toCompletionStage().toCompletableFuture().get();
  }

  private String metrics(String tenant) throws Exception {
    List<VllmServerSpec> servers = fleet.spec().vllmServers();
    for (int i = 0; i < servers.size(); i++) {
      if (servers.get(i).tenant().equals(tenant)) {
        return get(fleet.vllmTargets().get(i));
      }
    }
    throw new IllegalArgumentException("no vLLM server for " + tenant);
  }

  /** The simulator's /metrics of {@code hostPort} now (the same text the collector scraped at this instant). */
  private String get(String hostPort) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://" + hostPort + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as("simulator /metrics of " + hostPort).isEqualTo(200);
    return r.body();
  }

  private static double delta(String before, String after, String metric, String labelFragment) {
    return value(after, metric, labelFragment) - value(before, metric, labelFragment);
  }

  /** Sum of the exposition lines of {@code metric} whose labels contain {@code labelFragment}. */
  private static double value(String exposition, String metric, String labelFragment) {
    Pattern line = Pattern.compile("^" + Pattern.quote(metric) + "(\\{[^}]*})?\\s+(\\S+)", Pattern.MULTILINE);
    Matcher m = line.matcher(exposition);
    double sum = 0;
    while (m.find()) {
      String labels = m.group(1) == null ? "" : m.group(1);
      if (labels.contains(labelFragment)) {
        sum += Double.parseDouble(m.group(2));
      }
    }
    return sum;
  }
}
