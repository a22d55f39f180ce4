package io.slamon.slo;

import java.time.Instant;

/** The evaluated state of one SLO over one window. */
public record SloResult(
    SloDefinition slo, Instant windowStart, Instant windowEnd, SliCounts counts, double attainment, double budgetRemaining, boolean breached) {
  /** Error budget total, consumed and remaining over this window. */
  public ErrorBudgetStatus errorBudget() {
    return ErrorBudgetStatus.of(counts, slo.objective());
  }
}
