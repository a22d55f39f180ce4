package io.slamon.bench.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExpositionTest {
  static final String PAGE = """
      # TYPE slamon_collector_samples_refused_total counter
      slamon_collector_samples_refused_total{reason="queue_full"} 3
      slamon_collector_samples_refused_total{reason="spool_full"} 4
      # TYPE vm_rows_inserted_total counter
      vm_rows_inserted_total{type="promscrape"} 100
      vm_rows_inserted_total{type="influx"} 7
      """;

  @Test
  void aMetricIsSummedOverItsLabelValuesOrFilteredByLabel() {
    Exposition e = new Exposition(PAGE);
    assertThat(e.sum("slamon_collector_samples_refused_total")).hasValue(7);
    assertThat(e.sum("vm_rows_inserted_total", "type", "promscrape")).hasValue(100);
    assertThat(e.sum("absent")).isEmpty();
    assertThat(e.first("absent", "vm_rows_inserted_total")).hasValue(107);
  }
}
