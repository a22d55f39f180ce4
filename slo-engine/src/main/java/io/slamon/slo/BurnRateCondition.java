package io.slamon.slo;

import java.time.Duration;
import java.util.Objects;

/**
 * One multiwindow burn-rate condition: fires when the burn rate over both the long and the short
 * window exceeds {@code factor} (SRE Workbook ch. 5, "Multiwindow, Multi-Burn-Rate Alerts").
 *
 * @param name short label, e.g. {@code page-1h}
 * @param severity page or ticket
 * @param factor burn-rate threshold as stated for a 30-day SLO period (14.4 = 2 % of a 30-day
 *     budget in one hour); {@link BurnRateAlerts} rescales it for other periods
 * @param longWindow the window that decides the condition is significant
 * @param shortWindow the window that lets it reset quickly once the burn stops (shorter than long)
 */
public record BurnRateCondition(String name, AlertSeverity severity, double factor, Duration longWindow, Duration shortWindow) {
  public BurnRateCondition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(longWindow, "longWindow");
    Objects.requireNonNull(shortWindow, "shortWindow");
    if (!(factor > 0) || Double.isInfinite(factor)) {
      throw new IllegalArgumentException("Illegal burn-rate factor " + factor + " for condition " + name + ": expecting a finite number > 0");
    }
    if (shortWindow.isNegative() || shortWindow.isZero() || shortWindow.compareTo(longWindow) >= 0) {
      throw new IllegalArgumentException(
          "Illegal windows for condition " + name + ": short window " + shortWindow + " must be positive and shorter than the long window " + longWindow);
    }
  }

  /**
   * Share of the SLO period's error budget this condition lets burn in its long window before
   * firing (0.02 for 14.4x over 1 h); the same for every period because the factor is rescaled.
   */
  public double budgetShare() {
    return factor * ((double) longWindow.toSeconds() / BurnRatePolicy.REFERENCE_PERIOD.toSeconds());
  }
}
