package io.slamon.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ErrorBudgetTest {

  @ParameterizedTest(name = "good={0} total={1} objective={2} -> remaining {3}, burn {4}")
  @CsvSource({
    // hand-computed: budget = (1-objective)*total bad events
    "1000, 1000, 0.999, 1.0, 0.0",
    "999, 1000, 0.999, 0.0, 1.0", // exactly one bad event allowed and spent
    "9995, 10000, 0.999, 0.5, 0.5", // 5 of 10 allowed bad events
    "980, 1000, 0.99, -1.0, 2.0", // 20 bad of 10 allowed: overspent by a whole budget
    "0, 100, 0.9, -9.0, 10.0",
  })
  void remainingBudgetAndBurnRateMatchHandComputedValues(double good, double total, double objective, double remaining, double burn) {
    assertThat(ErrorBudget.remaining(good, total, objective)).isCloseTo(remaining, within(1e-9));
    assertThat(ErrorBudget.burnRate(good, total, objective)).isCloseTo(burn, within(1e-9));
  }

  @ParameterizedTest(name = "total={0} objective={1}: {2} bad allowed; good={3} consumes {4}")
  @CsvSource({"10000, 0.999, 10, 9995, 0.5", "43200, 0.99, 432, 42768, 1.0", "1000, 0.9, 100, 700, 3.0", "0, 0.999, 0, 0, 0.0"})
  void budgetTotalAndConsumedShareMatchHandComputedValues(double total, double objective, double allowed, double good, double consumed) {
    assertThat(ErrorBudget.allowedBad(total, objective)).isCloseTo(allowed, within(1e-9));
    assertThat(ErrorBudget.consumed(good, total, objective)).isCloseTo(consumed, within(1e-9));
  }

  @Test
  void noTrafficSpendsNothingAndHasNoAttainment() {
    assertThat(ErrorBudget.remaining(0, 0, 0.999)).isEqualTo(1.0);
    assertThat(ErrorBudget.burnRate(0, 0, 0.999)).isZero();
    assertThat(ErrorBudget.attainment(0, 0)).isNaN();
  }

  @Test
  void anObjectiveOutsideTheOpenUnitIntervalIsRejected() {
    assertThatThrownBy(() -> ErrorBudget.remaining(1, 1, 1.0)).hasMessageContaining("objective must be in (0, 1)");
    assertThatThrownBy(() -> ErrorBudget.burnRate(1, 1, 0)).hasMessageContaining("objective must be in (0, 1)");
  }
}
