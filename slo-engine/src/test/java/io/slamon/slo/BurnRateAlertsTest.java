package io.slamon.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BurnRateAlertsTest {
  private static final Duration THIRTY_DAYS = Duration.ofDays(30);
  private static final List<Duration> WINDOWS =
      List.of(Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(6), Duration.ofDays(1), Duration.ofDays(3));

  /** Burn rates per window 5m, 30m, 1h, 2h, 6h, 1d, 3d at objective 99.9 % (bad share = burn / 1000). */
  @ParameterizedTest(name = "burn {0} over a 30-day period fires [{1}]")
  @CsvSource({
    "20 20 20 20 20 20 20, page-1h page-6h ticket-1d ticket-3d",
    "10 7 20 2 7 2 0.5, page-6h", // 1 h is hot but the last 5 min cooled down: the page resets
    "15 0 15 0 0 0 0, page-1h",
    "0 0 0 4 0 4 0, ticket-1d",
    "0 0 0 0 0.5 2 1.5 , ''", // ticket-3d needs the 6 h window above 1 too
    "0 0 0 0 1.5 2 1.5, ticket-3d",
    "0 0 0 0 0 0 0, ''",
  })
  void theWorkbookTableFiresWhenBothWindowsBurnFasterThanTheFactor(String burns, String expected) {
    Map<Duration, SliCounts> counts = countsFromBurns(burns, 0.999);
    BurnRateEvaluation result = new BurnRateAlerts(BurnRatePolicy.defaults(), THIRTY_DAYS).evaluate(0.999, counts);
    assertThat(result.firing()).extracting(BurnRateCondition::name).containsExactlyElementsOf(names(expected));
    assertThat(result.noData()).isFalse();
  }

  @Test
  void aBurnExactlyAtTheFactorDoesNotFire() {
    // objective 0.9375 keeps the arithmetic exact: 90 % bad / 6.25 % budget = 14.4 exactly
    Map<Duration, SliCounts> counts = new HashMap<>();
    for (Duration w : WINDOWS) {
      counts.put(w, new SliCounts(10, 100));
    }
    BurnRateEvaluation result = new BurnRateAlerts(BurnRatePolicy.defaults(), THIRTY_DAYS).evaluate(0.9375, counts);
    assertThat(result.conditions().get(0).longBurnRate()).isEqualTo(14.4);
    assertThat(result.firing()).extracting(BurnRateCondition::name).doesNotContain("page-1h").contains("page-6h");
  }

  @ParameterizedTest(name = "period {0} days scales 14.4 to {1}")
  @CsvSource({"30, 14.4", "28, 13.44", "7, 3.36", "90, 43.2"})
  void factorsScaleWithTheSloPeriodSoTheBudgetShareStaysTheSame(long days, double expected) {
    BurnRateCondition page = BurnRatePolicy.defaults().conditions().get(0);
    assertThat(new BurnRateAlerts(BurnRatePolicy.defaults(), Duration.ofDays(days)).scaledFactor(page)).isCloseTo(expected, within(1e-9));
    assertThat(page.budgetShare()).isCloseTo(0.02, within(1e-12));
  }

  @Test
  void aBurnOf14FiresTheFastPageForA28DayPeriodButNotFor30Days() {
    Map<Duration, SliCounts> counts = countsFromBurns("14 0 14 0 0 0 0", 0.999);
    assertThat(new BurnRateAlerts(BurnRatePolicy.defaults(), Duration.ofDays(28)).evaluate(0.999, counts).firing())
        .extracting(BurnRateCondition::name)
        .containsExactly("page-1h");
    assertThat(new BurnRateAlerts(BurnRatePolicy.defaults(), THIRTY_DAYS).evaluate(0.999, counts).firing()).isEmpty();
  }

  @Test
  void theDefaultTableSpendsTwoFiveTenAndTenPercentOfTheBudget() {
    assertThat(BurnRatePolicy.defaults().conditions()).extracting(BurnRateCondition::budgetShare).containsExactly(0.02, 0.05, 0.1, 0.1);
  }

  @Test
  void noTrafficInTheNoDataWindowRaisesNoDataAndNothingElse() {
    Map<Duration, SliCounts> counts = countsFromBurns("0 20 0 20 20 20 20", 0.999);
    counts.put(Duration.ofHours(1), SliCounts.NONE);
    counts.put(Duration.ofMinutes(5), SliCounts.NONE);
    BurnRateEvaluation result = new BurnRateAlerts(BurnRatePolicy.defaults(), THIRTY_DAYS).evaluate(0.999, counts);
    assertThat(result.noData()).isTrue();
    assertThat(result.firing()).extracting(BurnRateCondition::name).containsExactly("page-6h", "ticket-1d", "ticket-3d");
    assertThat(result.highestSeverity()).isEqualTo(AlertSeverity.PAGE);
  }

  @Test
  void aFactorThatWouldNeedMoreThanAllRequestsFailingIsReportedUnreachable() {
    Map<Duration, SliCounts> counts = countsFromBurns("0 0 0 0 0 0 0", 0.9);
    BurnRateEvaluation result = new BurnRateAlerts(BurnRatePolicy.defaults(), THIRTY_DAYS).evaluate(0.9, counts);
    // 14.4 x 10 % budget = 144 % errors: can never fire; 6 x 10 % = 60 % can
    assertThat(result.conditions()).extracting(BurnRateEvaluation.ConditionState::reachable).containsExactly(false, true, true, true);
  }

  @Test
  void customConditionsAndWindowsAreUsed() {
    BurnRatePolicy policy =
        new BurnRatePolicy(List.of(new BurnRateCondition("fast", AlertSeverity.PAGE, 10, Duration.ofMinutes(30), Duration.ofMinutes(3))), Duration.ofMinutes(10));
    BurnRateAlerts alerts = new BurnRateAlerts(policy, THIRTY_DAYS);
    assertThat(alerts.requiredWindows()).containsExactly(Duration.ofMinutes(3), Duration.ofMinutes(10), Duration.ofMinutes(30));
    Map<Duration, SliCounts> counts =
        Map.of(Duration.ofMinutes(3), new SliCounts(98, 100), Duration.ofMinutes(10), new SliCounts(99, 100), Duration.ofMinutes(30), new SliCounts(985, 1000));
    assertThat(alerts.evaluate(0.999, counts).firing()).extracting(BurnRateCondition::name).containsExactly("fast");
  }

  @Test
  void missingWindowsAndBadConditionsAreRejectedClearly() {
    BurnRateAlerts alerts = new BurnRateAlerts(BurnRatePolicy.defaults(), THIRTY_DAYS);
    assertThatThrownBy(() -> alerts.evaluate(0.999, Map.of(Duration.ofHours(1), SliCounts.NONE)))
        .hasMessageContaining("Missing good/total counts for windows")
        .hasMessageContaining("PT5M");
    assertThatThrownBy(() -> alerts.evaluate(1.0, Map.of())).hasMessageContaining("objective must be in (0, 1)");
    assertThatThrownBy(() -> new BurnRateCondition("x", AlertSeverity.PAGE, 14.4, Duration.ofMinutes(5), Duration.ofHours(1)))
        .hasMessageContaining("must be positive and shorter than the long window");
    assertThatThrownBy(() -> new BurnRateCondition("x", AlertSeverity.PAGE, 0, Duration.ofHours(1), Duration.ofMinutes(5))).hasMessageContaining("Illegal burn-rate factor 0.0");
    BurnRateCondition c = BurnRatePolicy.defaults().conditions().get(0);
    assertThatThrownBy(() -> new BurnRatePolicy(List.of(c, c), Duration.ofHours(1))).hasMessageContaining("must be unique");
    assertThatThrownBy(() -> new BurnRateAlerts(BurnRatePolicy.defaults(), Duration.ZERO)).hasMessageContaining("Illegal SLO period");
  }

  private static Map<Duration, SliCounts> countsFromBurns(String burns, double objective) {
    double[] values = Arrays.stream(burns.trim().split("\\s+")).mapToDouble(Double::parseDouble).toArray();
    Map<Duration, SliCounts> counts = new HashMap<>();
    for (int i = 0; i < WINDOWS.size(); i++) {
      double total = 1_000_000;
      double bad = values[i] * (1 - objective) * total;
      counts.put(WINDOWS.get(i), new SliCounts(total - bad, total));
    }
    return counts;
  }

  private static List<String> names(String expected) {
    return expected.isBlank() ? List.of() : List.of(expected.trim().split("\\s+"));
  }
}
