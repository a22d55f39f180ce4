package io.slamon.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HistogramQuantileTest {
  // bucket specs below are "le:count ..." with cumulative counts
  private static final String POSITIVE = "0.1:50 0.2:70 1:110 +Inf:120";
  private static final String NEGATIVE = "-0.2:10 -0.1:20 0.3:20 +Inf:30";
  private static final String POSITIVE3 = "0:0 0.1:50 0.2:70 1:110 +Inf:110";
  private static final String NEGATIVE3 = "-0.25:0 -0.2:10 -0.1:20 0.3:20 +Inf:20";
  private static final String MIDDLES = "0:0 2:1 4:2 6:3 +Inf:3";
  private static final String NONMONOTONIC = "0.1:20 1:10 10:50 100:40 1000:90 +Inf:80";
  private static final String MIXED = "0.1:10 0.2:10 0.2:10 0.2:10 +Inf:40";

  /**
   * Expected values copied from Prometheus' own test file promql/promqltest/testdata/histograms.test
   * (commit 01cbe3d25c5a677659e643a1d992e754760d4360), bucket counts as they stand at "50m"/"7m"
   * there. Equal answers on the same buckets is what "agrees with histogram_quantile" means.
   */
  @ParameterizedTest(name = "histogram_quantile({0}, {1}) = {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "0    | " + POSITIVE + " | 0",
        "0.2  | " + POSITIVE + " | 0.048",
        "0.5  | " + POSITIVE + " | 0.15",
        "0.8  | " + POSITIVE + " | 0.72",
        "1    | " + POSITIVE + " | 1",
        "0    | " + NEGATIVE + " | -0.2",
        "0.2  | " + NEGATIVE + " | -0.2",
        "0.5  | " + NEGATIVE + " | -0.15",
        "0.8  | " + NEGATIVE + " | 0.3",
        "1    | " + NEGATIVE + " | 0.3",
        "0    | " + POSITIVE3 + " | 0",
        "0.25 | " + POSITIVE3 + " | 0.055",
        "0.5  | " + POSITIVE3 + " | 0.125",
        "0.75 | " + POSITIVE3 + " | 0.45",
        "1    | " + POSITIVE3 + " | 1",
        "0    | " + NEGATIVE3 + " | -0.25",
        "0.25 | " + NEGATIVE3 + " | -0.225",
        "0.5  | " + NEGATIVE3 + " | -0.2",
        "0.75 | " + NEGATIVE3 + " | -0.15",
        "1    | " + NEGATIVE3 + " | -0.1",
        "0.1666666666666667 | " + MIDDLES + " | 1",
        "0.5  | " + MIDDLES + " | 3",
        "0.8333333333333334 | " + MIDDLES + " | 5",
        "0.3  | 0.1:10 0.2:19 +Inf:25 | 0.075",
        "0.5  | 0.1:10 0.2:19 +Inf:25 | 0.1277777777777778",
        "0.3  | 0.1:1 0.2:3 +Inf:4 | 0.11",
        "0.5  | 0.1:2 0.2:5 +Inf:6 | 0.1333333333333333",
        "0.3  | 0.1:7 0.2:11 +Inf:15 | 0.0642857142857143",
        "0.01 | " + NONMONOTONIC + " | 0.0045",
        "0.5  | " + NONMONOTONIC + " | 8.5",
        "0.99 | " + NONMONOTONIC + " | 979.75",
        "0.5  | " + MIXED + " | 0.15",
        "0.75 | " + MIXED + " | 0.2",
        "1    | " + MIXED + " | 0.2",
      })
  void quantilesEqualPrometheusOnItsOwnTestHistograms(double q, String buckets, double expected) {
    assertThat(HistogramQuantile.quantile(q, parse(buckets))).isCloseTo(expected, within(1e-9));
  }

  @ParameterizedTest(name = "q={0} of 0.1:10 0.5:30 1:60 +Inf:100 = {1}")
  @CsvSource({
    "0.05, 0.05", // rank 5 in the lowest bucket, interpolated from the natural lower bound 0
    "0.1, 0.1", // rank 10 reaches the first bucket exactly: its upper bound
    "0.3, 0.5",
    "0.5, 0.8333333333333334", // rank 50: 20 of the 30 in (0.5, 1]
    "0.6, 1.0",
    "0.95, 1.0", // rank 95 lies in +Inf: the second-highest bound
    "-0.1, -Infinity",
    "1.1, Infinity",
  })
  void handComputedQuantiles(double q, double expected) {
    assertThat(HistogramQuantile.quantile(q, parse("0.1:10 0.5:30 1:60 +Inf:100"))).isEqualTo(expected, within(1e-12));
  }

  @Test
  void bucketOrderDoesNotMatter() {
    List<HistogramBucket> shuffled = new ArrayList<>(parse(POSITIVE));
    Collections.reverse(shuffled);
    assertThat(HistogramQuantile.quantile(0.5, shuffled)).isCloseTo(0.15, within(1e-12));
  }

  @Test
  void undefinedQuantilesAreNaN() {
    assertThat(HistogramQuantile.quantile(Double.NaN, parse(POSITIVE))).isNaN();
    assertThat(HistogramQuantile.quantile(0.5, parse("0.1:0 0.2:0 +Inf:0"))).as("no observations").isNaN();
    assertThat(HistogramQuantile.quantile(0.5, parse("0.1:5 0.2:7"))).as("no +Inf bucket").isNaN();
    assertThat(HistogramQuantile.quantile(0.5, parse("+Inf:7"))).as("only +Inf").isNaN();
    assertThat(HistogramQuantile.quantile(0.5, List.of())).isNaN();
    // q outside [0, 1] wins over missing data, as in Prometheus
    assertThat(HistogramQuantile.quantile(2, List.of())).isEqualTo(Double.POSITIVE_INFINITY);
  }

  @ParameterizedTest(name = "share at or below {0} = {1}")
  @CsvSource({
    "0.05, 0.0", // below every bound: nothing is known to be that fast
    "0.1, 0.1",
    "0.3, 0.1", // between 0.1 and 0.5: the 0.1 bucket (10 of 100), never interpolated upwards
    "0.5, 0.3",
    "0.99, 0.3",
    "1, 0.6",
    "1000, 0.6",
    "Infinity, 1.0",
  })
  void shareAtOrBelowUsesTheLargestBoundNotAboveTheThreshold(double x, double expected) {
    assertThat(HistogramQuantile.shareAtOrBelow(x, parse("0.1:10 0.5:30 1:60 +Inf:100"))).isCloseTo(expected, within(1e-12));
  }

  /** Expected values from histogram_fraction(0, x, testhistogram2/3) in the same Prometheus test file. */
  @ParameterizedTest(name = "interpolated share at or below {0} of {1} = {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "4   | " + MIDDLES + " | 0.6666666666666666",
        "6   | " + MIDDLES + " | 1",
        "3.5 | " + MIDDLES + " | 0.5833333333333334",
        "0.2 | " + POSITIVE3 + " | 0.6363636363636364",
        "0.05 | 0.1:10 0.5:30 1:60 +Inf:100 | 0.05",
        "5   | 0.1:10 0.5:30 1:60 +Inf:100 | 0.6",
      })
  void interpolatedShareIsTheInverseOfTheQuantile(double x, String buckets, double expected) {
    assertThat(HistogramQuantile.interpolatedShareAtOrBelow(x, parse(buckets))).isCloseTo(expected, within(1e-12));
  }

  @Test
  void interpolatedShareRoundTripsTheQuantileInsideABucket() {
    List<HistogramBucket> b = parse("0.1:10 0.5:30 1:60 +Inf:100");
    for (double q : new double[] {0.05, 0.2, 0.45, 0.59}) {
      assertThat(HistogramQuantile.interpolatedShareAtOrBelow(HistogramQuantile.quantile(q, b), b)).isCloseTo(q, within(1e-12));
    }
  }

  @Test
  void bucketsWithoutObservationsHaveNoShare() {
    assertThat(HistogramQuantile.shareAtOrBelow(0.5, parse("0.1:0 +Inf:0"))).isNaN();
    assertThat(HistogramQuantile.interpolatedShareAtOrBelow(0.5, parse("0.1:0 +Inf:0"))).isNaN();
    assertThat(HistogramQuantile.shareAtOrBelow(0.5, parse("0.1:3 1:4"))).isNaN();
  }

  @Test
  void badBucketsAreRejectedWithTheValueInTheMessage() {
    assertThatThrownBy(() -> new HistogramBucket(Double.NaN, 1)).hasMessageContaining("upper bound NaN");
    assertThatThrownBy(() -> new HistogramBucket(0.5, -1)).hasMessageContaining("Illegal bucket count -1.0 for le=0.5");
  }

  static List<HistogramBucket> parse(String spec) {
    List<HistogramBucket> out = new ArrayList<>();
    for (String part : spec.trim().split("\\s+")) {
      String[] kv = part.split(":");
      double le = kv[0].equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(kv[0]);
      out.add(new HistogramBucket(le, Double.parseDouble(kv[1])));
    }
    return out;
  }
}
