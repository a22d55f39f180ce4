package io.slamon.slo;

import static org.assertj.core.api.Assertions.assertThat;

import io.slamon.store.RollupReader;
import io.slamon.store.RollupReader.Minute;
import io.slamon.store.RollupReader.RollupSeries;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlicedSeriesTest {
  private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
  private static final TimeSlices FOUR_MINUTES = new TimeSlices(T0, T0.plusSeconds(240), Duration.ofMinutes(1));

  /**
   * Minute rows as "second=increase ..." (the minute's start in seconds after T0, as the store reads
   * them: starting in [floor(from), to)), summed per slice by the store's rule ({@code
   * RollupReader.perSlice}, what {@code sliceTotals} computes in the database); the window starts at
   * {@code fromSecond} and is cut into one-minute slices up to T0 + 240 s.
   */
  @ParameterizedTest(name = "{0}: {2} -> {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "each minute's increase lands in its slice | 0 | 0=10 60=20 120=30 180=40 | 10 20 30 40",
        "a slice without a minute has no data, never 0 | 0 | 0=10 | 10 NaN NaN NaN",
        "a counter reset is already inside the minute's increase | 0 | 0=10 60=5 | 10 5 NaN NaN",
        "no minutes at all: every slice has no data | 0 | | NaN NaN NaN NaN",
        "a minute starting at the window end is outside | 0 | 180=10 240=90 | NaN NaN NaN 10",
        "NaN increases are skipped | 0 | 0=NaN 60=5 | NaN 5 NaN NaN",
        "the minute holding the window start belongs to the first slice; others to the slice holding their start | 30 | 0=7 60=3 120=4 180=5 | 10 4 5 NaN",
      })
  void increasePerSliceIsTheSumOfTheMinutesIncreases(String why, int fromSecond, String minutes, String expected) {
    TimeSlices slices = new TimeSlices(T0.plusSeconds(fromSecond), T0.plusSeconds(240), Duration.ofMinutes(1));
    double[] inc = SlicedSeries.increasePerSlice(RollupReader.perSlice(List.of(series(minutes)), slices.from(), slices.length()), slices.count());
    assertThat(format(inc)).as(why).isEqualTo(expected);
  }

  @Test
  void slicesOfTwoCountersAddUpToTheSumOfTheirMinutes() {
    TimeSlices twoMinutes = new TimeSlices(T0, T0.plusSeconds(240), Duration.ofMinutes(2));
    var a = series("0=10 60=15 120=5 180=0");
    var b = series("0=1 60=1 120=1 180=1");
    double[] inc = SlicedSeries.increasePerSlice(RollupReader.perSlice(List.of(a, b), T0, twoMinutes.length()), twoMinutes.count());
    assertThat(format(inc)).isEqualTo("27 7");
    assertThat(Arrays.stream(inc).sum()).isEqualTo(34);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "minute wholly before the window start, 0, 90, 0",
    "minute holding the window start, 60, 90, 90",
    "minute starting at the window start, 120, 120, 120",
    "minute after the window start, 180, 120, 180",
  })
  void aMinuteIsPlacedAtItsStartExceptTheOneHoldingTheWindowStart(String why, int minute, int from, int expected) {
    Minute m = new Minute(T0.plusSeconds(minute), 1, 1, 1, 1, 1, 1, 0);
    long at = SlicedSeries.at(m, T0.plusSeconds(from));
    assertThat(at).as(why).isEqualTo(T0.plusSeconds(expected).toEpochMilli());
  }

  /** A series of minute rows "second=increase ..." (the other fields 1). */
  static RollupSeries series(String spec) {
    List<Minute> out = new ArrayList<>();
    if (spec != null && !spec.isBlank()) {
      for (String p : spec.trim().split("\\s+")) {
        String[] kv = p.split("=");
        out.add(new Minute(T0.plusSeconds(Long.parseLong(kv[0])), 1, 1, 1, 1, 1, 1, Double.parseDouble(kv[1])));
      }
    }
    return new RollupSeries("acme", "c_total", java.util.Map.of(), out);
  }

  /** Two series' minute rows as "second=max ..."; four one-minute slices. */
  @ParameterizedTest(name = "{0}: {1} | {2} -> {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "largest of both series per slice | 0=3 60=7 | 0=5 60=2 | 5 7 NaN NaN",
        "empty slices stay NaN | 180=1 | | NaN NaN NaN 1",
      })
  void maxPerSliceTakesTheLargestSampleOfAnySeries(String why, String a, String b, String expected) {
    double[] max = SlicedSeries.maxPerSlice(RollupReader.perSlice(List.of(gauge(a), gauge(b)), T0, FOUR_MINUTES.length()), FOUR_MINUTES.count());
    assertThat(format(max)).as(why).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}: {1} slices")
  @CsvSource({
    "2026-03-29, 23", // Europe/Berlin spring forward: the local day is 23 hours
    "2026-10-25, 25", // fall back: 25 hours
    "2026-06-01, 24",
  })
  void aLocalDayIsCutIntoAsManyHourSlicesAsItHasHours(String day, int expected) {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    ZonedDateTime start = java.time.LocalDate.parse(day).atStartOfDay(berlin);
    TimeSlices slices = new TimeSlices(start.toInstant(), start.plusDays(1).toInstant(), Duration.ofHours(1));
    assertThat(slices.count()).isEqualTo(expected);
    assertThat(slices.slice(expected - 1).end()).isEqualTo(start.plusDays(1).toInstant());
  }

  @Test
  void theLastSliceIsCutAtTheWindowEnd() {
    TimeSlices s = new TimeSlices(T0, T0.plusSeconds(150), Duration.ofMinutes(1));
    assertThat(s.count()).isEqualTo(3);
    assertThat(s.slice(2)).isEqualTo(new TimeInterval(T0.plusSeconds(120), T0.plusSeconds(150)));
    assertThat(s.indexOf(T0.plusSeconds(150).toEpochMilli())).isEqualTo(-1);
    assertThat(new TimeSlices(T0, T0, Duration.ofMinutes(1)).count()).isZero();
  }

  /** A gauge's minute rows "second=max ..." (min 0, the other fields the max). */
  static RollupSeries gauge(String spec) {
    List<Minute> out = new ArrayList<>();
    if (spec != null && !spec.isBlank()) {
      for (String p : spec.trim().split("\\s+")) {
        String[] kv = p.split("=");
        double v = Double.parseDouble(kv[1]);
        out.add(new Minute(T0.plusSeconds(Long.parseLong(kv[0])), 4, 4 * v, 0, v, v, v, 0));
      }
    }
    return new RollupSeries("acme", "queue", java.util.Map.of(), out);
  }

  static String format(double[] values) {
    StringBuilder sb = new StringBuilder();
    for (double v : values) {
      sb.append(sb.isEmpty() ? "" : " ").append(Double.isNaN(v) ? "NaN" : v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v));
    }
    return sb.toString();
  }
}
