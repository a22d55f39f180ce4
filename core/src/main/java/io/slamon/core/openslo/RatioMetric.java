package io.slamon.core.openslo;

/**
 * OpenSLO ratio metric: good/total, bad/total, or a single {@code raw} ratio. With a slamon
 * metric source the built-in kind computes good and total itself, so only {@code good} (or {@code
 * raw}) is needed. Unused parts are null.
 */
public record RatioMetric(
    boolean counter,
    MetricSource good,
    MetricSource bad,
    MetricSource total,
    MetricSource raw,
    String rawType) {
  public RatioMetric {
    if (good == null && bad == null && raw == null) {
      throw new IllegalArgumentException("a ratioMetric needs good, bad or raw");
    }
    if (good != null && bad != null) {
      throw new IllegalArgumentException("a ratioMetric has either good or bad, not both");
    }
  }

  /** The slamon built-in source, if this ratio is computed by slamon. */
  public MetricSource primary() {
    return good != null ? good : bad != null ? bad : raw;
  }
}
