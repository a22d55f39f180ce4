package io.slamon.slo;

import java.time.Instant;
import java.time.InstantSource;
import java.util.List;

/**
 * Evaluates an SLO over its window ending now (rolling, or the calendar period so far) by its
 * OpenSLO budgeting method: Occurrences (every event counts the same), Timeslices (good slices /
 * slices with data) or RatioTimeslices (mean of the slices' ratios). A breach is attainment below
 * the objective with data present; no data is reported as NaN attainment and never as a breach.
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
    SliCounts counts = switch (slo.budgeting()) {
      case OCCURRENCES -> source.counts(slo, start, end);
      case TIMESLICES, RATIO_TIMESLICES -> sliceCounts(slo, source.sliceCounts(slo, start, end, slo.timeSliceWindow()));
    };
    double attainment = ErrorBudget.attainment(counts.good(), counts.total());
    double remaining = ErrorBudget.remaining(counts.good(), counts.total(), slo.objective());
    boolean breached = counts.total() > 0 && attainment < slo.objective();
    return new SloResult(slo, start, end, counts, attainment, remaining, breached);
  }

  /**
   * The slice method's result as good/total, so budget and status history read the same way for
   * every method: Timeslices → good slices / slices with data; RatioTimeslices → sum of the
   * slices' ratios / slices with data (its mean is the attainment).
   */
  static SliCounts sliceCounts(SloDefinition slo, List<SliCounts> slices) {
    double target = slo.budgeting() == BudgetingMethod.TIMESLICES ? slo.timeSliceTarget() : 1;
    SliceAttainment a = SliceBudgeting.attainment(slo.budgeting(), slices, target);
    if (a.slicesWithData() == 0) {
      return SliCounts.NONE;
    }
    double good = slo.budgeting() == BudgetingMethod.TIMESLICES ? a.goodSlices() : a.attainment() * a.slicesWithData();
    return new SliCounts(Math.min(good, a.slicesWithData()), a.slicesWithData());
  }
}
