package io.slamon.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slamon.core.openslo.SeriesSelector;
import io.slamon.store.RollupReader.Minute;
import io.slamon.store.RollupReader.RollupSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ComponentAvailabilityTest {
  private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

  /**
   * Each target's six minutes as characters: 1 = every scrape/probe of the minute succeeded (min 1),
   * 0 = at least one failed (min 0), . = no rollup row. Three-minute slices; expected per slice
   * "up minutes/minutes with data" (- = no data), then Occurrences over the window and the
   * Timeslices attainment with timeSliceTarget 1 (up for the whole slice).
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "all up                                   | 111111 111111 | 3/3 3/3 | 6/6 | 1.0",
        "one down minute of one target inside a slice | 111111 110111 | 2/3 3/3 | 5/6 | 0.5",
        "down minutes of two targets at the same time count once | 011111 011111 | 2/3 3/3 | 5/6 | 0.5",
        "down minutes of two targets at different times count each | 011111 101111 | 1/3 3/3 | 4/6 | 0.5",
        "no data at all                           | ...... ...... | - - | 0/0 | NaN",
        "a silent minute is no data, not down     | 1.1111 ...... | 2/2 3/3 | 5/5 | 1.0",
        "one target silent while the other reports | 111... 111111 | 3/3 3/3 | 6/6 | 1.0",
        "a slice with only silent minutes is left out | ...110 ...... | - 2/3 | 2/3 | 0.0",
      })
  void upMinutesPerSlice(String why, String targets, String perSlice, String occurrences, double timeslices) {
    TimeSlices slices = new TimeSlices(T0, T0.plusSeconds(360), Duration.ofMinutes(3));
    List<SliCounts> counts = ComponentAvailability.perSlice(series(targets, 0), slices);
    assertThat(format(counts)).as(why).isEqualTo(perSlice);
    assertThat(format(List.of(TimeBasedSlis.sum(counts)))).as(why).isEqualTo(occurrences.equals("0/0") ? "-" : occurrences);
    SliceAttainment a = SliceBudgeting.attainment(BudgetingMethod.TIMESLICES, counts, 1.0);
    assertThat(Double.valueOf(a.attainment())).as(why).isEqualTo(Double.valueOf(timeslices)); // boxed: NaN equals NaN
  }

  @Test
  void aWindowStartingInsideAMinuteCountsThatMinuteInTheFirstSliceAndEveryOtherInTheSliceHoldingItsStart() {
    // window 00:00:30 .. 00:03:00, one-minute slices [30,90) [90,150) [150,180): minute 0 (down) is
    // placed at 00:00:30, minute 60 starts in the first slice too, minute 120 in the second
    TimeSlices slices = new TimeSlices(T0.plusSeconds(30), T0.plusSeconds(180), Duration.ofMinutes(1));
    assertThat(format(ComponentAvailability.perSlice(series("011", 0), slices))).isEqualTo("1/2 1/1 -");
  }

  @Test
  void theComponentsDefaultSeriesAreOverriddenByTheSelector() {
    SloDefinition slo = new SloDefinition("acme", "storage", SliKind.COMPONENT_AVAILABILITY, 0, 0.999, new SloWindow.Rolling(Duration.ofDays(30)))
        .withParams(Map.of("component", "object-storage"));
    assertThat(ComponentAvailability.selector(slo)).isEqualTo(new SeriesSelector("probe_success", Map.of("component", "object-storage")));
    assertThat(ComponentAvailability.selector(slo.withParams(Map.of("component", "control-plane"))))
        .isEqualTo(new SeriesSelector("up", Map.of("job", "apiserver")));
    assertThat(ComponentAvailability.selector(slo.withParams(Map.of("component", "gpu-nodes", "selector", "up{job=\"dcgm\", cluster=\"fra\"}"))))
        .isEqualTo(new SeriesSelector("up", Map.of("job", "dcgm", "cluster", "fra")));
    assertThatThrownBy(() -> ComponentAvailability.selector(slo.withParams(Map.of("component", "gpu"))))
        .hasMessage("Illegal component 'gpu' for SLO storage: expecting one of gpu-nodes, control-plane, object-storage, network");
  }

  /** Targets separated by spaces, one character per minute from {@code offset} seconds after T0. */
  static List<RollupSeries> series(String targets, int offset) {
    List<RollupSeries> out = new ArrayList<>();
    int t = 0;
    for (String target : targets.trim().split("\\s+")) {
      List<Minute> minutes = new ArrayList<>();
      for (int i = 0; i < target.length(); i++) {
        char c = target.charAt(i);
        if (c != '.') {
          double min = c == '1' ? 1 : 0;
          minutes.add(new Minute(T0.plusSeconds(offset + 60L * i), 4, 3 + min, min, 1, 1, 1, 0));
        }
      }
      out.add(new RollupSeries("acme", "up", Map.of("instance", "t" + t++), minutes));
    }
    return out;
  }

  private static String format(List<SliCounts> counts) {
    StringBuilder sb = new StringBuilder();
    for (SliCounts c : counts) {
      sb.append(sb.isEmpty() ? "" : " ").append(c.total() == 0 ? "-" : (long) c.good() + "/" + (long) c.total());
    }
    return sb.toString();
  }
}
