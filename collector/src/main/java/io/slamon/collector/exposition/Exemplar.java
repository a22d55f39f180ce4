package io.slamon.collector.exposition;

import java.util.Map;
import java.util.Objects;

/**
 * An OpenMetrics exemplar ({@code # {trace_id="abc"} 0.67 1700000000.1}) attached to a
 * counter {@code _total} or histogram {@code _bucket} sample. Exposed to the handler so a
 * caller can link to a trace; slamon does not store exemplars.
 *
 * @param labels exemplar labels, unescaped
 * @param value exemplar value
 * @param timestampMillis epoch milliseconds, or {@link SampleHandler#NO_TIMESTAMP}
 */
public record Exemplar(Map<String, String> labels, double value, long timestampMillis) {
  public Exemplar {
    labels = Map.copyOf(Objects.requireNonNull(labels, "labels"));
  }
}
