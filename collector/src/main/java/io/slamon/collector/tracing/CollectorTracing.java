package io.slamon.collector.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/**
 * OpenTelemetry tracing of the collector's scrapes and database writes. Off by default (a no-op
 * tracer that costs nothing); with an OTLP/HTTP endpoint the spans are batched and exported
 * there ({@code http://collector:4318/v1/traces}).
 */
public final class CollectorTracing implements AutoCloseable {
  /** Instrumentation scope name of the collector's spans. */
  public static final String SCOPE = "io.slamon.collector";

  private final OpenTelemetry otel;
  private final SdkTracerProvider provider;

  private CollectorTracing(OpenTelemetry otel, SdkTracerProvider provider) {
    this.otel = otel;
    this.provider = provider;
  }

  /** No tracing. */
  public static CollectorTracing off() {
    return new CollectorTracing(OpenTelemetry.noop(), null);
  }

  /**
   * Exports spans over OTLP/HTTP (protobuf) to {@code endpoint}.
   *
   * @param endpoint the full traces URL, e.g. {@code http://localhost:4318/v1/traces}
   * @param serviceName the {@code service.name} resource attribute
   */
  public static CollectorTracing otlp(URI endpoint, String serviceName) {
    if (!"http".equals(endpoint.getScheme()) && !"https".equals(endpoint.getScheme())) {
      throw new IllegalArgumentException("tracing endpoint must be http(s), got " + endpoint);
    }
    SdkTracerProvider provider = SdkTracerProvider.builder()
        .setResource(Resource.getDefault().merge(Resource.create(
            Attributes.of(AttributeKey.stringKey("service.name"), serviceName))))
        .addSpanProcessor(BatchSpanProcessor.builder(
            OtlpHttpSpanExporter.builder().setEndpoint(endpoint.toString()).build()).build())
        .build();
    return new CollectorTracing(OpenTelemetrySdk.builder().setTracerProvider(provider).build(), provider);
  }

  public Tracer tracer() {
    return otel.getTracer(SCOPE);
  }

  public boolean enabled() {
    return provider != null;
  }

  /** Exports what is still buffered (bounded wait) and stops the exporter. */
  @Override
  public void close() {
    if (provider != null) {
      provider.shutdown().join(10, TimeUnit.SECONDS);
    }
  }
}
