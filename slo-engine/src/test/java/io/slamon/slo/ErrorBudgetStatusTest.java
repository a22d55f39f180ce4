package io.slamon.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorBudgetStatusTest {
  @ParameterizedTest(name = "{0}/{1} at {2}: budget {3}, consumed {4}, remaining {5}, consumed share {6}")
  @CsvSource({
    // good, total, objective, total budget (events), consumed, remaining, consumed share
    "1000000, 1000000, 0.999, 1000, 0, 1000, 0",
    "999500, 1000000, 0.999, 1000, 500, 500, 0.5",
    "999000, 1000000, 0.999, 1000, 1000, 0, 1",
    "998000, 1000000, 0.999, 1000, 2000, -1000, 2", // overspent twice
    "0, 0, 0.999, 0, 0, 0, 0", // no traffic spends nothing
    "9, 10, 0.9, 1, 1, 0, 1", // timeslices: 9 good slices of 10 at 90 %
  })
  void budgetTotalConsumedAndRemainingPerWindow(double good, double total, double objective, double budget, double consumed, double remaining, double share) {
    ErrorBudgetStatus s = ErrorBudgetStatus.of(new SliCounts(good, total), objective);
    assertThat(s.total()).isCloseTo(budget, within(1e-6));
    assertThat(s.consumed()).isCloseTo(consumed, within(1e-6));
    assertThat(s.remaining()).isCloseTo(remaining, within(1e-6));
    assertThat(s.consumedShare()).isCloseTo(share, within(1e-9));
    assertThat(s.remainingShare()).isCloseTo(1 - share, within(1e-9));
  }
}
