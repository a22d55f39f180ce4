package io.slamon.collector.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.slamon.collector.otlp.OtlpNames.Kind;
import org.junit.jupiter.api.Test;

class OtlpNamesTest {
  @Test
  void genAiServerHistogramsGetTheSecondsSuffixTheEngineMapsOntoTheVllmSlis() {
    assertThat(OtlpNames.metricName("gen_ai.server.time_to_first_token", "s", Kind.HISTOGRAM))
        .isEqualTo("gen_ai_server_time_to_first_token_seconds");
    assertThat(OtlpNames.metricName("gen_ai.server.request.duration", "s", Kind.HISTOGRAM))
        .isEqualTo("gen_ai_server_request_duration_seconds");
    assertThat(OtlpNames.metricName("gen_ai.server.time_per_output_token", "s", Kind.HISTOGRAM))
        .isEqualTo("gen_ai_server_time_per_output_token_seconds");
  }

  @Test
  void annotationUnitsAddNothingAndMonotonicSumsEndInTotal() {
    assertThat(OtlpNames.metricName("gen_ai.client.token.usage", "{token}", Kind.HISTOGRAM))
        .isEqualTo("gen_ai_client_token_usage");
    assertThat(OtlpNames.metricName("http.server.requests", "{request}", Kind.COUNTER))
        .isEqualTo("http_server_requests_total");
    assertThat(OtlpNames.metricName("requests_total", "1", Kind.COUNTER)).isEqualTo("requests_total");
    assertThat(OtlpNames.metricName("process.runtime.total.gc", "ms", Kind.COUNTER))
        .isEqualTo("process_runtime_gc_milliseconds_total");
  }

  @Test
  void unitsAreTranslatedAndNotRepeated() {
    assertThat(OtlpNames.metricName("system.memory.usage", "By", Kind.GAUGE)).isEqualTo("system_memory_usage_bytes");
    assertThat(OtlpNames.metricName("gpu.utilization", "1", Kind.GAUGE)).isEqualTo("gpu_utilization_ratio");
    assertThat(OtlpNames.metricName("speed", "m/s", Kind.GAUGE)).isEqualTo("speed_meters_per_second");
    assertThat(OtlpNames.metricName("request.duration.seconds", "s", Kind.HISTOGRAM))
        .isEqualTo("request_duration_seconds");
    assertThat(OtlpNames.metricName("queue..depth__", "", Kind.GAUGE)).isEqualTo("queue_depth");
    assertThat(OtlpNames.metricName("2xx.responses", "", Kind.GAUGE)).isEqualTo("_2xx_responses");
    assertThat(OtlpNames.metricName("...", "", Kind.GAUGE)).isEmpty();
  }

  @Test
  void labelNamesReplaceInvalidCharactersAndPrefixLeadingDigits() {
    assertThat(OtlpNames.labelName("gen_ai.request.model")).isEqualTo("gen_ai_request_model");
    assertThat(OtlpNames.labelName("http.response.status_code")).isEqualTo("http_response_status_code");
    assertThat(OtlpNames.labelName("0day")).isEqualTo("key_0day");
    assertThat(OtlpNames.labelName("")).isEmpty();
  }
}
