package io.slamon.collector.otlp;

import static io.slamon.collector.otlp.OtlpRequests.gauge;
import static io.slamon.collector.otlp.OtlpRequests.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.slamon.collector.Collector;
import io.slamon.collector.CollectorSettings;
import io.slamon.collector.EventSources;
import io.slamon.collector.IngestOptions;
import io.slamon.collector.SeriesRelabeler;
import io.slamon.collector.TenantResolver;
import io.slamon.collector.events.InMemoryEventStore;
import io.slamon.store.Sample;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Malformed OTLP bodies against the real collector HTTP server: a clear status and message, nothing stored. */
class MalformedOtlpInputTest {
  static final String TOKEN = "otlp-token-0123456789abcdef";
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final List<Sample> WRITTEN = Collections.synchronizedList(new ArrayList<>());
  static Vertx vertx;
  static Collector collector;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    collector = new Collector(vertx, List.of(), TenantResolver.byLabel("tenant"), SeriesRelabeler.NONE,
        WRITTEN::addAll, new InMemoryEventStore(), new EventSources(Map.of()), Set.of("acme")::contains,
        CollectorSettings.defaults(), IngestOptions.defaults().withOtlpSources(new EventSources(Map.of(TOKEN, "t"))),
        null, InstantSource.system());
    collector.start();
  }

  @AfterAll
  static void stop() throws Exception {
    collector.close();
    vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  static HttpResponse<String> post(String type, byte[] body) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + collector.port() + "/v1/metrics"))
        .header("Authorization", "Bearer " + TOKEN).header("Content-Type", type)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  static byte[] json(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static Stream<Arguments> bodies() {
    byte[] valid = request(List.of(), gauge("g", "", 1)).toByteArray();
    return Stream.of(
        Arguments.of("truncated protobuf", "application/x-protobuf", Arrays.copyOf(valid, valid.length - 3), 400,
            "not a valid OTLP ExportMetricsServiceRequest (protobuf)"),
        Arguments.of("JSON that is an array", "application/json", json("[1,2]"), 400, "(JSON)"),
        Arguments.of("a string where a number belongs", "application/json", json(
            "{\"resourceMetrics\":[{\"scopeMetrics\":[{\"metrics\":[{\"name\":\"g\",\"gauge\":{\"dataPoints\":"
                + "[{\"asDouble\":\"lots\"}]}}]}]}]}"), 400, "(JSON)"),
        Arguments.of("resourceMetrics not a list", "application/json", json("{\"resourceMetrics\":{}}"), 400,
            "(JSON)"),
        Arguments.of("text that is not JSON", "application/json", json("metric 1"), 400, "(JSON)"),
        Arguments.of("only delta sums", "application/x-protobuf", request(List.of(),
            OtlpRequests.counter("c", "", 1, AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA)).toByteArray(),
            422, "delta temporality is not supported"),
        Arguments.of("a content type with parameters that is neither", "text/plain; charset=utf-8", valid, 415,
            "got 'text/plain'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bodies")
  void eachMalformedBodyGetsAClearErrorAndStoresNothing(String name, String type, byte[] body, int status,
      String message) throws Exception {
    int before = WRITTEN.size();
    HttpResponse<String> r = post(type, body);
    assertThat(r.statusCode()).isEqualTo(status);
    assertThat(r.body()).contains("\"code\":" + status).contains(message);
    assertThat(WRITTEN).hasSize(before);
  }

  @Test
  void pointsBeyondTheSourcesSeriesLimitAreReportedAsPartialSuccess() throws Exception {
    Collector limited = new Collector(vertx, List.of(), TenantResolver.byLabel("tenant"), SeriesRelabeler.NONE,
        WRITTEN::addAll, new InMemoryEventStore(), new EventSources(Map.of()), Set.of("acme")::contains,
        CollectorSettings.defaults(), IngestOptions.defaults().withOtlpSources(new EventSources(Map.of(TOKEN, "t")))
            .withCardinalityLimits(new io.slamon.core.config.CardinalityLimits(2, 10, java.time.Duration.ofHours(1))),
        null, InstantSource.system());
    limited.start();
    try {
      byte[] body = request(List.of(), gauge("lim.a", "", 1), gauge("lim.b", "", 2), gauge("lim.c", "", 3))
          .toByteArray();
      HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + limited.port()
              + "/v1/metrics")).header("Authorization", "Bearer " + TOKEN).header("Content-Type",
              "application/x-protobuf").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
          HttpResponse.BodyHandlers.ofByteArray());
      assertThat(r.statusCode()).isEqualTo(200);
      var partial = io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse.parseFrom(r.body())
          .getPartialSuccess();
      assertThat(partial.getRejectedDataPoints()).isEqualTo(1);
      assertThat(partial.getErrorMessage()).contains("series limit");
      assertThat(WRITTEN).extracting(Sample::metric).contains("lim_a", "lim_b").doesNotContain("lim_c");
    } finally {
      limited.close();
    }
  }

  @Test
  void anEmptyBodyIsAnEmptyRequestAndNaNValuesAreValid() throws Exception {
    assertThat(post("application/x-protobuf", new byte[0]).statusCode()).isEqualTo(200);
    HttpResponse<String> nan = post("application/json", json(
        "{\"resourceMetrics\":[{\"scopeMetrics\":[{\"metrics\":[{\"name\":\"nan.gauge\",\"gauge\":{\"dataPoints\":"
            + "[{\"asDouble\":\"NaN\"}]}}]}]}]}"));
    assertThat(nan.statusCode()).isEqualTo(200);
    assertThat(WRITTEN).filteredOn(s -> s.metric().equals("nan_gauge")).singleElement()
        .satisfies(s -> assertThat(s.value()).isNaN());
  }
}
