package io.slamon.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slamon.core.openslo.MetricSource;
import io.slamon.core.openslo.SliKind;
import io.slamon.slo.BurnRatePolicy;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusRulesTest {
  private final PrometheusRules rules = new PrometheusRules(BurnRatePolicy.defaults());

  private static RuleSlo slo(SliKind kind, Map<String, String> spec, Duration period) {
    return new RuleSlo("acme", "acme-chat", "acme-svc", 0.999, period, new MetricSource(MetricSource.SLAMON, kind, spec));
  }

  @Test
  void availabilityCountsFiveHundredsOfTheTenantAndHandlerAgainstAllRequests() {
    assertThat(rules.errorRatio(slo(SliKind.AVAILABILITY, Map.of("handler", "/v1/chat/completions"), Duration.ofDays(30)), "5m")).isEqualTo(
        "sum(rate(http_requests_total{tenant=\"acme\",handler=\"/v1/chat/completions\",status=~\"5..\"}[5m]))"
            + " / sum(rate(http_requests_total{tenant=\"acme\",handler=\"/v1/chat/completions\"}[5m]))");
  }

  @Test
  void errorRateUsesItsOwnStatusPatternAndLabel() {
    assertThat(rules.errorRatio(slo(SliKind.ERROR_RATE, Map.of("statusLabel", "code"), Duration.ofDays(30)), "1h"))
        .contains("code=~\"5..|429\"}[1h]");
  }

  @Test
  void latencyAndTtftAreTheShareOfObservationsAboveTheThresholdBucket() {
    assertThat(rules.errorRatio(slo(SliKind.TTFT_UNDER, Map.of("threshold", "500ms"), Duration.ofDays(30)), "5m")).isEqualTo(
        "1 - (sum(rate(vllm:time_to_first_token_seconds_bucket{tenant=\"acme\",le=~\"0\\\\.5\"}[5m]))"
            + " / sum(rate(vllm:time_to_first_token_seconds_count{tenant=\"acme\"}[5m])))");
    // Whole seconds match both "2" (Go clients) and "2.0" (Python clients such as vLLM).
    assertThat(PrometheusRules.le(Duration.ofSeconds(2))).isEqualTo("2|2\\.0");
    assertThat(rules.errorRatio(slo(SliKind.LATENCY_UNDER, Map.of("metric", "vllm:e2e_request_latency_seconds", "threshold", "2s"),
        Duration.ofDays(30)), "1h")).contains("vllm:e2e_request_latency_seconds_bucket{tenant=\"acme\",le=~\"2|2\\\\.0\"}[1h]");
  }

  private static RuleSlo sliced(SliKind kind, Map<String, String> spec, double threshold, Duration slice, Map<String, String> params) {
    return new RuleSlo("acme", "acme-chat", "acme-svc", 0.999, Duration.ofDays(30), new MetricSource(MetricSource.SLAMON, kind, spec),
        threshold, slice, params);
  }

  @Test
  void everySliKindHasAPromqlMapping() {
    for (SliKind kind : SliKind.values()) {
      assertThat(PrometheusRules.supported(new MetricSource(MetricSource.SLAMON, kind, Map.of()))).as(kind.configName()).isTrue();
    }
  }

  @Test
  void errorRateReadsEveryServerFamilyTheEngineReads() {
    String ratio = rules.errorRatio(slo(SliKind.ERROR_RATE, Map.of(), Duration.ofDays(30)), "5m");
    assertThat(ratio).startsWith("((sum(rate(http_requests_total{tenant=\"acme\",status=~\"5..|429\"}[5m])) or vector(0))"
        + " + (sum((label_replace(rate(tgi_request_failure{tenant=\"acme\"}[5m]), \"slamon_family\", \"tgi_request_failure\", \"\", \"\")"
        + " or label_replace(rate(nv_inference_request_failure{tenant=\"acme\"}[5m]), \"slamon_family\", \"nv_inference_request_failure\", \"\", \"\"))) or vector(0))"
        + " + (sum(rate(gen_ai_server_request_duration_seconds_count{tenant=\"acme\",error_type!=\"\"}[5m])) or vector(0)))"
        + " / sum((label_replace(rate(http_requests_total{tenant=\"acme\"}[5m]), \"slamon_family\", \"http_requests_total\", \"\", \"\") or ");
    // Every family the engine counts as requests, each tagged so that families with equal labels do not collide.
    for (String family : java.util.List.of("tgi_request_count", "nv_inference_request_success", "nv_inference_request_failure",
        "sglang:e2e_request_latency_seconds_count", "gen_ai_server_request_duration_seconds_count")) {
      assertThat(ratio).contains("label_replace(rate(" + family + "{tenant=\"acme\"}[5m]), \"slamon_family\", \"" + family + "\"");
    }
  }

  @Test
  void componentAvailabilityRecordsWhetherEverySelectedHealthSeriesOfTheTenantOrProviderWasUp() {
    RuleSlo net = sliced(SliKind.COMPONENT_AVAILABILITY, Map.of("component", "network"), 0, Duration.ofMinutes(1), Map.of());
    assertThat(TimeSliceRules.goodSlice(net))
        .isEqualTo("min(min_over_time(probe_success{component=\"network\",tenant=~\"acme|\"}[1m])) >= bool 1");
    RuleSlo gpu = sliced(SliKind.COMPONENT_AVAILABILITY, Map.of("component", "gpu-nodes", "selector", "up{job=\"dcgm\"}"), 0,
        Duration.ofMinutes(5), Map.of());
    assertThat(TimeSliceRules.goodSlice(gpu)).isEqualTo("min(min_over_time(up{job=\"dcgm\",tenant=~\"acme|\"}[5m])) >= bool 1");
    assertThat(rules.errorRatio(net, "1h")).isEqualTo("1 - avg_over_time(slo:sli_good_slice:bool{sloth_id=\"acme-chat\"}[3599s])");
  }

  @Test
  void timeSlicedKindsRecordEachSliceOncePerSliceAndAverageTheSlicesOfAWindow() {
    RuleSlo q = sliced(SliKind.QUEUE_DEPTH_UNDER, Map.of("threshold", "8"), 8, Duration.ofMinutes(1), Map.of("threshold", "8"));
    // A 1 h window holds the 60 slices ending in (now - 1h, now]: one second short, for closed and left-open ranges alike.
    assertThat(rules.errorRatio(q, "1h")).isEqualTo("1 - avg_over_time(slo:sli_good_slice:bool{sloth_id=\"acme-chat\"}[3599s])");
    String file = rules.ruleFile(java.util.List.of(q));
    assertThat(file).contains("name: slamon-slo-sli-slices-acme-chat\n  interval: 1m\n", "record: slo:sli_good_slice:bool",
        "(count_over_time(slo:sli_good_slice:bool{sloth_id=\"acme-chat\"}[3599s]) or vector(0)) <= 0");
    assertThat(file.indexOf("slamon-slo-sli-slices-")).as("slices are recorded before the ratios read them")
        .isLessThan(file.indexOf("slamon-slo-sli-recordings-"));
  }

  @Test
  void queueDepthJudgesASliceByTheLargestQueueOfAnyServer() {
    RuleSlo q = sliced(SliKind.QUEUE_DEPTH_UNDER, Map.of("threshold", "8"), 8, Duration.ofMinutes(1), Map.of("threshold", "8"));
    assertThat(TimeSliceRules.goodSlice(q)).isEqualTo("max((label_replace(max_over_time(vllm:num_requests_waiting{tenant=\"acme\"}[1m]),"
        + " \"slamon_family\", \"vllm:num_requests_waiting\", \"\", \"\") or label_replace(max_over_time(tgi_queue_size{tenant=\"acme\"}[1m]),"
        + " \"slamon_family\", \"tgi_queue_size\", \"\", \"\") or label_replace(max_over_time(nv_inference_pending_request_count{tenant=\"acme\"}[1m]),"
        + " \"slamon_family\", \"nv_inference_pending_request_count\", \"\", \"\") or label_replace(max_over_time(sglang:num_queue_reqs{tenant=\"acme\"}[1m]),"
        + " \"slamon_family\", \"sglang:num_queue_reqs\", \"\", \"\"))) <= bool 8");
  }

  @Test
  void ragFreshnessHoldsAnIndexLastLagForStaleAfterLikeTheEngine() {
    RuleSlo r = sliced(SliKind.RAG_FRESHNESS_UNDER, Map.of("threshold", "30m", "index", "kb"), 1800, Duration.ofMinutes(1), Map.of());
    assertThat(TimeSliceRules.goodSlice(r)).isEqualTo("max(max by (index) (max_over_time("
        + "rag_index_freshness_seconds{tenant=\"acme\",index=\"kb\"}[1m])) or max by (index) (last_over_time("
        + "rag_index_freshness_seconds{tenant=\"acme\",index=\"kb\"}[16m]))) <= bool 1800");
  }

  @Test
  void gpuCapacityCountsReportingGpusWithoutXidErrorsAgainstTheReservation() {
    RuleSlo g = sliced(SliKind.GPU_CAPACITY, Map.of(), 0, Duration.ofMinutes(1), Map.of("reservedGpus", "4", "migProfile", "1g.10gb"));
    assertThat(TimeSliceRules.goodSlice(g)).isEqualTo("(count(max by (UUID, Hostname, gpu, GPU_I_ID) (present_over_time("
        + "DCGM_FI_DEV_GPU_UTIL{tenant=\"acme\",GPU_I_PROFILE=\"1g.10gb\"}[1m])) unless on(UUID, Hostname, gpu, GPU_I_ID)"
        + " (max_over_time(DCGM_FI_DEV_XID_ERRORS{tenant=\"acme\",GPU_I_PROFILE=\"1g.10gb\"}[1m]) > 0)) or vector(0)) >= bool 4");
    assertThatThrownBy(() -> rules.ruleFile(java.util.List.of(sliced(SliKind.GPU_CAPACITY, Map.of(), 0, Duration.ofMinutes(1), Map.of()))))
        .hasMessageContaining("acme-chat: gpu-capacity needs the reserved GPUs");
  }

  @Test
  void tokenAnomalyComparesEachHourWithTheMedianOfTheBaselineHoursBeforeIt() {
    RuleSlo t = sliced(SliKind.TOKEN_ANOMALY, Map.of("factor", "2.5", "baseline", "1d", "model", "llama"), 0, Duration.ofHours(1), Map.of());
    assertThat(TimeSliceRules.sliceRules(t)).containsExactly(
        Map.entry("slo:sli_tokens:increase", "sum((label_replace(increase(vllm:prompt_tokens_total{tenant=\"acme\",model_name=\"llama\"}[1h]),"
            + " \"slamon_family\", \"vllm:prompt_tokens_total\", \"\", \"\") or " + tokenTerms() + "))"),
        Map.entry("slo:sli_good_slice:bool", "(slo:sli_tokens:increase{sloth_id=\"acme-chat\"} <= bool 2.5 * quantile_over_time(0.5,"
            + " slo:sli_tokens:increase{sloth_id=\"acme-chat\"}[86399s] offset 1h)) and on() (quantile_over_time(0.5,"
            + " slo:sli_tokens:increase{sloth_id=\"acme-chat\"}[86399s] offset 1h) > 0)"));
    assertThat(rules.ruleFile(java.util.List.of(t))).contains("interval: 1h");
  }

  /** The token families after vLLM's prompt tokens, each tagged. */
  private static String tokenTerms() {
    return String.join(" or ", java.util.stream.Stream.of("vllm:generation_tokens_total", "tgi_request_input_length_sum",
            "tgi_request_generated_tokens_sum", "sglang:prompt_tokens_total", "sglang:generation_tokens_total")
        .map(f -> "label_replace(increase(" + f + "{tenant=\"acme\",model_name=\"llama\"}[1h]), \"slamon_family\", \"" + f + "\", \"\", \"\")")
        .toList());
  }

  @Test
  void aTimeSliceThatIsNotWholeSecondsIsRefused() {
    assertThatThrownBy(() -> sliced(SliKind.QUEUE_DEPTH_UNDER, Map.of(), 8, Duration.ofMillis(1500), Map.of()))
        .hasMessageContaining("time slice must be whole seconds");
  }

  @Test
  void burnRateFactorsAreScaledToTheSloPeriodLikeTheEngineDoes() {
    String file = rules.ruleFile(java.util.List.of(slo(SliKind.AVAILABILITY, Map.of(), Duration.ofDays(15))));
    // 14.4 for 30 days is 7.2 for 15 days: the same 2 % of the budget in one hour.
    assertThat(file).contains("slo:sli_error:ratio_rate1h{sloth_id=\"acme-chat\"} > (7.2 * (1 - 0.999))",
        "record: slo:sli_error:ratio_rate15d", "vector(15)");
  }

  @Test
  void promqlDurationsAndStringsAreWrittenAsPrometheusReadsThem() {
    assertThat(PrometheusRules.prom(Duration.ofMinutes(30))).isEqualTo("30m");
    assertThat(PrometheusRules.prom(Duration.ofDays(3))).isEqualTo("3d");
    assertThat(PrometheusRules.prom(Duration.ofHours(6))).isEqualTo("6h");
    assertThat(PrometheusRules.quote("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
  }
}
