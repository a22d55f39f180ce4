package io.slamon.collector.exposition;

import java.util.Objects;

/**
 * The metric family a sample belongs to, as declared by {@code # TYPE} (never guessed from
 * name suffixes): {@code vllm:iteration_tokens_total_bucket} under {@code # TYPE
 * vllm:iteration_tokens_total histogram} has family {@code vllm:iteration_tokens_total}.
 * A sample with no declaration is its own family of type {@link MetricType#UNTYPED}
 * (Prometheus text) or {@link MetricType#UNKNOWN} (OpenMetrics).
 *
 * @param name family name as declared
 * @param type declared type
 */
public record Family(String name, MetricType type) {
  public Family {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }
}
