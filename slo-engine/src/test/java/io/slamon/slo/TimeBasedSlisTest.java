package io.slamon.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slamon.slo.TimeBasedSlis.Freshness;
import io.slamon.store.SampleReader.Point;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeBasedSlisTest {
  private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
  private static final TimeSlices FIVE_MINUTES = new TimeSlices(T0, T0.plusSeconds(300), Duration.ofMinutes(1));

  /** Slices as G (good), B (bad), - (no data). */
  @ParameterizedTest(name = "{0}: max {1}, N={2} -> {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "at the threshold is good  | 0 5 5.0001 NaN 12 | 5 | G G B - B",
        "no samples, no data       | NaN NaN | 0 | - -",
        "zero queue                | 0 0 | 0 | G G",
      })
  void queueDepthIsGoodWhenTheLargestSampleIsAtMostN(String why, String max, double n, String expected) {
    assertThat(format(TimeBasedSlis.queueDepthUnder(numbers(max), n))).as(why).isEqualTo(expected);
  }

  /** Measurements as "index@second=lag" or "index@second=max/last" ...; threshold 600 s, stale after 120 s. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "a measurement holds into later slices until stale | a@30=100 | G G G - -",
        "the largest measurement of the slice counts | a@10=100 a@50=700 a@70=100 | B G G G -",
        "equal to the threshold is good | a@0=600 | G G G - -",
        "one lagging index makes the slice bad | a@0=100 b@0=900 b@130=100 | B B G G G",
        "the last measurement before the window holds into it | a@-60=700 | B B - - -",
        "no measurement, no data | | - - - - -",
        "growing lag after the index stopped syncing | a@0=300 a@60=360 a@120=420 a@180=480 a@240=540 | G G G G G",
        "growing lag crossing the threshold | a@0=480 a@60=540 a@120=600 a@180=660 a@240=720 | G G G B B",
        "a rollup minute: its largest lag counts in its slice, its last lag holds on | a@0=700/100 | B G G - -",
        "a rollup minute before the window: its last lag holds into it | a@-60=900/300 | G G - - -",
      })
  void ragFreshnessPerSlice(String why, String measurements, String expected) {
    List<SliCounts> slices = TimeBasedSlis.freshnessUnder(freshness(measurements), FIVE_MINUTES, 600, Duration.ofSeconds(120));
    assertThat(format(slices)).as(why).isEqualTo(expected);
  }

  /** GPUs as "gpu:seconds,..." reporting; XID as "gpu:second=code,...". Reserved 2. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "two of two report in every slice | g1:0,60,120,180,240 g2:0,60,120,180,240 | | G G G G G",
        "one GPU stops reporting at minute 2 | g1:0,60,120,180,240 g2:0,60 | | G G B B B",
        "an XID error in minute 3 makes that GPU unhealthy there | g1:0,60,120,180,240 g2:0,60,120,180,240 | g2:190=79 g2:250=0 | G G G B G",
        "a third GPU covers for a failed one | g1:0,60,120,180,240 g2:0,60,120,180,240 g3:0,60,120,180,240 | g2:130=48 | G G G G G",
        "no DCGM data at all is short, not no data | | | B B B B B",
      })
  void gpuCapacityNeedsTheReservedNumberOfHealthyReportingGpus(String why, String reporting, String xids, String expected) {
    Map<String, List<Point>> presence = new LinkedHashMap<>();
    if (reporting != null) {
      for (String gpu : reporting.trim().split("\\s+")) {
        String[] parts = gpu.split(":");
        for (String sec : parts[1].split(",")) {
          presence.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(new Point(T0.plusSeconds(Long.parseLong(sec)).toEpochMilli(), 40));
        }
      }
    }
    Map<String, List<Point>> xid = new LinkedHashMap<>();
    if (xids != null) {
      for (String x : xids.trim().split("\\s+")) {
        String[] parts = x.split("[:=]");
        xid.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(new Point(T0.plusSeconds(Long.parseLong(parts[1])).toEpochMilli(), Double.parseDouble(parts[2])));
      }
    }
    assertThat(format(TimeBasedSlis.gpuCapacity(presence, xid, 2, FIVE_MINUTES))).as(why).isEqualTo(expected);
  }

  /** Consumption per slice; the first 4 are history (baseline 4 slices), factor 3. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // normal = median(100 100 100 100) = 100; 300 = 3x is still normal, 301 is not
        "at three times normal is good, above is bad | 100 100 100 100 300 | G",
        "just above three times normal | 100 100 100 100 301 | B",
        // the window slides: for the 6th slice the history is 100 100 100 301 -> median 100
        "an anomaly does not raise the normal much (median) | 100 100 100 100 301 250 | B G",
        "history with gaps: median of the data slices | 100 NaN 200 NaN 450 | G",
        "no history: not judged | NaN NaN NaN NaN 5000 | -",
        "a normal of zero: not judged | 0 0 0 0 10 | -",
        "no consumption data in the slice: not judged | 100 100 100 100 NaN | -",
        "zero consumption is good | 100 100 100 100 0 | G",
      })
  void tokenAnomalyComparesEachSliceWithThreeTimesTheMedianOfItsHistory(String why, String consumption, String expected) {
    assertThat(format(TimeBasedSlis.tokenAnomaly(numbers(consumption), 4, 3))).as(why).isEqualTo(expected);
  }

  @Test
  void badParametersAreRejectedWithTheValue() {
    assertThatThrownBy(() -> TimeBasedSlis.tokenAnomaly(numbers("1 2"), 4, 3)).hasMessageContaining("Illegal baseline of 4 slices for 2 slices");
    assertThatThrownBy(() -> TimeBasedSlis.tokenAnomaly(numbers("1 2"), 1, 0)).hasMessageContaining("Illegal token anomaly factor 0.0");
    assertThatThrownBy(() -> TimeBasedSlis.gpuCapacity(Map.of(), Map.of(), 0, FIVE_MINUTES)).hasMessageContaining("Illegal reservation of 0 GPUs");
    assertThatThrownBy(() -> new Freshness("a", 0, -1)).hasMessageContaining("Illegal freshness -1.0 s for index a");
  }

  @Test
  void theSumIsGoodSlicesOverSlicesWithData() {
    assertThat(TimeBasedSlis.sum(TimeBasedSlis.queueDepthUnder(numbers("1 9 NaN 2"), 5))).isEqualTo(new SliCounts(2, 3));
  }

  private static List<Freshness> freshness(String spec) {
    List<Freshness> out = new ArrayList<>();
    if (spec == null) {
      return out;
    }
    for (String m : spec.trim().split("\\s+")) {
      String[] parts = m.split("[@=/]");
      long at = T0.plusSeconds(Long.parseLong(parts[1])).toEpochMilli();
      double max = Double.parseDouble(parts[2]);
      // "lag" is one measurement; "max/last" a rollup minute
      out.add(parts.length == 4 ? new Freshness(parts[0], at, max, Double.parseDouble(parts[3])) : new Freshness(parts[0], at, max));
    }
    return out;
  }

  private static double[] numbers(String spec) {
    String[] parts = spec.trim().split("\\s+");
    double[] out = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      out[i] = Double.parseDouble(parts[i]);
    }
    return out;
  }

  private static String format(List<SliCounts> slices) {
    StringBuilder sb = new StringBuilder();
    for (SliCounts s : slices) {
      sb.append(sb.isEmpty() ? "" : " ").append(s.total() == 0 ? "-" : s.good() == 1 ? "G" : "B");
    }
    return sb.toString();
  }
}
