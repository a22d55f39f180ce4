package io.slamon.core.openslo;

import io.slamon.core.Durations;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An OpenSLO metric source. For {@code type: slamon}, {@code kind} names the built-in SLI and
 * {@code spec} holds its parameters with defaults filled in; for other types (e.g. {@code
 * prometheus} with {@code query}) {@code kind} is null and {@code spec} is kept as data.
 */
public record MetricSource(String type, SliKind kind, Map<String, String> spec) {
  public static final String SLAMON = "slamon";

  public MetricSource {
    Objects.requireNonNull(type, "type");
    spec = Map.copyOf(spec);
    if (SLAMON.equals(type) && kind == null) {
      throw new IllegalArgumentException("a slamon metric source needs a kind");
    }
  }

  public Optional<String> param(String name) {
    return Optional.ofNullable(spec.get(name));
  }

  /** A duration parameter (validated at load time). */
  public Optional<Duration> durationParam(String name) {
    return param(name).map(Durations::parse);
  }

  /** A number parameter (validated at load time). */
  public Optional<Double> numberParam(String name) {
    return param(name).map(Double::parseDouble);
  }
}
