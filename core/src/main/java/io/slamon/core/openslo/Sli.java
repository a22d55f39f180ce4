package io.slamon.core.openslo;

import java.util.Objects;

/**
 * OpenSLO SLI: exactly one of {@code ratioMetric} and {@code thresholdMetric} is set.
 *
 * @param metadata name may be synthesised for inline indicators ({@code <slo>-indicator})
 */
public record Sli(Metadata metadata, String description, RatioMetric ratioMetric, MetricSource thresholdMetric) {
  public Sli {
    Objects.requireNonNull(metadata, "metadata");
    if ((ratioMetric == null) == (thresholdMetric == null)) {
      throw new IllegalArgumentException("an SLI needs exactly one of ratioMetric and thresholdMetric");
    }
  }

  public String name() {
    return metadata.name();
  }

  /** The metric source slamon evaluates (ratio's primary source or the threshold source). */
  public MetricSource source() {
    return ratioMetric != null ? ratioMetric.primary() : thresholdMetric;
  }
}
