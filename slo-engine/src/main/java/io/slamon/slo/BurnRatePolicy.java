package io.slamon.slo;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The burn-rate conditions of an SLO plus the window in which no traffic at all raises a no-data
 * alert (without events a burn rate is 0 and every other condition is blind).
 */
public record BurnRatePolicy(List<BurnRateCondition> conditions, Duration noDataWindow) {
  /** The period the SRE Workbook table is stated for; factors are scaled from it. */
  public static final Duration REFERENCE_PERIOD = Duration.ofDays(30);

  public BurnRatePolicy {
    conditions = List.copyOf(Objects.requireNonNull(conditions, "conditions"));
    Objects.requireNonNull(noDataWindow, "noDataWindow");
    if (noDataWindow.isNegative() || noDataWindow.isZero()) {
      throw new IllegalArgumentException("Illegal no-data window " + noDataWindow + ": expecting a positive duration");
    }
    if (conditions.stream().map(BurnRateCondition::name).distinct().count() != conditions.size()) {
      throw new IllegalArgumentException("Burn-rate condition names must be unique, were " + conditions.stream().map(BurnRateCondition::name).toList());
    }
  }

  /**
   * The SRE Workbook table 5-8 for a 30-day period: page at 14.4x over 1 h and 5 m, 6x over 6 h
   * and 30 m; ticket at 3x over 1 d and 2 h, 1x over 3 d and 6 h; no data over 1 h.
   */
  public static BurnRatePolicy defaults() {
    return new BurnRatePolicy(
        List.of(
            new BurnRateCondition("page-1h", AlertSeverity.PAGE, 14.4, Duration.ofHours(1), Duration.ofMinutes(5)),
            new BurnRateCondition("page-6h", AlertSeverity.PAGE, 6, Duration.ofHours(6), Duration.ofMinutes(30)),
            new BurnRateCondition("ticket-1d", AlertSeverity.TICKET, 3, Duration.ofDays(1), Duration.ofHours(2)),
            new BurnRateCondition("ticket-3d", AlertSeverity.TICKET, 1, Duration.ofDays(3), Duration.ofHours(6))),
        Duration.ofHours(1));
  }
}
