package io.slamon.slo;

import java.time.Instant;
import java.time.InstantSource;

/**
 * Evaluates an SLO over its window ending now (rolling, or the calendar period so far) (Occurrences budgeting: every event counts
 * the same). A breach is attainment below the objective with traffic present; no traffic is
 * reported as NaN attainment and never as a breach.
 */
public final class SloEvaluator {
  private final SliSource source;
  private final InstantSource clock;

  public SloEvaluator(SliSource source, InstantSource clock) {
    this.source = source;
    this.clock = clock;
  }

  public SloResult evaluate(SloDefinition slo) {
    Instant end = clock.instant();
    Instant start = slo.window().startFor(end);
    SliCounts counts = source.counts(slo, start, end);
    double attainment = ErrorBudget.attainment(counts.good(), counts.total());
    double remaining = ErrorBudget.remaining(counts.good(), counts.total(), slo.objective());
    boolean breached = counts.total() > 0 && attainment < slo.objective();
    return new SloResult(slo, start, end, counts, attainment, remaining, breached);
  }
}
