package io.slamon.core.openslo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SeriesSelectorTest {
  @Test
  void aSelectorIsAMetricNameWithEqualityMatchers() {
    assertThat(SeriesSelector.parse("up")).isEqualTo(new SeriesSelector("up", Map.of()));
    assertThat(SeriesSelector.parse(" probe_success { module = \"s3\" , target=\"minio:9000\" } "))
        .isEqualTo(new SeriesSelector("probe_success", Map.of("module", "s3", "target", "minio:9000")));
    assertThat(SeriesSelector.parse("up{job=\"a\\\"b\",}")).isEqualTo(new SeriesSelector("up", Map.of("job", "a\"b")));
    assertThat(SeriesSelector.parse("vllm:num_requests_waiting{}")).isEqualTo(new SeriesSelector("vllm:num_requests_waiting", Map.of()));
  }

  @Test
  void toStringParsesBackToTheSameSelector() {
    SeriesSelector s = new SeriesSelector("probe_success", Map.of("component", "object-storage", "note", "a\"b\\c"));
    assertThat(SeriesSelector.parse(s.toString())).isEqualTo(s);
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "'' | is not a series selector: expecting a metric name",
        "{job=\"x\"} | is not a series selector: expecting a metric name",
        "up{job=~\"dcgm.*\"} | uses =~: only equality matchers (label=\"value\") are supported",
        "up{job!=\"x\"} | uses !=: only equality matchers",
        "up{job=\"x\" | the label matchers must end with }",
        "up{job=x} | expecting label=\"value\" matchers separated by commas",
        "up{job=\"a\",job=\"b\"} | names label job twice",
        "9up | is not a series selector",
      })
  void aBadSelectorSaysWhatIsWrong(String text, String message) {
    assertThatThrownBy(() -> SeriesSelector.parse(text)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
  }

  @Test
  void everyComponentHasAParsedDefaultAndItsYamlName() {
    assertThat(Component.of("gpu-nodes")).isEqualTo(Component.GPU_NODES);
    assertThat(Component.of("gpu")).isNull();
    assertThat(Component.GPU_NODES.defaultSelector()).isEqualTo(new SeriesSelector("up", Map.of("job", "dcgm-exporter")));
    assertThat(Component.NETWORK.defaultSelector().toString()).isEqualTo("probe_success{component=\"network\"}");
    assertThat(Component.names()).isEqualTo("gpu-nodes, control-plane, object-storage, network");
  }
}
