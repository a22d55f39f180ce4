package io.slamon.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One stored SLO evaluation: what reports and dashboards read, so they never recompute.
 *
 * @param tenant the tenant the SLO belongs to
 * @param slo the OpenSLO SLO name
 * @param evaluatedAt when the engine computed it
 * @param windowStart start of the evaluated window (inclusive)
 * @param windowEnd end of the evaluated window (exclusive)
 * @param good good events (or good time slices)
 * @param total total events (or time slices), excluded ones already removed
 * @param objective the target ratio, e.g. 0.999
 * @param attainment good / total, or NaN when total is 0
 * @param budgetRemaining remaining share of the error budget, 1.0 = untouched, negative = overspent
 */
public record SloStatus(
    String tenant,
    String slo,
    Instant evaluatedAt,
    Instant windowStart,
    Instant windowEnd,
    double good,
    double total,
    double objective,
    double attainment,
    double budgetRemaining) {
  public SloStatus {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(slo, "slo");
    Objects.requireNonNull(evaluatedAt, "evaluatedAt");
  }
}
