/**
 * The SLO engine: turns stored measurements into the numbers a contract is judged by. Everything
 * here but {@link io.slamon.slo.StoredSliSource} (the thin adapter over the store) is plain Java with
 * no I/O: counter math, error budgets and burn-rate alerting ({@link io.slamon.slo.BurnRateAlerts}),
 * histogram quantiles as Prometheus computes them ({@link io.slamon.slo.HistogramQuantile}),
 * budgeting methods, calendar SLA periods with maintenance exclusion ({@link
 * io.slamon.slo.AvailabilityPeriod}), service credits, RPO/RTO, patch windows and capacity
 * guarantees. The rule each calculation follows is in RATIONALE.md beside this module's pom.
 */
package io.slamon.slo;
