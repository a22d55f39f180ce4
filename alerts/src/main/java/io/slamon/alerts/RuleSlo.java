package io.slamon.alerts;

import io.slamon.core.openslo.MetricSource;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * One SLO as {@link PrometheusRules} needs it.
 *
 * @param period the SLO period the burn-rate factors are scaled to (as slamon's engine scales them)
 * @param source the SLI's slamon metric source (kind and parameters)
 * @param threshold the engine's threshold (seconds for duration thresholds, the number otherwise; 0 = none)
 * @param slice the engine's time slice for the time-based kinds ({@code SloDefinition.timeSliceWindow()})
 * @param params the engine's parameters (the source's, plus what the engine derives, e.g. {@code reservedGpus})
 */
public record RuleSlo(String tenant, String name, String service, double objective, Duration period, MetricSource source,
    double threshold, Duration slice, Map<String, String> params) {
  /** For the request-based kinds, whose rules need no more than the source. */
  public RuleSlo(String tenant, String name, String service, double objective, Duration period, MetricSource source) {
    this(tenant, name, service, objective, period, source, 0, Duration.ofMinutes(1), Map.of());
  }

  public RuleSlo {
    Objects.requireNonNull(slice, "slice");
    params = Map.copyOf(params);
    if (slice.isNegative() || slice.isZero() || slice.toMillis() % 1000 != 0) {
      throw new IllegalArgumentException("SLO " + name + ": time slice must be whole seconds > 0, was " + slice);
    }
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(source, "source");
    if (!(objective > 0 && objective < 1)) {
      throw new IllegalArgumentException("SLO " + name + ": objective must be in (0, 1), was " + objective);
    }
  }
}
