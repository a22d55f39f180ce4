package io.slamon.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SloEvaluatorTest {
  private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
  private final SloDefinition ttft = new SloDefinition("hanse-bank", "chat-ttft", SliKind.TTFT_UNDER, 0.5, 0.95, new SloWindow.Rolling(Duration.ofDays(28)));

  @Test
  void evaluatesTheRollingWindowEndingNow() {
    AtomicReference<Instant[]> asked = new AtomicReference<>();
    SliSource source = (slo, from, to) -> {
      asked.set(new Instant[] {from, to});
      return new SliCounts(90, 100);
    };
    SloResult result = new SloEvaluator(source, InstantSource.fixed(NOW)).evaluate(ttft);

    assertThat(asked.get()).containsExactly(NOW.minus(Duration.ofDays(28)), NOW);
    assertThat(result.attainment()).isEqualTo(0.9);
    assertThat(result.breached()).isTrue();
    assertThat(result.budgetRemaining()).isCloseTo(-1.0, org.assertj.core.api.Assertions.within(1e-9));
  }

  @Test
  void attainmentAtTheObjectiveIsNotABreach() {
    SloResult result = new SloEvaluator((s, f, t) -> new SliCounts(95, 100), InstantSource.fixed(NOW)).evaluate(ttft);
    assertThat(result.breached()).isFalse();
  }

  @Test
  void noTrafficIsNeitherMetNorBreached() {
    SloResult result = new SloEvaluator((s, f, t) -> SliCounts.NONE, InstantSource.fixed(NOW)).evaluate(ttft);
    assertThat(result.attainment()).isNaN();
    assertThat(result.breached()).isFalse();
    assertThat(result.budgetRemaining()).isEqualTo(1.0);
  }

  /** Per-minute slices as good/total; objective 0.95, target 0.9 for Timeslices. */
  @org.junit.jupiter.params.ParameterizedTest(name = "{0} over {1} -> {2}/{3}, attainment {4}")
  @org.junit.jupiter.params.provider.CsvSource(
      delimiter = '|',
      value = {
        "OCCURRENCES      | 100/100 80/100 0/0 9/10 | 189 | 210 | 0.9",
        "TIMESLICES       | 100/100 80/100 0/0 9/10 | 2   | 3   | 0.6666666666666666",
        "RATIO_TIMESLICES | 100/100 80/100 0/0 9/10 | 2.7 | 3   | 0.9",
        "TIMESLICES       | 0/0 0/0                 | 0   | 0   | NaN",
      })
  void evaluatesByTheBudgetingMethod(BudgetingMethod method, String slices, double good, double total, double attainment) {
    List<SliCounts> perSlice = new java.util.ArrayList<>();
    for (String s : slices.trim().split("\\s+")) {
      String[] gt = s.split("/");
      perSlice.add(new SliCounts(Double.parseDouble(gt[0]), Double.parseDouble(gt[1])));
    }
    SliSource source = new SliSource() {
      @Override
      public SliCounts counts(SloDefinition slo, Instant from, Instant to) {
        return TimeBasedSlis.sum(perSlice);
      }

      @Override
      public List<SliCounts> sliceCounts(SloDefinition slo, Instant from, Instant to, Duration slice) {
        assertThat(slice).isEqualTo(Duration.ofMinutes(5));
        return perSlice;
      }
    };
    SloDefinition slo = ttft.withBudgeting(method, method == BudgetingMethod.TIMESLICES ? 0.9 : Double.NaN, Duration.ofMinutes(5));
    SloResult r = new SloEvaluator(source, InstantSource.fixed(NOW)).evaluate(slo);
    assertThat(r.counts().good()).isCloseTo(good, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(r.counts().total()).isEqualTo(total);
    if (Double.isNaN(attainment)) {
      assertThat(r.attainment()).isNaN();
      assertThat(r.breached()).isFalse();
    } else {
      assertThat(r.attainment()).isCloseTo(attainment, org.assertj.core.api.Assertions.within(1e-12));
      assertThat(r.breached()).isEqualTo(attainment < 0.95);
    }
  }

  @Test
  void theDefaultSliceCountsAskTheSourceOncePerSliceEndingAtTheWindowEnd() {
    List<Instant[]> asked = new java.util.ArrayList<>();
    SliSource source = (slo, from, to) -> {
      asked.add(new Instant[] {from, to});
      return new SliCounts(1, 1);
    };
    List<SliCounts> slices = source.sliceCounts(ttft, NOW, NOW.plusSeconds(150), Duration.ofMinutes(1));
    assertThat(slices).hasSize(3);
    assertThat(asked.get(2)).containsExactly(NOW.plusSeconds(120), NOW.plusSeconds(150));
  }

  @Test
  void countsWithMoreGoodThanTotalAreRejected() {
    assertThatThrownBy(() -> new SliCounts(11, 10)).hasMessageContaining("expecting 0 <= good <= total");
  }
}
