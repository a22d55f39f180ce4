package io.slamon.slo;

import java.util.List;
import java.util.Objects;

/**
 * OpenSLO budgeting methods over per-slice counts (one {@link SliCounts} per {@code
 * timeSliceWindow}, e.g. per minute). A slice without events is neither good nor bad: it is left
 * out and reported as empty, the same way Occurrences treats no traffic (no traffic is not 100 %).
 */
public final class SliceBudgeting {
  private SliceBudgeting() {}

  /**
   * Attainment by {@code method}; {@code timeSliceTarget} in (0, 1] is used by {@link
   * BudgetingMethod#TIMESLICES} only (a slice is good when good/total &gt;= target).
   */
  public static SliceAttainment attainment(BudgetingMethod method, List<SliCounts> slices, double timeSliceTarget) {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(slices, "slices");
    if (method == BudgetingMethod.TIMESLICES && !(timeSliceTarget > 0 && timeSliceTarget <= 1)) {
      throw new IllegalArgumentException("Illegal timeSliceTarget " + timeSliceTarget + ": expecting 0 < timeSliceTarget <= 1");
    }
    int withData = 0;
    int empty = 0;
    int goodSlices = 0;
    double good = 0;
    double total = 0;
    double ratioSum = 0;
    for (SliCounts s : slices) {
      if (s.total() <= 0) {
        empty++;
        continue;
      }
      withData++;
      double ratio = Math.min(1.0, s.good() / s.total());
      good += s.good();
      total += s.total();
      ratioSum += ratio;
      if (ratio >= timeSliceTarget) {
        goodSlices++;
      }
    }
    return switch (method) {
      case OCCURRENCES -> new SliceAttainment(method, ErrorBudget.attainment(good, total), withData, 0, empty);
      case TIMESLICES -> new SliceAttainment(method, withData == 0 ? Double.NaN : (double) goodSlices / withData, withData, goodSlices, empty);
      case RATIO_TIMESLICES -> new SliceAttainment(method, withData == 0 ? Double.NaN : ratioSum / withData, withData, 0, empty);
    };
  }
}
