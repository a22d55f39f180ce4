/**
 * The SLO engine: turns stored measurements into the numbers a contract is judged by. The math
 * ({@link io.slamon.slo.CounterMath}, {@link io.slamon.slo.ErrorBudget}, {@link
 * io.slamon.slo.SloEvaluator}) is plain Java with no I/O; {@link io.slamon.slo.StoredSliSource} is the
 * thin adapter that reads the store. The rules each calculation follows are in RATIONALE.md beside
 * this module's pom.
 */
package io.slamon.slo;
