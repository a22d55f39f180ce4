package io.slamon.core;

import java.time.Duration;

/**
 * Contractual availability classes (Verfügbarkeitsklassen) as used in German hosting contracts:
 * VK1 99.0 %, VK2 99.9 %, VK3 99.99 %, VK4 99.999 %.
 */
public enum AvailabilityClass {
  VK1(0.99),
  VK2(0.999),
  VK3(0.9999),
  VK4(0.99999);

  /** The reference month for "allowed downtime per month" figures in contracts: 30 days. */
  public static final Duration REFERENCE_MONTH = Duration.ofDays(30);

  private final double target;

  AvailabilityClass(double target) {
    this.target = target;
  }

  /** The availability target as a fraction, e.g. 0.999 for VK2. */
  public double target() {
    return target;
  }

  /** The target in percent, e.g. 99.9 for VK2. */
  public double targetPercent() {
    return Math.round(target * 100_000) / 1000.0;
  }

  /**
   * Downtime allowed in a 30-day month: VK1 7h12m, VK2 43m12s, VK3 4m19s, VK4 25.9 s. A 30-day
   * month reproduces the contract tables (VK4 "&lt; 26 s"); the 30.44-day average would not.
   */
  public Duration allowedDowntimePerMonth() {
    return allowedDowntime(REFERENCE_MONTH);
  }

  /** Downtime allowed in a period of the given length. */
  public Duration allowedDowntime(Duration period) {
    return Duration.ofMillis(Math.round(period.toMillis() * (1.0 - target)));
  }
}
