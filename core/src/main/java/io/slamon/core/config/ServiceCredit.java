package io.slamon.core.config;

/**
 * A service credit step: when monthly availability (percent) is below {@code below}, the tenant is
 * owed {@code creditPercent} of the monthly fee. The lowest matching step applies.
 */
public record ServiceCredit(double below, double creditPercent) {
  public ServiceCredit {
    if (below <= 0 || below > 100) {
      throw new IllegalArgumentException("below must be in (0, 100]");
    }
    if (creditPercent <= 0 || creditPercent > 100) {
      throw new IllegalArgumentException("creditPercent must be in (0, 100]");
    }
  }
}
