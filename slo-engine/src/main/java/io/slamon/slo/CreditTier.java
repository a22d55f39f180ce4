package io.slamon.slo;

/**
 * One row of a service-credit table: attainment strictly below {@code attainmentBelow} owes {@code
 * creditShare} of the period's fee. Both are ratios: {@code (0.999, 0.10)} reads "below 99.9 %:
 * 10 % credit".
 */
public record CreditTier(double attainmentBelow, double creditShare) {
  public CreditTier {
    if (!(attainmentBelow > 0 && attainmentBelow <= 1)) {
      throw new IllegalArgumentException("Illegal credit threshold " + attainmentBelow + ": expecting 0 < attainmentBelow <= 1 (a ratio, 0.999 = 99.9 %)");
    }
    if (!(creditShare > 0 && creditShare <= 1)) {
      throw new IllegalArgumentException("Illegal credit " + creditShare + ": expecting 0 < creditShare <= 1 (a ratio of the fee, 0.1 = 10 %)");
    }
  }
}
