package io.slamon.collector.exposition;

/**
 * The rich, allocation-lean callback of {@link PrometheusTextParser}: every sample with its
 * {@link Family} (from {@code # TYPE}), a reusable {@link LabelSet} view and its exemplar.
 * {@link SampleHandler} is the simple form, adapted onto this one.
 */
@FunctionalInterface
public interface SampleVisitor {
  /**
   * One sample line.
   *
   * @param family the declared family (shared instance for all samples of the family)
   * @param name metric name exactly as exposed, e.g. {@code vllm:iteration_tokens_total_bucket}
   * @param labels the labels; a view reused for the next sample, valid only during this call —
   *     call {@link LabelSet#toMap()} to keep them
   * @param value the value; NaN and infinities included
   * @param timestampMillis epoch milliseconds, or {@link SampleHandler#NO_TIMESTAMP}
   * @param exemplar the OpenMetrics exemplar, or {@code null}
   */
  void sample(Family family, String name, LabelSet labels, double value, long timestampMillis,
      Exemplar exemplar);

  /**
   * One sample line whose series the {@link SeriesCache} remembered: {@code sharedLabels} is an
   * immutable map of the same labels, shared by every sample of this series across pages, which a
   * consumer may keep instead of copying the view. Defaults to the plain callback.
   */
  default void sample(Family family, String name, LabelSet labels, double value, long timestampMillis,
      Exemplar exemplar, java.util.Map<String, String> sharedLabels) {
    sample(family, name, labels, value, timestampMillis, exemplar);
  }

  /** A {@code # TYPE} line. */
  default void type(String family, MetricType type) {}

  /** A {@code # HELP} line, unescaped. */
  default void help(String family, String help) {}

  /** A {@code # UNIT} line (OpenMetrics). */
  default void unit(String family, String unit) {}
}
