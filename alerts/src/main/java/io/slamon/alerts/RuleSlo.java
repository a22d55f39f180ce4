package io.slamon.alerts;

import io.slamon.core.openslo.MetricSource;
import java.time.Duration;
import java.util.Objects;

/**
 * One SLO as {@link PrometheusRules} needs it.
 *
 * @param period the SLO period the burn-rate factors are scaled to (as slamon's engine scales them)
 * @param source the SLI's slamon metric source (kind and parameters)
 */
public record RuleSlo(String tenant, String name, String service, double objective, Duration period, MetricSource source) {
  public RuleSlo {
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
