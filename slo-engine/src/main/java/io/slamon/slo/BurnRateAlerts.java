package io.slamon.slo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Evaluates a {@link BurnRatePolicy} for one SLO from good/total counts per window.
 *
 * <p>Factors are stated for a 30-day period. For another period P each factor is scaled by {@code
 * P / 30 d}, keeping the share of the budget a condition lets burn in its long window (2 % in 1 h,
 * 5 % in 6 h, 10 % in 1 d and 3 d) and keeping the windows, so detection time stays the same.
 */
public final class BurnRateAlerts {
  private final BurnRatePolicy policy;
  private final Duration sloPeriod;

  public BurnRateAlerts(BurnRatePolicy policy, Duration sloPeriod) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.sloPeriod = Objects.requireNonNull(sloPeriod, "sloPeriod");
    if (sloPeriod.isNegative() || sloPeriod.isZero()) {
      throw new IllegalArgumentException("Illegal SLO period " + sloPeriod + ": expecting a positive duration");
    }
  }

  /** Windows the caller must count good/total over. */
  public Set<Duration> requiredWindows() {
    Set<Duration> windows = new TreeSet<>();
    for (BurnRateCondition c : policy.conditions()) {
      windows.add(c.longWindow());
      windows.add(c.shortWindow());
    }
    windows.add(policy.noDataWindow());
    return windows;
  }

  /** The condition's factor for this SLO period. */
  public double scaledFactor(BurnRateCondition condition) {
    return condition.factor() * sloPeriod.toSeconds() / BurnRatePolicy.REFERENCE_PERIOD.toSeconds();
  }

  /**
   * Which conditions fire. A condition fires when both windows burn strictly faster than its
   * scaled factor (the Workbook's rules use {@code >}); a window without events burns 0 and cannot
   * fire. No data fires when the no-data window holds no events.
   *
   * @throws IllegalArgumentException when a window of {@link #requiredWindows()} is missing
   */
  public BurnRateEvaluation evaluate(double objective, Map<Duration, SliCounts> countsByWindow) {
    if (!(objective > 0 && objective < 1)) {
      throw new IllegalArgumentException("objective must be in (0, 1), was " + objective);
    }
    Set<Duration> missing = new TreeSet<>(requiredWindows());
    missing.removeAll(countsByWindow.keySet());
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("Missing good/total counts for windows " + missing + " (needed: " + requiredWindows() + ")");
    }
    List<BurnRateEvaluation.ConditionState> states = new ArrayList<>();
    for (BurnRateCondition c : policy.conditions()) {
      double factor = scaledFactor(c);
      double longBurn = burn(countsByWindow.get(c.longWindow()), objective);
      double shortBurn = burn(countsByWindow.get(c.shortWindow()), objective);
      boolean firing = longBurn > factor && shortBurn > factor;
      // with a low objective a high factor would need more than 100 % errors: say so instead of staying silent
      boolean reachable = factor * (1 - objective) < 1;
      states.add(new BurnRateEvaluation.ConditionState(c, factor, longBurn, shortBurn, firing, reachable));
    }
    boolean noData = countsByWindow.get(policy.noDataWindow()).total() <= 0;
    return new BurnRateEvaluation(states, noData);
  }

  private static double burn(SliCounts counts, double objective) {
    return ErrorBudget.burnRate(counts.good(), counts.total(), objective);
  }
}
