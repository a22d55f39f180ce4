package io.slamon.slo;

import java.util.List;

/** The state of every burn-rate condition of one SLO at one instant, and the no-data verdict. */
public record BurnRateEvaluation(List<ConditionState> conditions, boolean noData) {
  public BurnRateEvaluation {
    conditions = List.copyOf(conditions);
  }

  /** One condition: the factor it was judged against, both burn rates and whether it fires. */
  public record ConditionState(
      BurnRateCondition condition, double scaledFactor, double longBurnRate, double shortBurnRate, boolean firing, boolean reachable) {}

  /** The firing conditions, in policy order. */
  public List<BurnRateCondition> firing() {
    return conditions.stream().filter(ConditionState::firing).map(ConditionState::condition).toList();
  }

  /** The most urgent firing severity, or null when nothing fires. */
  public AlertSeverity highestSeverity() {
    return firing().stream().map(BurnRateCondition::severity).min(Enum::compareTo).orElse(null);
  }
}
