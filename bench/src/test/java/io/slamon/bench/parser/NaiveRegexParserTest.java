package io.slamon.bench.parser;

import static org.assertj.core.api.Assertions.assertThat;

import io.slamon.collector.exposition.PrometheusTextParser;
import io.slamon.collector.exposition.SampleHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NaiveRegexParserTest {
  @Test
  void baselineAndSlamonReadTheSameSamplesFromTheBenchmarkPage() {
    String page = DcgmPage.generate(2, 8);
    List<String> naive = new ArrayList<>();
    int n = new NaiveRegexParser().parse(page, s -> naive.add(s.name() + new java.util.TreeMap<>(s.labels()) + s.value()));
    List<String> slamon = new ArrayList<>();
    var result = new PrometheusTextParser().parse(page,
        (SampleHandler) (name, labels, value, ts) -> slamon.add(name + new java.util.TreeMap<>(labels) + value));
    assertThat(n).isEqualTo(2 * 8 * DcgmPage.fields());
    assertThat(result.errors()).isEmpty();
    assertThat(slamon).isEqualTo(naive);
  }

  @Test
  void benchmarkPageLooksLikeDcgmExporter() {
    String page = DcgmPage.generate(1, 1);
    assertThat(page).startsWith("# HELP DCGM_FI_DEV_SM_CLOCK SM clock frequency (in MHz).\n# TYPE DCGM_FI_DEV_SM_CLOCK gauge\n");
    List<Map<String, String>> labels = new ArrayList<>();
    new PrometheusTextParser().parse(page, (SampleHandler) (name, l, value, ts) -> labels.add(l));
    assertThat(labels.get(0)).containsKeys("gpu", "UUID", "pci_bus_id", "device", "modelName", "Hostname",
        "DCGM_FI_DRIVER_VERSION", "container", "namespace", "pod");
  }
}
