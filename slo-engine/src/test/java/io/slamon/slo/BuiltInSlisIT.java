package io.slamon.slo;

import static org.assertj.core.api.Assertions.assertThat;

import io.slamon.store.Database;
import io.slamon.store.DatabaseSettings;
import io.slamon.store.Event;
import io.slamon.store.Sample;
import io.slamon.store.SharedEmbeddedPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The built-in SLIs read from a real database, with each supported server's metric names (vLLM,
 * TGI, Triton, SGLang, OTLP GenAI) stored for one tenant and decoys stored for another tenant.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BuiltInSlisIT {
  private static final Instant T0 = Instant.parse("2026-03-29T00:00:00Z");
  private static final String TENANT = "acme";
  private static final String OTHER = "initech";

  private DatabaseSettings settings;
  private Database db;
  private BuiltInSlis slis;

  @BeforeAll
  void storeFleetData() {
    settings = SharedEmbeddedPostgres.freshDatabase();
    db = Database.open(settings, msg -> {});
    slis = new BuiltInSlis(db.rollupReader(), db.eventStore(), new StoredSliSource(db.rollupReader()));
    List<Sample> s = new ArrayList<>();
    for (String tenant : List.of(TENANT, OTHER)) {
      int k = tenant.equals(TENANT) ? 1 : 100; // the other tenant's numbers are far off, so leaking shows
      // one point per minute from minute -1 to 9; each counter grows by its step per minute
      for (int m = -1; m < 10; m++) {
        long t = T0.plusSeconds(60L * m + 30).toEpochMilli();
        // vLLM: 100 requests/min, 2 of them 5xx; a restart at minute 5 (counters start over)
        double base = m < 5 ? 1000 + 100.0 * m : 100.0 * (m - 4);
        s.add(new Sample(tenant, "http_requests_total", Map.of("status", "2xx"), t, k * base * 0.98));
        s.add(new Sample(tenant, "http_requests_total", Map.of("status", "5xx"), t, k * base * 0.02));
        // TGI: 10/min, 1 failure/min (no _total)
        s.add(new Sample(tenant, "tgi_request_count", Map.of(), t, k * 10.0 * (m + 1)));
        s.add(new Sample(tenant, "tgi_request_failure", Map.of("err", "overloaded"), t, k * 1.0 * (m + 1)));
        // Triton: 20 successes + 0 failures per minute
        s.add(new Sample(tenant, "nv_inference_request_success", Map.of("model", "m"), t, k * 20.0 * (m + 1)));
        s.add(new Sample(tenant, "nv_inference_request_failure", Map.of("model", "m"), t, 0));
        // SGLang: 5 completed/min, no failure counter
        s.add(new Sample(tenant, "sglang:e2e_request_latency_seconds_count", Map.of(), t, k * 5.0 * (m + 1)));
        // OTLP GenAI: 10 ok + 5 failed per minute
        s.add(new Sample(tenant, "gen_ai_server_request_duration_seconds_count", Map.of("gen_ai_operation_name", "chat"), t, k * 10.0 * (m + 1)));
        s.add(new Sample(tenant, "gen_ai_server_request_duration_seconds_count", Map.of("gen_ai_operation_name", "chat", "error_type", "timeout"), t, k * 5.0 * (m + 1)));
        // queues: vLLM 1, TGI 2, Triton 3, SGLang 4 — except minute 7, where SGLang queues 9
        s.add(new Sample(tenant, "vllm:num_requests_waiting", Map.of(), t, k));
        s.add(new Sample(tenant, "tgi_queue_size", Map.of(), t, 2.0 * k));
        s.add(new Sample(tenant, "nv_inference_pending_request_count", Map.of("model", "m"), t, 3.0 * k));
        s.add(new Sample(tenant, "sglang:num_queue_reqs", Map.of(), t, m == 7 ? 9 : 4.0 * k));
        // DCGM: two GPUs of the tenant; gpu 1 disappears from minute 6 on, gpu 0 has an XID in minute 2
        for (int gpu = 0; gpu < 2; gpu++) {
          if (gpu == 1 && m >= 6) {
            continue;
          }
          Map<String, String> labels = Map.of("gpu", String.valueOf(gpu), "UUID", tenant + "-GPU-" + gpu, "Hostname", "node-1");
          s.add(new Sample(tenant, "DCGM_FI_DEV_GPU_UTIL", labels, t, 50));
          s.add(new Sample(tenant, "DCGM_FI_DEV_XID_ERRORS", labels, t, gpu == 0 && m == 2 ? 79 : 0));
        }
      }
    }
    db.sampleStore().write(s);
    // RAG freshness events: index "contracts" fresh until minute 6, then lagging 20 minutes
    for (int m = 0; m < 10; m += 2) {
      db.eventStore().append(new Event("f-" + m, TENANT, "rag_index.freshness", T0.plusSeconds(60L * m + 10), "test",
          Map.of("index", "contracts", "freshnessSeconds", m < 6 ? 60 : 1200)));
      db.eventStore().append(new Event("f-other-" + m, OTHER, "rag_index.freshness", T0.plusSeconds(60L * m + 10), "test",
          Map.of("index", "contracts", "freshnessSeconds", 99999)));
    }
  }

  @AfterAll
  void close() {
    db.close();
    SharedEmbeddedPostgres.drop(settings);
  }

  private static SloDefinition slo(SliKind kind, double threshold, Map<String, String> params) {
    return new SloDefinition(TENANT, kind.name(), kind, threshold, 0.99, new SloWindow.Rolling(Duration.ofDays(1))).withParams(params);
  }

  @Test
  void errorRateAddsUpRequestsAndFailuresOfEverySourceAcrossACounterReset() {
    // ten minutes; per minute: vLLM 100 (2 bad), TGI 10 (1), Triton 20 (0), SGLang 5 (0), OTLP 15 (5)
    // vLLM at the restart (minute 5): new values 100 total, 2 bad, counted as the increase
    SliCounts c = slis.counts(slo(SliKind.ERROR_RATE, 0, Map.of()), T0, T0.plusSeconds(600));
    double total = 10 * (100 + 10 + 20 + 5 + 15);
    double bad = 10 * (2 + 1 + 0 + 0 + 5);
    assertThat(c.total()).isCloseTo(total, org.assertj.core.api.Assertions.within(1e-6));
    assertThat(c.good()).isCloseTo(total - bad, org.assertj.core.api.Assertions.within(1e-6));
  }

  @Test
  void errorRateSlicesSeeEachMinute() {
    List<SliCounts> slices = slis.sliceCounts(slo(SliKind.ERROR_RATE, 0, Map.of()), T0, T0.plusSeconds(180), Duration.ofMinutes(1));
    assertThat(slices).hasSize(3).allSatisfy(sc -> {
      assertThat(sc.total()).isCloseTo(150, org.assertj.core.api.Assertions.within(1e-6));
      assertThat(sc.good()).isCloseTo(142, org.assertj.core.api.Assertions.within(1e-6));
    });
  }

  @Test
  void queueDepthTakesTheLargestQueueOfAnyServer() {
    // largest queue is SGLang's 4, except minute 7 (9): threshold 4 -> 9 of 10 slices good
    assertThat(slis.counts(slo(SliKind.QUEUE_DEPTH_UNDER, 4, Map.of()), T0, T0.plusSeconds(600))).isEqualTo(new SliCounts(9, 10));
    assertThat(slis.counts(slo(SliKind.QUEUE_DEPTH_UNDER, 3, Map.of()), T0, T0.plusSeconds(600))).isEqualTo(new SliCounts(0, 10));
  }

  @Test
  void gpuCapacityCountsHealthyReportingGpusAgainstTheReservation() {
    // reserved 2: minute 2 has an XID on gpu 0, minutes 6..9 lack gpu 1 -> good 0,1,3,4,5 = 5 of 10
    assertThat(slis.counts(slo(SliKind.GPU_CAPACITY, 0, Map.of("reservedGpus", "2")), T0, T0.plusSeconds(600))).isEqualTo(new SliCounts(5, 10));
    assertThat(slis.counts(slo(SliKind.GPU_CAPACITY, 0, Map.of("reservedGpus", "1")), T0, T0.plusSeconds(600))).isEqualTo(new SliCounts(10, 10));
  }

  @Test
  void ragFreshnessComesFromTheTenantsEventsOnly() {
    // measurements at minutes 0,2,4 (60 s) and 6,8 (1200 s), each holding 15 minutes: threshold 600 s
    assertThat(slis.counts(slo(SliKind.RAG_FRESHNESS_UNDER, 600, Map.of()), T0, T0.plusSeconds(600))).isEqualTo(new SliCounts(6, 10));
    assertThat(slis.counts(slo(SliKind.RAG_FRESHNESS_UNDER, 600, Map.of("index", "other-index")), T0, T0.plusSeconds(600))).isEqualTo(SliCounts.NONE);
  }

  @Test
  void tokenAnomalyJudgesAgainstTheTenantsOwnHistory() {
    List<Sample> s = new ArrayList<>();
    Instant start = T0.plus(Duration.ofDays(1));
    // vLLM token counters: 1000 tokens per 10 minutes for an hour, then 5000 in the last 10 minutes
    double value = 0;
    for (int m = 0; m <= 70; m++) {
      value += m <= 60 ? 100 : 500;
      s.add(new Sample(TENANT, "vllm:prompt_tokens_total", Map.of("model_name", "llama"), start.plusSeconds(60L * m).toEpochMilli(), value));
    }
    db.sampleStore().write(s);
    // token.usage events add 100 tokens in the last slice only, for another model
    db.eventStore().append(new Event("t-1", TENANT, "token.usage", start.plusSeconds(65 * 60), "test",
        Map.of("model", "mistral", "inputTokens", 60, "outputTokens", 40)));
    SloDefinition slo = slo(SliKind.TOKEN_ANOMALY, 0, Map.of("baseline", "1h"))
        .withBudgeting(BudgetingMethod.OCCURRENCES, Double.NaN, Duration.ofMinutes(10));
    // window: the 10 minutes from 60 to 70; history: six 10-minute slices of 1000 tokens
    List<SliCounts> judged = slis.sliceCounts(slo, start.plusSeconds(3600), start.plusSeconds(4200), Duration.ofMinutes(10));
    assertThat(judged).containsExactly(new SliCounts(0, 1));
    SloDefinition llamaOnly = slo.withParams(Map.of("baseline", "1h", "model", "llama"));
    assertThat(slis.sliceCounts(llamaOnly, start.plusSeconds(3000), start.plusSeconds(3600), Duration.ofMinutes(10)))
        .as("a normal slice").containsExactly(new SliCounts(1, 1));
  }

  @Test
  void everyTimeSlicedKindGivesTheSameCountsWithTheRawSamplesTableHidden() {
    // failure injection: with the samples table renamed any raw read fails; the rollups give the same counts
    // (component availability: ComponentAvailabilityIT evaluates with the table hidden throughout)
    Map<SliKind, SloDefinition> slos = new java.util.EnumMap<>(SliKind.class);
    slos.put(SliKind.ERROR_RATE, slo(SliKind.ERROR_RATE, 0, Map.of()));
    slos.put(SliKind.QUEUE_DEPTH_UNDER, slo(SliKind.QUEUE_DEPTH_UNDER, 4, Map.of()));
    slos.put(SliKind.RAG_FRESHNESS_UNDER, slo(SliKind.RAG_FRESHNESS_UNDER, 600, Map.of()));
    slos.put(SliKind.GPU_CAPACITY, slo(SliKind.GPU_CAPACITY, 0, Map.of("reservedGpus", "2")));
    slos.put(SliKind.TOKEN_ANOMALY, slo(SliKind.TOKEN_ANOMALY, 0, Map.of("baseline", "5m"))
        .withBudgeting(BudgetingMethod.OCCURRENCES, Double.NaN, Duration.ofMinutes(1)));
    for (var e : slos.entrySet()) {
      List<SliCounts> withRaw = slis.sliceCounts(e.getValue(), T0, T0.plusSeconds(600), Duration.ofMinutes(1));
      List<SliCounts> hidden = RawSamplesHidden.during(db, () -> slis.sliceCounts(e.getValue(), T0, T0.plusSeconds(600), Duration.ofMinutes(1)));
      assertThat(hidden).as(e.getKey().name()).isEqualTo(withRaw);
    }
  }

  @Test
  void anotherTenantsSeriesNeverCount() {
    Map<String, String> none = new HashMap<>();
    SloDefinition nobody = new SloDefinition("nobody", "x", SliKind.ERROR_RATE, 0, 0.99, new SloWindow.Rolling(Duration.ofDays(1))).withParams(none);
    assertThat(slis.counts(nobody, T0, T0.plusSeconds(600))).isEqualTo(SliCounts.NONE);
  }
}
