package io.slamon.slo;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Evaluates the multiwindow burn-rate conditions of an SLO now: counts good/total over every window
 * the policy needs (each ending now) from an {@link SliSource} and hands them to {@link
 * BurnRateAlerts}. The SLO period that scales the factors is the rolling window's length, or the
 * calendar period's nominal length (30 days a month, 91 a quarter, 365 a year).
 */
public final class BurnRateMonitor {
  private final SliSource source;
  private final java.util.function.Function<SloDefinition, BurnRatePolicy> policies;
  private final InstantSource clock;

  public BurnRateMonitor(SliSource source, BurnRatePolicy policy, InstantSource clock) {
    this(source, slo -> policy, clock);
  }

  /** With a policy per SLO (e.g. from its OpenSLO alert policies, {@link OpenSloAlerting}). */
  public BurnRateMonitor(SliSource source, java.util.function.Function<SloDefinition, BurnRatePolicy> policies, InstantSource clock) {
    this.source = source;
    this.policies = policies;
    this.clock = clock;
  }

  public BurnRateEvaluation evaluate(SloDefinition slo) {
    BurnRateAlerts alerts = new BurnRateAlerts(policies.apply(slo), period(slo.window()));
    Instant now = clock.instant();
    Map<Duration, SliCounts> counts = new LinkedHashMap<>();
    for (Duration window : alerts.requiredWindows()) {
      counts.put(window, source.counts(slo, now.minus(window), now));
    }
    return alerts.evaluate(slo.objective(), counts);
  }

  /**
   * The SLO period that scales the burn-rate factors: a rolling window's length, or a calendar
   * period's nominal length (30 days a month, 91 a quarter, 365 a year). Public so generated
   * Prometheus rules ({@code slamon rules}) scale exactly as the engine does.
   */
  public static Duration period(SloWindow window) {
    return switch (window) {
      case SloWindow.Rolling r -> r.length();
      case SloWindow.Calendar c -> Duration.ofDays(c.months() == 1 ? 30 : c.months() == 3 ? 91 : 365);
    };
  }
}
