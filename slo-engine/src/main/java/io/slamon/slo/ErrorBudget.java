package io.slamon.slo;

/**
 * Error-budget arithmetic for a ratio objective (SRE Workbook ch. 2 and 5): the budget is the share
 * of events allowed to be bad, {@code 1 - objective}; what remains is what the bad events have not
 * used yet.
 */
public final class ErrorBudget {
  private ErrorBudget() {}

  /** good / total, or NaN when there were no events (no traffic is not 100 %). */
  public static double attainment(double good, double total) {
    return total > 0 ? good / total : Double.NaN;
  }

  /**
   * Remaining share of the budget: 1.0 untouched, 0.0 exactly used up, negative overspent. With no
   * events nothing was spent, so 1.0.
   */
  public static double remaining(double good, double total, double objective) {
    checkObjective(objective);
    if (total <= 0) {
      return 1.0;
    }
    double allowedBad = (1.0 - objective) * total;
    double bad = total - good;
    return 1.0 - bad / allowedBad;
  }

  /** The error budget in events: how many of {@code total} may be bad, {@code (1 - objective) x total}. */
  public static double allowedBad(double total, double objective) {
    checkObjective(objective);
    return Math.max(0, total) * (1.0 - objective);
  }

  /** Share of the budget the bad events used: 0 none, 1 all, above 1 overspent; 0 without events. */
  public static double consumed(double good, double total, double objective) {
    return 1.0 - remaining(good, total, objective);
  }

  /**
   * Burn rate: how many times faster than "exactly on budget" the budget is being spent over a
   * window (1.0 = would spend exactly the whole budget in the SLO period).
   */
  public static double burnRate(double good, double total, double objective) {
    checkObjective(objective);
    if (total <= 0) {
      return 0.0;
    }
    return ((total - good) / total) / (1.0 - objective);
  }

  private static void checkObjective(double objective) {
    if (!(objective > 0 && objective < 1)) {
      throw new IllegalArgumentException("objective must be in (0, 1), was " + objective);
    }
  }
}
