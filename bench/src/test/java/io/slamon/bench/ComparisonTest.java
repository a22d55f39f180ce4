package io.slamon.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ComparisonTest {
  @Test
  void theRatioIsSlamonOverTheBaselineAndIsPrintedWithBoth() {
    var c = new Comparison("cpu per million samples", "cpu-s", 1.8, 1.2, "prometheus");
    assertThat(c.ratio()).isCloseTo(1.5, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(c.line()).contains("slamon", "1.800", "prometheus", "1.200", "ratio   1.50");
  }

  @Test
  void aZeroBaselineIsAnErrorNotAnInfiniteRatio() {
    assertThatThrownBy(() -> new Comparison("x", "s", 1, 0, "p")).hasMessageContaining("must be a positive number");
  }
}
