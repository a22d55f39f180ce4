package io.slamon.collector.otlp;

import static io.slamon.collector.otlp.OtlpRequests.T;
import static io.slamon.collector.otlp.OtlpRequests.attr;
import static io.slamon.collector.otlp.OtlpRequests.gauge;
import static io.slamon.collector.otlp.OtlpRequests.request;
import static io.slamon.collector.otlp.OtlpRequests.ttftHistogram;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.slamon.collector.Collector;
import io.slamon.collector.CollectorSettings;
import io.slamon.collector.EventSources;
import io.slamon.collector.IngestOptions;
import io.slamon.collector.SeriesRelabeler;
import io.slamon.collector.TenantResolver;
import io.slamon.store.Database;
import io.slamon.store.DatabaseSettings;
import io.slamon.store.SampleReader.Series;
import io.slamon.store.SharedEmbeddedPostgres;
import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** OTLP/HTTP protobuf and JSON into the real collector HTTP server and a real PostgreSQL, read back per tenant. */
class OtlpReceiverIT {
  static final String TOKEN = "otlp-token-0123456789abcdef";
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final Instant FROM = Instant.ofEpochMilli(T).minusSeconds(60);
  static final Instant TO = Instant.ofEpochMilli(T).plusSeconds(60);

  static DatabaseSettings settings;
  static Database database;
  static Vertx vertx;
  static Collector collector;

  @BeforeAll
  static void start() {
    settings = SharedEmbeddedPostgres.freshDatabase();
    database = Database.open(settings, m -> {});
    vertx = Vertx.vertx();
    IngestOptions ingest = IngestOptions.defaults().withOtlpSources(new EventSources(Map.of(TOKEN, "inference")))
        .withMaxOtlpBodyBytes(64 * 1024);
        // as the app's rules: a tenant label first, then the namespace
    TenantResolver tenants = (target, labels) -> java.util.Optional.ofNullable(
        labels.getOrDefault("tenant", labels.get("namespace")));
    collector = new Collector(vertx, List.of(), tenants, SeriesRelabeler.NONE,
        database.sampleStore(), database.eventStore(), new EventSources(Map.of()), Set.of("acme", "globex")::contains,
        CollectorSettings.defaults(), ingest, database::check, InstantSource.system());
    collector.start();
  }

  @AfterAll
  static void stop() throws Exception {
    collector.close();
    vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    database.close();
    SharedEmbeddedPostgres.drop(settings);
  }

  static HttpResponse<byte[]> post(String type, byte[] body, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + collector.port() + "/v1/metrics"))
        .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (headers.length == 0) {
      b.header("Authorization", "Bearer " + TOKEN);
    }
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void protobufHistogramsAreStoredUnderTheTenantOfTheirNamespace() throws Exception {
    byte[] body = request(List.of(attr("service.name", "chat"), attr("k8s.namespace.name", "acme")),
        ttftHistogram(attr("gen_ai.request.model", "llama-3-70b"))).toByteArray();

    HttpResponse<byte[]> r = post("application/x-protobuf", body);

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/x-protobuf");
    assertThat(ExportMetricsServiceResponse.parseFrom(r.body()).hasPartialSuccess()).isFalse();
    List<Series> buckets = database.sampleStore().query("acme", "gen_ai_server_time_to_first_token_seconds_bucket",
        Map.of("service_name", "chat"), FROM, TO);
    assertThat(buckets).extracting(s -> s.labels().get("le") + "=" + s.points().get(0).value())
        .containsExactlyInAnyOrder("0.1=2.0", "0.5=5.0", "1.0=9.0", "+Inf=10.0");
    assertThat(database.sampleStore().query("acme", "gen_ai_server_time_to_first_token_seconds_count", Map.of(),
        FROM, TO)).singleElement().satisfies(s -> assertThat(s.points().get(0).value()).isEqualTo(10));
    // tenant isolation: another tenant and the provider scope see nothing of it
    assertThat(database.sampleStore().query("globex", "gen_ai_server_time_to_first_token_seconds_count", Map.of(),
        FROM, TO)).isEmpty();
    assertThat(database.sampleStore().query(null, "gen_ai_server_time_to_first_token_seconds_count", Map.of(),
        FROM, TO)).isEmpty();
  }

  @Test
  void jsonRequestsUseTheOtlpJsonMappingAndGetAJsonAnswer() throws Exception {
    String json = """
        {"resourceMetrics":[{"resource":{"attributes":[
            {"key":"service.name","value":{"stringValue":"rag"}},
            {"key":"k8s.namespace.name","value":{"stringValue":"globex"}}]},
          "scopeMetrics":[{"scope":{"name":"x"},"metrics":[
            {"name":"gen_ai.server.request.duration","unit":"s","futureField":true,
             "histogram":{"aggregationTemporality":2,"dataPoints":[
               {"timeUnixNano":"%d","count":"3","sum":1.5,"explicitBounds":[0.5],"bucketCounts":["1","2"]}]}},
            {"name":"vector.index.lag","unit":"s","gauge":{"dataPoints":[
               {"timeUnixNano":"%d","asDouble":12.5}]}}]}]}]}
        """.formatted(T * 1_000_000, T * 1_000_000);

    HttpResponse<byte[]> r = post("application/json", json.getBytes());

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(database.sampleStore().query("globex", "gen_ai_server_request_duration_seconds_bucket",
        Map.of("le", "0.5"), FROM, TO)).singleElement()
        .satisfies(s -> assertThat(s.points().get(0).value()).isEqualTo(1));
    assertThat(database.sampleStore().query("globex", "vector_index_lag_seconds", Map.of(), FROM, TO))
        .singleElement().satisfies(s -> assertThat(s.labels()).containsEntry("job", "rag"));
  }

  @Test
  void gzipBodiesAreAccepted() throws Exception {
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
      gz.write(request(List.of(attr("k8s.namespace.name", "acme")), gauge("gzip.probe", "", 7)).toByteArray());
    }
    HttpResponse<byte[]> r = post("application/x-protobuf", zipped.toByteArray(), "Authorization",
        "Bearer " + TOKEN, "Content-Encoding", "gzip");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(database.sampleStore().query("acme", "gzip_probe", Map.of(), FROM, TO)).hasSize(1);
  }

  @Test
  void somePointsRefusedGivesPartialSuccessAndStoresTheRest() throws Exception {
    var unknown = request(List.of(attr("tenant", "initech")), gauge("partial.a", "", 1));
    var known = request(List.of(attr("tenant", "acme")), gauge("partial.b", "", 2));
    byte[] body = unknown.toBuilder().addAllResourceMetrics(known.getResourceMetricsList()).build().toByteArray();

    HttpResponse<byte[]> r = post("application/x-protobuf", body);

    assertThat(r.statusCode()).isEqualTo(200);
    var partial = ExportMetricsServiceResponse.parseFrom(r.body()).getPartialSuccess();
    assertThat(partial.getRejectedDataPoints()).isEqualTo(1);
    assertThat(partial.getErrorMessage()).contains("unknown tenant 'initech'");
    assertThat(database.sampleStore().query("acme", "partial_b", Map.of(), FROM, TO)).hasSize(1);
    assertThat(database.sampleStore().query(null, "partial_b", Map.of(), FROM, TO)).isEmpty();
    assertThat(database.sampleStore().query(null, "partial_a", Map.of(), FROM, TO)).isEmpty();
  }

  @Test
  void badRequestsGetClearErrors() throws Exception {
    byte[] ok = request(List.of(), gauge("g", "", 1)).toByteArray();
    assertThat(post("application/x-protobuf", ok, "Authorization", "Bearer wrong-token-0123456789").statusCode())
        .isEqualTo(401);
    HttpResponse<byte[]> noAuth = post("application/x-protobuf", ok, "X-None", "1");
    assertThat(noAuth.statusCode()).isEqualTo(401);
    assertThat(new String(noAuth.body())).contains("missing Authorization");
    HttpResponse<byte[]> text = post("text/plain", ok);
    assertThat(text.statusCode()).isEqualTo(415);
    assertThat(new String(text.body())).contains("application/x-protobuf or application/json");
    HttpResponse<byte[]> garbage = post("application/x-protobuf", new byte[] {(byte) 0xff, 0x01, 0x02});
    assertThat(garbage.statusCode()).isEqualTo(400);
    assertThat(new String(garbage.body())).contains("not a valid OTLP ExportMetricsServiceRequest (protobuf)");
    HttpResponse<byte[]> badJson = post("application/json", "{\"resourceMetrics\": [".getBytes());
    assertThat(badJson.statusCode()).isEqualTo(400);
    assertThat(new String(badJson.body())).contains("(JSON)");
    HttpResponse<byte[]> tooBig = post("application/x-protobuf", new byte[128 * 1024]);
    assertThat(tooBig.statusCode()).isEqualTo(413);
    assertThat(new String(tooBig.body())).contains("larger than 65536 bytes");
    HttpResponse<byte[]> allUnknown = post("application/json",
        "{\"resourceMetrics\":[{\"resource\":{\"attributes\":[{\"key\":\"tenant\",\"value\":{\"stringValue\":\"nope\"}}]},\"scopeMetrics\":[{\"metrics\":[{\"name\":\"x\",\"gauge\":{\"dataPoints\":[{\"asInt\":\"1\"}]}}]}]}]}"
            .getBytes());
    assertThat(allUnknown.statusCode()).isEqualTo(422);
    assertThat(new String(allUnknown.body())).contains("unknown tenant 'nope'");
  }
}
