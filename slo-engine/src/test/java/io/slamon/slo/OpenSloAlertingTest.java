package io.slamon.slo;

import static org.assertj.core.api.Assertions.assertThat;

import io.slamon.core.openslo.AlertCondition;
import io.slamon.core.openslo.AlertPolicy;
import io.slamon.core.openslo.Metadata;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpenSloAlertingTest {
  @ParameterizedTest(name = "{0} {1}x over {2} -> {3} with short window {4}")
  @CsvSource({
    "page, 14.4, PT1H, PAGE, PT5M",
    "page, 6, PT6H, PAGE, PT30M",
    "ticket, 3, P1D, TICKET, PT2H",
    "ticket, 1, P3D, TICKET, PT6H",
    "warning, 2, PT12H, TICKET, PT1H",
  })
  void aBurnRateConditionBecomesAMultiwindowConditionWithAShortWindowOfOneTwelfth(
      String severity, double threshold, Duration lookback, AlertSeverity expected, Duration shortWindow) {
    BurnRatePolicy p = OpenSloAlerting.policy(List.of(policy("p", false, condition("c", severity, threshold, lookback))));
    assertThat(p.conditions()).containsExactly(new BurnRateCondition("c", expected, threshold, lookback, shortWindow));
    assertThat(p.noDataWindow()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void anSloWithoutAlertPoliciesGetsTheWorkbookTable() {
    assertThat(OpenSloAlerting.policy(List.of())).isEqualTo(BurnRatePolicy.defaults());
    assertThat(OpenSloAlerting.policy(List.of(policy("empty", false)))).isEqualTo(BurnRatePolicy.defaults());
  }

  @Test
  void aConditionSharedByTwoPoliciesIsEvaluatedOnce() {
    AlertCondition shared = condition("slow-burn", "ticket", 1, Duration.ofHours(6));
    BurnRatePolicy p = OpenSloAlerting.policy(List.of(policy("a", false, shared), policy("b", true, shared, condition("fast", "page", 14.4, Duration.ofHours(1)))));
    assertThat(p.conditions()).extracting(BurnRateCondition::name).containsExactly("slow-burn", "fast");
    assertThat(OpenSloAlerting.alertWhenNoData(List.of(policy("a", false, shared)))).isFalse();
    assertThat(OpenSloAlerting.alertWhenNoData(List.of(policy("a", false, shared), policy("b", true)))).isTrue();
  }

  private static AlertCondition condition(String name, String severity, double threshold, Duration lookback) {
    return new AlertCondition(new Metadata(name, null, Map.of()), severity, null, threshold, lookback, Duration.ofMinutes(2));
  }

  private static AlertPolicy policy(String name, boolean noData, AlertCondition... conditions) {
    return new AlertPolicy(new Metadata(name, null, Map.of()), null, noData, true, false, List.of(conditions), List.of());
  }
}
