package io.slamon.core.config;

import java.net.URI;

/**
 * {@code collector.tracing}: OpenTelemetry spans of scrapes and database writes, exported over
 * OTLP/HTTP. Off unless {@code otlpEndpoint} is set.
 *
 * @param otlpEndpoint the traces URL, e.g. {@code http://localhost:4318/v1/traces}; null = off
 * @param serviceName {@code service.name} of the spans
 */
public record Tracing(URI otlpEndpoint, String serviceName) {
  public static final Tracing OFF = new Tracing(null, "slamon-collector");

  public Tracing {
    java.util.Objects.requireNonNull(serviceName, "serviceName");
  }

  public boolean enabled() {
    return otlpEndpoint != null;
  }
}
