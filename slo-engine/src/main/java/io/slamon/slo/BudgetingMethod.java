package io.slamon.slo;

/** OpenSLO {@code budgetingMethod}: how per-slice counts become one attainment. */
public enum BudgetingMethod {
  /** Every event counts the same: sum(good) / sum(total). */
  OCCURRENCES,
  /** A slice is good when its ratio reaches {@code timeSliceTarget}; good slices / slices. */
  TIMESLICES,
  /** The average of the slices' ratios. */
  RATIO_TIMESLICES
}
