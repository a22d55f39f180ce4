package io.slamon.collector.otlp;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.DataPointFlags;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.metrics.v1.SummaryDataPoint;
import io.slamon.collector.TenantResolver;
import io.slamon.collector.otlp.OtlpNames.Kind;
import io.slamon.store.Sample;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Turns an OTLP {@code ExportMetricsServiceRequest} into attributed samples, one group per data
 * point (a histogram point is its {@code _bucket}, {@code _sum} and {@code _count} samples, which
 * are admitted or refused together). Points that cannot be stored are counted with a reason for
 * the OTLP partial-success answer. Pure: no I/O.
 *
 * <p>Labels of a sample: the point's attributes (keys translated by {@link OtlpNames#labelName}),
 * then the labels derived from resource attributes ({@link ResourceLabels}), which win on a clash.
 */
public final class OtlpTranslator {
  /** Largest exporter timestamp the store can hold (9999-12-31). */
  private static final long MAX_MILLIS = 253_402_300_799_999L;
  private static final int MAX_MESSAGES = 5;

  /** One data point's samples, admitted or refused together. */
  public record PointSamples(List<Sample> samples) {
    public PointSamples {
      samples = List.copyOf(samples);
    }
  }

  /**
   * @param points the storable points
   * @param rejectedPoints points refused here (malformed, delta temporality, unknown tenant)
   * @param messages the first few reasons, for the partial-success {@code error_message}
   */
  public record Result(List<PointSamples> points, long rejectedPoints, List<String> messages) {
    public Result {
      points = List.copyOf(points);
      messages = List.copyOf(messages);
    }
  }

  private final TenantResolver tenants;
  private final Predicate<String> knownTenant;

  public OtlpTranslator(TenantResolver tenants, Predicate<String> knownTenant) {
    this.tenants = tenants;
    this.knownTenant = knownTenant;
  }

  /**
   * @param source the authenticated OTLP source; the tenant resolver sees {@code otlp://<source>} as target
   * @param receivedMillis stands in for points without a timestamp
   */
  public Result translate(ExportMetricsServiceRequest request, String source, long receivedMillis) {
    Run run = new Run("otlp://" + source, receivedMillis);
    for (ResourceMetrics rm : request.getResourceMetricsList()) {
      Map<String, String> resource = ResourceLabels.of(rm.getResource().getAttributesList());
      for (ScopeMetrics sm : rm.getScopeMetricsList()) {
        for (Metric m : sm.getMetricsList()) {
          run.metric(m, resource);
        }
      }
    }
    return new Result(run.points, run.rejected, run.messages);
  }

  /** State of one translation. */
  private final class Run {
    final String target;
    final long receivedMillis;
    final List<PointSamples> points = new ArrayList<>();
    final List<String> messages = new ArrayList<>();
    long rejected;

    Run(String target, long receivedMillis) {
      this.target = target;
      this.receivedMillis = receivedMillis;
    }

    void metric(Metric m, Map<String, String> resource) {
      switch (m.getDataCase()) {
        case GAUGE -> m.getGauge().getDataPointsList().forEach(p -> number(m, Kind.GAUGE, p, resource));
        case SUM -> {
          if (m.getSum().getAggregationTemporality() == AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA) {
            refuse(m.getSum().getDataPointsCount(), m.getName() + ": delta temporality is not supported, "
                + "export cumulative sums");
            return;
          }
          // A non-monotonic sum (an up-down counter) is a gauge in Prometheus.
          Kind kind = m.getSum().getIsMonotonic() ? Kind.COUNTER : Kind.GAUGE;
          m.getSum().getDataPointsList().forEach(p -> number(m, kind, p, resource));
        }
        case HISTOGRAM -> {
          if (m.getHistogram().getAggregationTemporality() == AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA) {
            refuse(m.getHistogram().getDataPointsCount(), m.getName() + ": delta temporality is not supported, "
                + "export cumulative histograms");
            return;
          }
          m.getHistogram().getDataPointsList().forEach(p -> histogram(m, p, resource));
        }
        case EXPONENTIAL_HISTOGRAM -> {
          if (m.getExponentialHistogram().getAggregationTemporality()
              == AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA) {
            refuse(m.getExponentialHistogram().getDataPointsCount(), m.getName()
                + ": delta temporality is not supported, export cumulative histograms");
            return;
          }
          m.getExponentialHistogram().getDataPointsList().forEach(p -> exponential(m, p, resource));
        }
        case SUMMARY -> m.getSummary().getDataPointsList().forEach(p -> summary(m, p, resource));
        case DATA_NOT_SET -> refuse(0, m.getName() + ": metric has no data");
      }
    }

    void number(Metric m, Kind kind, NumberDataPoint p, Map<String, String> resource) {
      if (noRecordedValue(p.getFlags())) {
        return; // a staleness marker: nothing to store
      }
      double value = switch (p.getValueCase()) {
        case AS_DOUBLE -> p.getAsDouble();
        case AS_INT -> p.getAsInt();
        case VALUE_NOT_SET -> Double.NaN;
      };
      if (p.getValueCase() == NumberDataPoint.ValueCase.VALUE_NOT_SET) {
        refuse(1, m.getName() + ": data point has neither as_double nor as_int");
        return;
      }
      Point point = start(m, kind, p.getAttributesList(), p.getTimeUnixNano(), resource);
      if (point != null) {
        point.add("", null, null, value);
        point.done();
      }
    }

    void histogram(Metric m, HistogramDataPoint p, Map<String, String> resource) {
      if (noRecordedValue(p.getFlags())) {
        return;
      }
      if (p.getBucketCountsCount() > 0 && p.getExplicitBoundsCount() != p.getBucketCountsCount() - 1) {
        refuse(1, m.getName() + ": histogram has " + p.getBucketCountsCount() + " bucket counts but "
            + p.getExplicitBoundsCount() + " explicit bounds (expected one fewer)");
        return;
      }
      Point point = start(m, Kind.HISTOGRAM, p.getAttributesList(), p.getTimeUnixNano(), resource);
      if (point == null) {
        return;
      }
      long cumulative = 0;
      for (int i = 0; i < p.getBucketCountsCount(); i++) {
        cumulative += p.getBucketCounts(i);
        double le = i < p.getExplicitBoundsCount() ? p.getExplicitBounds(i) : Double.POSITIVE_INFINITY;
        point.add("_bucket", "le", ExponentialBuckets.formatLe(le), cumulative);
      }
      if (p.getBucketCountsCount() == 0) {
        point.add("_bucket", "le", "+Inf", p.getCount());
      }
      histogramTail(point, p.hasSum(), p.getSum(), p.getCount());
    }

    void exponential(Metric m, ExponentialHistogramDataPoint p, Map<String, String> resource) {
      if (noRecordedValue(p.getFlags())) {
        return;
      }
      if (p.getScale() < -10 || p.getScale() > 20) {
        refuse(1, m.getName() + ": exponential histogram scale " + p.getScale() + " is outside -10..20");
        return;
      }
      Point point = start(m, Kind.HISTOGRAM, p.getAttributesList(), p.getTimeUnixNano(), resource);
      if (point == null) {
        return;
      }
      for (ExponentialBuckets.Bucket b : ExponentialBuckets.toClassic(p)) {
        point.add("_bucket", "le", ExponentialBuckets.formatLe(b.le()), b.cumulativeCount());
      }
      histogramTail(point, p.hasSum(), p.getSum(), p.getCount());
    }

    void summary(Metric m, SummaryDataPoint p, Map<String, String> resource) {
      if (noRecordedValue(p.getFlags())) {
        return;
      }
      Point point = start(m, Kind.SUMMARY, p.getAttributesList(), p.getTimeUnixNano(), resource);
      if (point == null) {
        return;
      }
      for (SummaryDataPoint.ValueAtQuantile q : p.getQuantileValuesList()) {
        point.add("", "quantile", ExponentialBuckets.formatLe(q.getQuantile()), q.getValue());
      }
      histogramTail(point, true, p.getSum(), p.getCount());
    }

    private void histogramTail(Point point, boolean hasSum, double sum, long count) {
      if (hasSum) {
        point.add("_sum", null, null, sum);
      }
      point.add("_count", null, null, count);
      point.done();
    }

    /** Labels, tenant and timestamp of a point; null (and counted) when it cannot be stored. */
    private Point start(Metric m, Kind kind, List<KeyValue> attributes, long timeUnixNano,
        Map<String, String> resource) {
      String name = OtlpNames.metricName(m.getName(), m.getUnit(), kind);
      if (name.isEmpty()) {
        refuse(1, "metric name '" + m.getName() + "' has no letters or digits");
        return null;
      }
      long millis = timeUnixNano == 0 ? receivedMillis : timeUnixNano / 1_000_000;
      if (timeUnixNano < 0 || millis > MAX_MILLIS) {
        refuse(1, m.getName() + ": time_unix_nano " + Long.toUnsignedString(timeUnixNano) + " is out of range");
        return null;
      }
      Map<String, String> labels = attributeLabels(attributes);
      labels.putAll(resource);
      String tenantLabel = labels.get("tenant");
      if (tenantLabel != null && !knownTenant.test(tenantLabel)) {
        refuse(1, m.getName() + ": unknown tenant '" + tenantLabel + "'");
        return null;
      }
      Optional<String> tenant = tenants.tenantFor(target, labels).filter(t -> !t.isEmpty());
      return new Point(tenant.orElse(null), name, Map.copyOf(labels), millis);
    }

    private void refuse(long count, String message) {
      rejected += count;
      if (messages.size() < MAX_MESSAGES) {
        messages.add(message);
      }
    }

    /** Collects one point's samples. */
    private final class Point {
      final String tenant;
      final String name;
      final Map<String, String> labels;
      final long millis;
      final List<Sample> samples = new ArrayList<>(4);

      Point(String tenant, String name, Map<String, String> labels, long millis) {
        this.tenant = tenant;
        this.name = name;
        this.labels = labels;
        this.millis = millis;
      }

      void add(String suffix, String extraLabel, String extraValue, double value) {
        Map<String, String> l = labels;
        if (extraLabel != null) {
          Map<String, String> with = new HashMap<>(labels);
          with.put(extraLabel, extraValue);
          l = with;
        }
        samples.add(new Sample(tenant, name + suffix, l, millis, value));
      }

      void done() {
        points.add(new PointSamples(samples));
      }
    }
  }

  private static boolean noRecordedValue(int flags) {
    return (flags & DataPointFlags.DATA_POINT_FLAGS_NO_RECORDED_VALUE_MASK_VALUE) != 0;
  }

  /**
   * Point attributes as labels. Keys that translate to the same label name are joined with
   * {@code ;} in key order, as the compatibility specification says; empty values are dropped.
   */
  static Map<String, String> attributeLabels(List<KeyValue> attributes) {
    Map<String, String> labels = new HashMap<>();
    if (attributes.isEmpty()) {
      return labels;
    }
    TreeMap<String, KeyValue> byKey = new TreeMap<>();
    attributes.forEach(kv -> byKey.put(kv.getKey(), kv));
    for (KeyValue kv : byKey.values()) {
      String name = OtlpNames.labelName(kv.getKey());
      String value = ResourceLabels.text(kv.getValue());
      if (name.isEmpty() || value.isEmpty()) {
        continue;
      }
      labels.merge(name, value, (a, b) -> a + ";" + b);
    }
    copyModelName(labels);
    return labels;
  }

  /**
   * GenAI points name their model in {@code gen_ai.request.model} / {@code gen_ai.response.model};
   * vLLM calls the same thing {@code model_name}. The value is copied to {@code model_name} (when
   * absent) so tenant attribution by model and the engine's per-model SLIs treat both alike.
   */
  private static void copyModelName(Map<String, String> labels) {
    if (!labels.containsKey("model_name")) {
      String model = labels.getOrDefault("gen_ai_request_model", labels.get("gen_ai_response_model"));
      if (model != null) {
        labels.put("model_name", model);
      }
    }
  }
}
