package io.slamon.slo;

/**
 * The error budget of one SLO over one window, in events (or slices) and as shares.
 *
 * @param total bad events the objective allows over the window: {@code (1 − objective) × total events}
 * @param consumed bad events so far
 * @param remaining {@code total − consumed}; negative when overspent
 * @param consumedShare {@code consumed / total}: 0 none, 1 all, above 1 overspent; 0 without events
 * @param remainingShare {@code 1 − consumedShare}
 */
public record ErrorBudgetStatus(double total, double consumed, double remaining, double consumedShare, double remainingShare) {
  /** The budget of {@code counts} against {@code objective} (SRE Workbook ch. 2). */
  public static ErrorBudgetStatus of(SliCounts counts, double objective) {
    double allowed = ErrorBudget.allowedBad(counts.total(), objective);
    double bad = counts.total() - counts.good();
    double consumedShare = ErrorBudget.consumed(counts.good(), counts.total(), objective);
    return new ErrorBudgetStatus(allowed, bad, allowed - bad, consumedShare, 1 - consumedShare);
  }
}
