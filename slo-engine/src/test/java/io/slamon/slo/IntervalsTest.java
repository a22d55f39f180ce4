package io.slamon.slo;

import static org.assertj.core.api.Assertions.assertThat;

import io.slamon.slo.internal.Intervals;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntervalsTest {
  private static final Instant T = Instant.parse("2026-11-01T00:00:00Z");

  @Test
  void overlappingAndTouchingIntervalsMergeAndEmptyOnesVanish() {
    assertThat(Intervals.normalize(List.of(i(30, 40), i(0, 10), i(10, 20), i(35, 50), i(60, 60))))
        .containsExactly(i(0, 20), i(30, 50));
  }

  @Test
  void intersectionAndDifferenceAreHalfOpen() {
    assertThat(Intervals.intersect(List.of(i(0, 10), i(20, 30)), List.of(i(5, 25)))).containsExactly(i(5, 10), i(20, 25));
    assertThat(Intervals.intersect(List.of(i(0, 10)), List.of(i(10, 20)))).isEmpty();
    assertThat(Intervals.subtract(List.of(i(0, 100)), List.of(i(10, 20), i(15, 30), i(90, 120)))).containsExactly(i(0, 10), i(30, 90));
    assertThat(Intervals.total(List.of(i(0, 10), i(5, 15)))).isEqualTo(Duration.ofMinutes(15));
  }

  private static TimeInterval i(long fromMinute, long toMinute) {
    return new TimeInterval(T.plus(Duration.ofMinutes(fromMinute)), T.plus(Duration.ofMinutes(toMinute)));
  }
}
