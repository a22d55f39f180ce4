package io.slamon.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BackendTest {
  @Test
  void describeNamesEditionLayoutAndRetention() {
    Backend ts = new Backend(Backend.Kind.TIMESCALE_APACHE, "15.18", "2.19.3", true, false, Backend.DROP_CHUNKS);

    assertThat(ts.describe()).isEqualTo(
        "TimescaleDB 2.19.3 (Apache edition) on PostgreSQL 15.18: hypertables, no compression, retention by drop_chunks");
    assertThat(new Backend(Backend.Kind.POSTGRES, "16.10", null, false, false, Backend.DROP_PARTITIONS).describe())
        .isEqualTo("PostgreSQL 16.10 (plain): daily range partitions, retention by drop partitions");
  }

  @Test
  void compressionOutsideTheCommunityEditionIsRejected() {
    assertThatThrownBy(() -> new Backend(Backend.Kind.TIMESCALE_APACHE, "15", "2.19.3", true, true, Backend.DROP_CHUNKS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("community");
  }
}
