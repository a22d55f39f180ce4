package io.slamon.collector.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint.Buckets;
import io.slamon.collector.otlp.ExponentialBuckets.Bucket;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExponentialBucketsTest {
  @Test
  void positiveBucketsBecomeCumulativeUpperBoundsAtScaleZero() {
    // scale 0: bucket i holds (2^i, 2^(i+1)]; offset -2 → buckets (0.25,0.5], (0.5,1], (1,2]
    ExponentialHistogramDataPoint p = ExponentialHistogramDataPoint.newBuilder().setScale(0).setCount(7)
        .setZeroCount(1).setPositive(Buckets.newBuilder().setOffset(-2).addAllBucketCounts(List.of(1L, 2L, 3L)))
        .build();
    assertThat(ExponentialBuckets.toClassic(p)).containsExactly(
        new Bucket(0.0, 1), new Bucket(0.5, 2), new Bucket(1.0, 4), new Bucket(2.0, 7),
        new Bucket(Double.POSITIVE_INFINITY, 7));
  }

  @Test
  void fineScalesAreDownscaledToScaleThreeSoBoundsAreStableAcrossPoints() {
    // scale 5 (32 buckets per doubling): 64 buckets starting at index 0 cover (1, 4]
    Buckets.Builder positive = Buckets.newBuilder().setOffset(0);
    for (int i = 0; i < 64; i++) {
      positive.addBucketCounts(1);
    }
    ExponentialHistogramDataPoint p = ExponentialHistogramDataPoint.newBuilder().setScale(5).setCount(64)
        .setPositive(positive).build();
    List<Bucket> buckets = ExponentialBuckets.toClassic(p);
    // 64 / 4 = 16 buckets at scale 3, each holding 4, plus +Inf
    assertThat(buckets).hasSize(17);
    assertThat(buckets.get(0).le()).isCloseTo(Math.pow(2, 1 / 8.0), within(1e-12));
    assertThat(buckets.get(0).cumulativeCount()).isEqualTo(4);
    assertThat(buckets.get(7).le()).isEqualTo(2.0);
    assertThat(buckets.get(15).le()).isEqualTo(4.0);
    assertThat(buckets.get(15).cumulativeCount()).isEqualTo(64);
  }

  @Test
  void negativeValuesAndTheZeroBucketComeFirst() {
    ExponentialHistogramDataPoint p = ExponentialHistogramDataPoint.newBuilder().setScale(0).setCount(4)
        .setZeroCount(1).setNegative(Buckets.newBuilder().setOffset(0).addBucketCounts(2))
        .setPositive(Buckets.newBuilder().setOffset(0).addBucketCounts(1)).build();
    // negative bucket 0 holds [-2, -1): everything at or below -1
    assertThat(ExponentialBuckets.toClassic(p)).containsExactly(
        new Bucket(-1.0, 2), new Bucket(0.0, 3), new Bucket(2.0, 4), new Bucket(Double.POSITIVE_INFINITY, 4));
  }

  @Test
  void leValuesAreWrittenAsPrometheusClientsWriteThem() {
    assertThat(ExponentialBuckets.formatLe(1)).isEqualTo("1.0");
    assertThat(ExponentialBuckets.formatLe(0.5)).isEqualTo("0.5");
    assertThat(ExponentialBuckets.formatLe(0.0001)).isEqualTo("0.0001");
    assertThat(ExponentialBuckets.formatLe(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
  }
}
