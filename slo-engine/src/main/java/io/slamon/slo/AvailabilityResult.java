package io.slamon.slo;

import java.time.Duration;
import java.util.List;

/**
 * Availability of one component over one SLA period.
 *
 * @param period the SLA period
 * @param excluded announced maintenance inside the agreed windows (out of the denominator)
 * @param downtime time counted against the SLO
 * @param maintenanceOutsideAgreedWindows maintenance executed outside the agreed windows (a
 *     finding for the report, whether announced or not; it is also part of the downtime)
 * @param excludedIntervals the excluded intervals, as evidence
 * @param downtimeIntervals the downtime intervals, as evidence
 */
public record AvailabilityResult(
    TimeInterval period,
    Duration excluded,
    Duration downtime,
    Duration maintenanceOutsideAgreedWindows,
    List<TimeInterval> excludedIntervals,
    List<TimeInterval> downtimeIntervals) {
  public AvailabilityResult {
    excludedIntervals = List.copyOf(excludedIntervals);
    downtimeIntervals = List.copyOf(downtimeIntervals);
  }

  /** Period minus excluded time: the denominator. */
  public Duration measured() {
    return period.length().minus(excluded);
  }

  public double periodMinutes() {
    return Minutes.of(period.length());
  }

  public double excludedMinutes() {
    return Minutes.of(excluded);
  }

  public double downtimeMinutes() {
    return Minutes.of(downtime);
  }

  /** Minutes available: measured minus downtime. */
  public double availableMinutes() {
    return Minutes.of(measured().minus(downtime));
  }

  /** available / measured; NaN when the whole period was excluded. */
  public double attainment() {
    double measured = Minutes.of(measured());
    return measured > 0 ? availableMinutes() / measured : Double.NaN;
  }

  /** Downtime allowed by {@code objective} in this period: (1 − objective) × measured minutes. */
  public double budgetMinutes(double objective) {
    if (!(objective > 0 && objective < 1)) {
      throw new IllegalArgumentException("objective must be in (0, 1), was " + objective);
    }
    return (1 - objective) * Minutes.of(measured());
  }

  /** Share of the period's downtime budget left: 1 untouched, 0 spent, negative overspent. */
  public double budgetRemaining(double objective) {
    double budget = budgetMinutes(objective);
    return budget > 0 ? 1 - downtimeMinutes() / budget : 1.0;
  }
}
