package io.slamon.core.config;

import java.util.List;
import java.util.Optional;

/** Collector settings from {@code slamon.yaml}. */
public record CollectorSettings(List<EventSource> eventSources) {
  public static final CollectorSettings DEFAULT = new CollectorSettings(List.of());

  public CollectorSettings {
    eventSources = List.copyOf(eventSources);
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
