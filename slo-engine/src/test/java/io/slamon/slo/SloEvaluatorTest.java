package io.slamon.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
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

  @Test
  void countsWithMoreGoodThanTotalAreRejected() {
    assertThatThrownBy(() -> new SliCounts(11, 10)).hasMessageContaining("expecting 0 <= good <= total");
  }
}
