package io.slamon.store;

import java.util.Map;
import java.util.Objects;

/**
 * One measured value of one series at one instant, already attributed.
 *
 * @param tenant tenant id, or {@code null} for the provider scope (series that matched no
 *     tenant rule belong to the provider, never to a tenant)
 * @param metric metric name as exposed, e.g. {@code DCGM_FI_DEV_GPU_UTIL}
 * @param labels the series labels without {@code __name__}; kept as {@link Labels} (copied unless
 *     it is one already), immutable
 * @param timestampMillis sample time, Unix epoch milliseconds
 * @param value sample value; NaN and infinities are allowed (Prometheus semantics)
 */
public record Sample(String tenant, String metric, Map<String, String> labels, long timestampMillis, double value) {
  public Sample {
    Objects.requireNonNull(metric, "metric");
    if (metric.isEmpty()) {
      throw new IllegalArgumentException("metric name must not be empty");
    }
    labels = Labels.of(labels);
  }
}
