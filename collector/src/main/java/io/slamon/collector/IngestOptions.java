package io.slamon.collector;

import io.slamon.collector.admission.LabelPolicy;
import io.slamon.collector.tracing.CollectorTracing;
import io.slamon.core.config.CardinalityLimits;
import java.util.Map;
import java.util.Objects;

/**
 * What the collector does with series on the way in, beyond scraping: who may push OTLP
 * metrics, which labels are dropped or pseudonymised, and the cardinality bounds.
 *
 * @param otlpSources bearer tokens allowed on {@code POST /v1/metrics} (none: every request gets 401)
 * @param labelPolicy labels dropped or pseudonymised before storage
 * @param seriesLimits cardinality bounds per target (or OTLP source) and per tenant
 * @param maxOtlpBodyBytes largest accepted OTLP request body after decompression (413 above)
 * @param tracing spans of scrapes and writes ({@link CollectorTracing#off()} by default); the
 *     collector closes it
 */
public record IngestOptions(EventSources otlpSources, LabelPolicy labelPolicy, CardinalityLimits seriesLimits,
    long maxOtlpBodyBytes, CollectorTracing tracing) {
  /** 4 MiB, the OpenTelemetry Collector's default batch is far below it. */
  public static final long DEFAULT_MAX_OTLP_BODY_BYTES = 4L << 20;

  public IngestOptions {
    Objects.requireNonNull(otlpSources, "otlpSources");
    Objects.requireNonNull(labelPolicy, "labelPolicy");
    Objects.requireNonNull(seriesLimits, "seriesLimits");
    Objects.requireNonNull(tracing, "tracing");
    if (maxOtlpBodyBytes < 1) {
      throw new IllegalArgumentException("maxOtlpBodyBytes must be >= 1");
    }
  }

  /** No OTLP sources, no label policy, default limits, 4 MiB OTLP bodies. */
  public static IngestOptions defaults() {
    return new IngestOptions(new EventSources(Map.of()), LabelPolicy.none(), CardinalityLimits.DEFAULT,
        DEFAULT_MAX_OTLP_BODY_BYTES, CollectorTracing.off());
  }

  public IngestOptions withOtlpSources(EventSources sources) {
    return new IngestOptions(sources, labelPolicy, seriesLimits, maxOtlpBodyBytes, tracing);
  }

  public IngestOptions withLabelPolicy(LabelPolicy policy) {
    return new IngestOptions(otlpSources, policy, seriesLimits, maxOtlpBodyBytes, tracing);
  }

  public IngestOptions withCardinalityLimits(CardinalityLimits limits) {
    return new IngestOptions(otlpSources, labelPolicy, limits, maxOtlpBodyBytes, tracing);
  }

  public IngestOptions withMaxOtlpBodyBytes(long bytes) {
    return new IngestOptions(otlpSources, labelPolicy, seriesLimits, bytes, tracing);
  }

  public IngestOptions withTracing(CollectorTracing newTracing) {
    return new IngestOptions(otlpSources, labelPolicy, seriesLimits, maxOtlpBodyBytes, newTracing);
  }
}
