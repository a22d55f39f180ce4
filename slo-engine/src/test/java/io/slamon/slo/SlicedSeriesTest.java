package io.slamon.slo;

import static org.assertj.core.api.Assertions.assertThat;

import io.slamon.store.SampleReader.Point;
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

  /** Points as "second=value ..." (seconds after T0; negative = before the window). */
  @ParameterizedTest(name = "{0}: {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "steady counter            | -30=100 30=110 90=130 150=160 210=200 | 10 20 30 40",
        "the first step comes from the point before the window | -30=100 30=110 | 10 NaN NaN NaN",
        "counter reset: the new value is the increase | 0=1000 30=1010 90=5 150=15 | 10 5 10 NaN",
        "two steps in one slice add up | 0=0 20=5 40=7 | 7 NaN NaN NaN",
        "no points at all: every slice has no data | | NaN NaN NaN NaN",
        "a point after the window is ignored | 200=10 230=20 250=90 | NaN NaN NaN 10",
        "NaN values are skipped | 0=10 30=NaN 70=15 | NaN 5 NaN NaN",
      })
  void increasePerSliceIsResetAwareAndNaNWithoutData(String why, String points, String expected) {
    double[] inc = SlicedSeries.increasePerSlice(List.of(parse(points)), FOUR_MINUTES);
    assertThat(format(inc)).as(why).isEqualTo(expected);
  }

  @Test
  void slicesOfTwoCountersAddUpToTheirIncreasesOverTheWindow() {
    List<Point> a = parse("0=0 60=10 120=25 180=5");
    List<Point> b = parse("10=7 70=8 130=9 190=10");
    double[] inc = SlicedSeries.increasePerSlice(List.of(a, b), FOUR_MINUTES);
    double sum = Arrays.stream(inc).filter(v -> !Double.isNaN(v)).sum();
    assertThat(sum).isEqualTo(CounterMath.increase(List.of(0.0, 10.0, 25.0, 5.0)) + CounterMath.increase(List.of(7.0, 8.0, 9.0, 10.0)));
  }

  @ParameterizedTest(name = "{0}: {1} | {2} -> {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "largest of both series per slice | 0=3 30=7 | 10=5 70=2 | 7 2 NaN NaN",
        "empty slices stay NaN | 200=1 | | NaN NaN NaN 1",
      })
  void maxPerSliceTakesTheLargestSampleOfAnySeries(String why, String a, String b, String expected) {
    assertThat(format(SlicedSeries.maxPerSlice(List.of(parse(a), parse(b)), FOUR_MINUTES))).as(why).isEqualTo(expected);
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

  static List<Point> parse(String spec) {
    List<Point> out = new ArrayList<>();
    if (spec == null || spec.isBlank()) {
      return out;
    }
    for (String p : spec.trim().split("\\s+")) {
      String[] kv = p.split("=");
      out.add(new Point(T0.plusSeconds(Long.parseLong(kv[0])).toEpochMilli(), Double.parseDouble(kv[1])));
    }
    return out;
  }

  static String format(double[] values) {
    StringBuilder sb = new StringBuilder();
    for (double v : values) {
      sb.append(sb.isEmpty() ? "" : " ").append(Double.isNaN(v) ? "NaN" : v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v));
    }
    return sb.toString();
  }
}
