package io.slamon.slo;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * RPO compliance of one asset over one period.
 *
 * @param violation time in which the newest successful backup was older than the RPO (or there
 *     was none yet)
 * @param worstAge the largest backup age reached in the period; empty when no backup existed at
 *     any point of the period
 * @param violationIntervals the violation intervals, as evidence
 */
public record RpoResult(Duration violation, Optional<Duration> worstAge, List<TimeInterval> violationIntervals) {
  public RpoResult {
    violationIntervals = List.copyOf(violationIntervals);
  }

  public double violationMinutes() {
    return Minutes.of(violation);
  }

  public boolean met() {
    return violation.isZero();
  }
}
