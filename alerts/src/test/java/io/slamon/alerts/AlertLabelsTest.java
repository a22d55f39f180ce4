package io.slamon.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertLabelsTest {
  @Test
  void labelsAreKeptSortedSoTheSameAlertAlwaysLooksTheSame() {
    var labels = new AlertLabels(Map.of("tenant", "hanse-bank", "alertname", "SloBurnRate", "severity", "page"));
    assertThat(labels.labels().keySet()).containsExactly("alertname", "severity", "tenant");
  }

  @Test
  void badLabelNamesEmptyValuesAndAMissingAlertnameAreRejected() {
    assertThatThrownBy(() -> new AlertLabels(Map.of("alertname", "x", "incident-id", "1"))).hasMessageContaining("Illegal label name 'incident-id'");
    assertThatThrownBy(() -> new AlertLabels(Map.of("alertname", "x", "__name__", "1"))).hasMessageContaining("Illegal label name '__name__'");
    assertThatThrownBy(() -> new AlertLabels(Map.of("alertname", "x", "slo", ""))).hasMessageContaining("has no value");
    assertThatThrownBy(() -> new AlertLabels(Map.of("tenant", "t"))).hasMessageContaining("alertname");
  }
}
