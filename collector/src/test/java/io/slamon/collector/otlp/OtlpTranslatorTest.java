package io.slamon.collector.otlp;

import static io.slamon.collector.otlp.OtlpRequests.T;
import static io.slamon.collector.otlp.OtlpRequests.T_NANOS;
import static io.slamon.collector.otlp.OtlpRequests.attr;
import static io.slamon.collector.otlp.OtlpRequests.counter;
import static io.slamon.collector.otlp.OtlpRequests.gauge;
import static io.slamon.collector.otlp.OtlpRequests.request;
import static io.slamon.collector.otlp.OtlpRequests.ttftHistogram;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.DataPointFlags;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogram;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Gauge;
import io.opentelemetry.proto.metrics.v1.Histogram;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.Summary;
import io.opentelemetry.proto.metrics.v1.SummaryDataPoint;
import io.slamon.collector.TenantResolver;
import io.slamon.store.Sample;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OtlpTranslatorTest {
  final OtlpTranslator translator = new OtlpTranslator(TenantResolver.byLabel("namespace"), Set.of("acme")::contains);

  List<Sample> samples(OtlpTranslator.Result r) {
    return r.points().stream().flatMap(p -> p.samples().stream()).toList();
  }

  @Test
  void histogramsBecomeCumulativeBucketsSumAndCountWithResourceLabels() {
    var r = translator.translate(request(List.of(attr("service.name", "chat"), attr("k8s.namespace.name", "acme"),
        attr("k8s.pod.name", "chat-7d9f"), attr("service.instance.id", "chat-7d9f-0"), attr("cloud.region", "fra")),
        ttftHistogram(attr("gen_ai.request.model", "llama-3-70b"))), "inference", 0);

    assertThat(r.rejectedPoints()).isZero();
    assertThat(r.points()).singleElement();
    List<Sample> s = samples(r);
    assertThat(s).extracting(Sample::metric).containsExactly(
        "gen_ai_server_time_to_first_token_seconds_bucket", "gen_ai_server_time_to_first_token_seconds_bucket",
        "gen_ai_server_time_to_first_token_seconds_bucket", "gen_ai_server_time_to_first_token_seconds_bucket",
        "gen_ai_server_time_to_first_token_seconds_sum", "gen_ai_server_time_to_first_token_seconds_count");
    assertThat(s.subList(0, 4)).extracting(x -> x.labels().get("le")).containsExactly("0.1", "0.5", "1.0", "+Inf");
    assertThat(s).extracting(Sample::value).containsExactly(2.0, 5.0, 9.0, 10.0, 4.2, 10.0);
    assertThat(s).allSatisfy(x -> {
      assertThat(x.tenant()).isEqualTo("acme");
      assertThat(x.timestampMillis()).isEqualTo(T);
      assertThat(x.labels()).containsEntry("service_name", "chat").containsEntry("job", "chat")
          .containsEntry("namespace", "acme").containsEntry("pod", "chat-7d9f")
          .containsEntry("instance", "chat-7d9f-0").containsEntry("gen_ai_request_model", "llama-3-70b")
          .containsEntry("model_name", "llama-3-70b").doesNotContainKey("cloud_region");
    });
  }

  @Test
  void gaugesAndCumulativeCountersMapToOneSampleEachAndDeltaSumsAreRefused() {
    var r = translator.translate(request(List.of(),
        gauge("gpu.utilization", "1", 0.87),
        counter("gen_ai.client.token.usage", "{token}", 1234, AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE),
        counter("requests", "", 5, AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA)), "src", 0);

    assertThat(samples(r)).extracting(Sample::metric, Sample::value).containsExactly(
        org.assertj.core.groups.Tuple.tuple("gpu_utilization_ratio", 0.87),
        org.assertj.core.groups.Tuple.tuple("gen_ai_client_token_usage_total", 1234.0));
    assertThat(samples(r)).allSatisfy(x -> assertThat(x.tenant()).isNull()); // no rule matched: provider scope
    assertThat(r.rejectedPoints()).isEqualTo(1);
    assertThat(r.messages()).singleElement().asString().contains("requests", "delta temporality");
  }

  @Test
  void exponentialHistogramsAreConvertedToClassicBuckets() {
    Metric m = Metric.newBuilder().setName("gen_ai.server.request.duration").setUnit("s")
        .setExponentialHistogram(ExponentialHistogram.newBuilder()
            .setAggregationTemporality(AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE)
            .addDataPoints(ExponentialHistogramDataPoint.newBuilder().setTimeUnixNano(T_NANOS).setScale(0)
                .setCount(3).setSum(2.5).setPositive(ExponentialHistogramDataPoint.Buckets.newBuilder()
                    .setOffset(-1).addBucketCounts(1).addBucketCounts(2))))
        .build();
    List<Sample> s = samples(translator.translate(request(List.of(), m), "src", 0));
    assertThat(s).extracting(x -> x.metric() + "{le=" + x.labels().get("le") + "}=" + x.value()).containsExactly(
        "gen_ai_server_request_duration_seconds_bucket{le=1.0}=1.0",
        "gen_ai_server_request_duration_seconds_bucket{le=2.0}=3.0",
        "gen_ai_server_request_duration_seconds_bucket{le=+Inf}=3.0",
        "gen_ai_server_request_duration_seconds_sum{le=null}=2.5",
        "gen_ai_server_request_duration_seconds_count{le=null}=3.0");
  }

  @Test
  void summariesBecomeQuantileSeries() {
    Metric m = Metric.newBuilder().setName("rpc.latency").setUnit("ms").setSummary(Summary.newBuilder()
        .addDataPoints(SummaryDataPoint.newBuilder().setTimeUnixNano(T_NANOS).setCount(4).setSum(40)
            .addQuantileValues(SummaryDataPoint.ValueAtQuantile.newBuilder().setQuantile(0.99).setValue(20))))
        .build();
    assertThat(samples(translator.translate(request(List.of(), m), "src", 0)))
        .extracting(x -> x.metric() + "/" + x.labels().get("quantile") + "=" + x.value())
        .containsExactly("rpc_latency_milliseconds/0.99=20.0", "rpc_latency_milliseconds_sum/null=40.0",
            "rpc_latency_milliseconds_count/null=4.0");
  }

  @Test
  void anUnknownTenantRefusesOnlyThatResourcesPoints() {
    var unknown = request(List.of(attr("slamon.tenant", "globex")), gauge("a", "", 1));
    var known = request(List.of(attr("tenant", "acme")), gauge("b", "", 2));
    var both = unknown.toBuilder().addAllResourceMetrics(known.getResourceMetricsList()).build();

    var r = translator.translate(both, "src", 0);

    assertThat(r.rejectedPoints()).isEqualTo(1);
    assertThat(r.messages()).singleElement().asString().contains("unknown tenant 'globex'");
    assertThat(samples(r)).singleElement().satisfies(x -> assertThat(x.metric()).isEqualTo("b"));
  }

  @Test
  void malformedPointsAreRefusedWithAReasonAndTheRestIsKept() {
    Metric badHistogram = Metric.newBuilder().setName("h").setHistogram(Histogram.newBuilder()
        .setAggregationTemporality(AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE)
        .addDataPoints(HistogramDataPoint.newBuilder().setCount(3).addBucketCounts(1).addBucketCounts(2)))
        .build();
    Metric noValue = Metric.newBuilder().setName("g").setGauge(Gauge.newBuilder()
        .addDataPoints(NumberDataPoint.newBuilder().setTimeUnixNano(T_NANOS))).build();
    Metric noName = gauge("...", "", 1);
    Metric noData = Metric.newBuilder().setName("empty").build();
    Metric stale = Metric.newBuilder().setName("stale").setGauge(Gauge.newBuilder().addDataPoints(NumberDataPoint
        .newBuilder().setFlags(DataPointFlags.DATA_POINT_FLAGS_NO_RECORDED_VALUE_MASK_VALUE).setAsDouble(1))).build();
    Metric farFuture = Metric.newBuilder().setName("future").setGauge(Gauge.newBuilder().addDataPoints(
        NumberDataPoint.newBuilder().setTimeUnixNano(-1L /* 2^64-1 as fixed64 */).setAsDouble(1))).build();

    var r = translator.translate(request(List.of(), badHistogram, noValue, noName, noData, stale, farFuture,
        gauge("ok", "", 1)), "src", 42);

    assertThat(r.rejectedPoints()).isEqualTo(4);
    assertThat(String.join("\n", r.messages())).contains("2 bucket counts but 0 explicit bounds",
        "neither as_double nor as_int", "has no letters or digits", "no data", "out of range");
    assertThat(samples(r)).extracting(Sample::metric).containsExactly("ok");
  }

  @Test
  void pointsWithoutATimestampGetTheReceiveTime() {
    Metric m = Metric.newBuilder().setName("g").setGauge(Gauge.newBuilder()
        .addDataPoints(NumberDataPoint.newBuilder().setAsDouble(1))).build();
    assertThat(samples(translator.translate(request(List.of(), m), "src", 4242)))
        .singleElement().satisfies(s -> assertThat(s.timestampMillis()).isEqualTo(4242));
  }
}
