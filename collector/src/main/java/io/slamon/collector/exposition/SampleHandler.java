package io.slamon.collector.exposition;

import java.util.Map;

/**
 * Receives what {@link PrometheusTextParser} reads, in page order. Only {@link #sample} is
 * required; metadata callbacks default to no-ops so simple consumers stay one lambda.
 */
@FunctionalInterface
public interface SampleHandler {
  /** Marks a sample that carried no timestamp; the scraper then uses the scrape time. */
  long NO_TIMESTAMP = Long.MIN_VALUE;

  /**
   * One sample line.
   *
   * @param name metric name exactly as exposed (e.g. {@code vllm:e2e_request_latency_seconds_bucket})
   * @param labels label names to unescaped values; a map the handler may keep: a fresh mutable
   *     map, or — when parsing with a {@link SeriesCache} hit or miss that was remembered — an
   *     immutable map shared by every sample of the series (copy it before changing it)
   * @param value the value; NaN and infinities included
   * @param timestampMillis epoch milliseconds, or {@link #NO_TIMESTAMP}
   */
  void sample(String name, Map<String, String> labels, double value, long timestampMillis);

  /** A {@code # TYPE} line. */
  default void type(String family, MetricType type) {}

  /** A {@code # HELP} line, unescaped. */
  default void help(String family, String help) {}

  /** A {@code # UNIT} line (OpenMetrics). */
  default void unit(String family, String unit) {}
}
