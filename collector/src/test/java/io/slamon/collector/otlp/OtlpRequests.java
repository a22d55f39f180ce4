package io.slamon.collector.otlp;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.Gauge;
import io.opentelemetry.proto.metrics.v1.Histogram;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.metrics.v1.Sum;
import io.opentelemetry.proto.resource.v1.Resource;
import java.util.List;

/** Builders for OTLP requests in tests. */
final class OtlpRequests {
  static final long T = 1_780_000_000_000L; // ms
  static final long T_NANOS = T * 1_000_000;

  private OtlpRequests() {}

  static KeyValue attr(String key, String value) {
    return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
  }

  static ExportMetricsServiceRequest request(List<KeyValue> resource, Metric... metrics) {
    return ExportMetricsServiceRequest.newBuilder().addResourceMetrics(ResourceMetrics.newBuilder()
        .setResource(Resource.newBuilder().addAllAttributes(resource))
        .addScopeMetrics(ScopeMetrics.newBuilder().addAllMetrics(List.of(metrics)))).build();
  }

  static Metric gauge(String name, String unit, double value, KeyValue... attrs) {
    return Metric.newBuilder().setName(name).setUnit(unit).setGauge(Gauge.newBuilder().addDataPoints(
        NumberDataPoint.newBuilder().setTimeUnixNano(T_NANOS).setAsDouble(value).addAllAttributes(List.of(attrs))))
        .build();
  }

  static Metric counter(String name, String unit, long value, AggregationTemporality temporality) {
    return Metric.newBuilder().setName(name).setUnit(unit).setSum(Sum.newBuilder().setIsMonotonic(true)
        .setAggregationTemporality(temporality)
        .addDataPoints(NumberDataPoint.newBuilder().setTimeUnixNano(T_NANOS).setAsInt(value))).build();
  }

  /** bounds 0.1, 0.5, 1 with counts 2, 3, 4, 1 (10 in all, sum 4.2). */
  static Metric ttftHistogram(KeyValue... attrs) {
    return Metric.newBuilder().setName("gen_ai.server.time_to_first_token").setUnit("s")
        .setHistogram(Histogram.newBuilder()
            .setAggregationTemporality(AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE)
            .addDataPoints(HistogramDataPoint.newBuilder().setTimeUnixNano(T_NANOS).setCount(10).setSum(4.2)
                .addAllExplicitBounds(List.of(0.1, 0.5, 1.0)).addAllBucketCounts(List.of(2L, 3L, 4L, 1L))
                .addAllAttributes(List.of(attrs))))
        .build();
  }
}
