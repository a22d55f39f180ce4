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

  @Test
  void kindsWithoutAPromqlMappingAreRefused() {
    assertThat(PrometheusRules.supported(new MetricSource(MetricSource.SLAMON, SliKind.RAG_FRESHNESS_UNDER, Map.of("threshold", "30m")))).isFalse();
    assertThatThrownBy(() -> rules.errorRatio(slo(SliKind.GPU_CAPACITY, Map.of(), Duration.ofDays(30)), "5m"))
        .hasMessageContaining("gpu-capacity of acme-chat has no PromQL mapping");
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
