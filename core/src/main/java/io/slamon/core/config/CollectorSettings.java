package io.slamon.core.config;

import java.util.List;
import java.util.Optional;

/**
 * Collector settings from {@code slamon.yaml}.
 *
 * @param otlpSources clients allowed to push OTLP metrics ({@code POST /v1/metrics}); same shape as event sources
 * @param limits cardinality limits per target and per tenant
 * @param labels labels dropped or pseudonymised before storage
 * @param tracing OpenTelemetry tracing of scrapes and writes (off by default)
 */
public record CollectorSettings(List<EventSource> eventSources, List<EventSource> otlpSources,
    CardinalityLimits limits, LabelProtection labels, Tracing tracing) {
  public static final CollectorSettings DEFAULT = new CollectorSettings(List.of());

  public CollectorSettings {
    eventSources = List.copyOf(eventSources);
    otlpSources = List.copyOf(otlpSources);
    java.util.Objects.requireNonNull(limits, "limits");
    java.util.Objects.requireNonNull(labels, "labels");
    java.util.Objects.requireNonNull(tracing, "tracing");
  }

  /** Event sources only; no OTLP sources, default limits, no label protection. */
  public CollectorSettings(List<EventSource> eventSources) {
    this(eventSources, List.of(), CardinalityLimits.DEFAULT, LabelProtection.NONE, Tracing.OFF);
  }

  /** The event source whose token equals {@code token}, if any. */
  public Optional<EventSource> sourceForToken(String token) {
    if (token == null) {
      return Optional.empty();
    }
    // constant-time comparison: tokens are secrets
    return eventSources.stream()
        .filter(
            s ->
                java.security.MessageDigest.isEqual(
                    s.token().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    token.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .findFirst();
  }
}
