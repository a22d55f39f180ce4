package io.slamon.collector.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.slamon.collector.CollectorMetrics;
import io.slamon.collector.CollectorServer;
import io.slamon.collector.EventSources;
import io.slamon.store.Event;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
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
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EventsApiTest {
  static final String TOKEN = "backup-token-0123456789";
  static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  Vertx vertx;
  CollectorServer server;
  InMemoryEventStore store = new InMemoryEventStore();
  CollectorMetrics metrics = new CollectorMetrics();
  AtomicBoolean dbReady = new AtomicBoolean(true);
  HttpClient http = HttpClient.newHttpClient();
  int port;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    EventsApi api = new EventsApi(vertx, store, new EventSources(Map.of(TOKEN, "backup-operator")),
        new EventValidator(Set.of("acme")::contains, InstantSource.fixed(NOW)), metrics, 4096);
    server = new CollectorServer(vertx, "127.0.0.1", 0, api, dbReady::get, metrics);
    port = server.start().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  static JsonObject backup(String id) {
    return new JsonObject().put("id", id).put("type", "backup.completed").put("tenant", "acme")
        .put("time", "2026-03-01T02:00:00Z").put("attributes", new JsonObject().put("asset", "object-storage"));
  }

  HttpResponse<String> post(String body, String authorization, String contentType) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/events"))
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String body) throws Exception {
    return post(body, "Bearer " + TOKEN, "application/json");
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aValidEventIsStoredWithItsSourceAndAnsweredWith201() throws Exception {
    HttpResponse<String> r = post(backup("b-1").encode());
    assertThat(r.statusCode()).isEqualTo(201);
    assertThat(new JsonObject(r.body()).getMap()).containsEntry("id", "b-1").containsEntry("stored", true)
        .containsEntry("duplicate", false);
    List<Event> events = store.list("acme", "backup.", Instant.EPOCH, NOW);
    assertThat(events).singleElement().satisfies(e -> {
      assertThat(e.source()).isEqualTo("backup-operator");
      assertThat(e.attributes()).containsEntry("asset", "object-storage");
    });
  }

  @Test
  void theSameIdTwiceIsStoredOnceAndTheSecondAnswerSaysDuplicate() throws Exception {
    assertThat(post(backup("b-1").encode()).statusCode()).isEqualTo(201);
    HttpResponse<String> again = post(backup("b-1").encode());
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(again.body()).getBoolean("duplicate")).isTrue();
    assertThat(store.size()).isEqualTo(1);
  }

  @Test
  void anArrayGetsPerEventResultsAndValidOnesAreStored() throws Exception {
    post(backup("b-0").encode());
    JsonArray batch = new JsonArray().add(backup("b-0")).add(backup("b-1"))
        .add(backup("b-2").put("type", "backup.done")).add("not an object");
    HttpResponse<String> r = post(batch.encode());
    assertThat(r.statusCode()).isEqualTo(207);
    JsonObject body = new JsonObject(r.body());
    assertThat(body.getInteger("stored")).isEqualTo(1);
    assertThat(body.getInteger("duplicates")).isEqualTo(1);
    assertThat(body.getInteger("rejected")).isEqualTo(2);
    JsonArray results = body.getJsonArray("results");
    assertThat(results.getJsonObject(0).getMap()).containsEntry("index", 0).containsEntry("status", 200)
        .containsEntry("duplicate", true);
    assertThat(results.getJsonObject(1).getMap()).containsEntry("status", 201).containsEntry("id", "b-1");
    assertThat(results.getJsonObject(2).getMap()).containsEntry("status", 422).containsEntry("field", "type");
    assertThat(results.getJsonObject(3).getString("error")).isEqualTo("array element is not an event object");
    assertThat(store.size()).isEqualTo(2);
  }

  @Test
  void anArrayOfOnlyNewEventsIs201AndOnlyDuplicatesIs200() throws Exception {
    String batch = new JsonArray().add(backup("a")).add(backup("b")).encode();
    assertThat(post(batch).statusCode()).isEqualTo(201);
    assertThat(post(batch).statusCode()).isEqualTo(200);
  }

  @Test
  void anArrayWhereEveryEventIsInvalidIs422() throws Exception {
    HttpResponse<String> r = post(new JsonArray().add(backup("x").put("tenant", "initech")).encode());
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(new JsonObject(r.body()).getJsonArray("results").getJsonObject(0).getString("error"))
        .isEqualTo("unknown tenant 'initech'");
  }

  @Test
  void aMissingTokenIs401() throws Exception {
    HttpResponse<String> r = post(backup("b").encode(), null, "application/json");
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    assertThat(new JsonObject(r.body()).getString("error")).contains("missing Authorization");
  }

  @Test
  void anUnknownTokenIs401AndNothingIsStored() throws Exception {
    HttpResponse<String> r = post(backup("b").encode(), "Bearer wrong-token-0123456789", "application/json");
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(new JsonObject(r.body()).getString("error")).isEqualTo("unknown or malformed bearer token");
    assertThat(store.size()).isZero();
  }

  @Test
  void brokenJsonIs400() throws Exception {
    HttpResponse<String> r = post("{\"id\": ");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(new JsonObject(r.body()).getString("error")).startsWith("body is not valid JSON");
  }

  @Test
  void aJsonValueThatIsNeitherObjectNorArrayIs400() throws Exception {
    assertThat(post("42").statusCode()).isEqualTo(400);
    assertThat(post("").statusCode()).isEqualTo(400);
    assertThat(post("[]").statusCode()).isEqualTo(400);
  }

  @Test
  void anOversizedBodyIs413WithAJsonError() throws Exception {
    JsonObject big = backup("b").put("attributes", new JsonObject().put("asset", "a").put("note", "x".repeat(5000)));
    HttpResponse<String> r = post(big.encode());
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(new JsonObject(r.body()).getString("error")).contains("larger than 4096 bytes");
    assertThat(store.size()).isZero();
  }

  @Test
  void aNonJsonContentTypeIs415() throws Exception {
    assertThat(post(backup("b").encode(), "Bearer " + TOKEN, "text/plain").statusCode()).isEqualTo(415);
  }

  @Test
  void anUnknownTypeIs422AndListsTheKnownTypes() throws Exception {
    HttpResponse<String> r = post(backup("b").put("type", "backup.done").encode());
    assertThat(r.statusCode()).isEqualTo(422);
    JsonObject body = new JsonObject(r.body());
    assertThat(body.getString("field")).isEqualTo("type");
    assertThat(body.getString("error")).contains("backup.completed", "token.usage", "rag_index.freshness");
  }

  @Test
  void anOutOfRangeAttributeIs422NamingTheAttribute() throws Exception {
    JsonObject cve = backup("c").put("type", "cve.published").put("attributes",
        new JsonObject().put("cve", "CVE-2024-0132").put("cvss", 11).put("component", "kernel"));
    HttpResponse<String> r = post(cve.encode());
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(new JsonObject(r.body()).getString("field")).isEqualTo("attributes.cvss");
  }

  @Test
  void anUnknownTenantIs422() throws Exception {
    HttpResponse<String> r = post(backup("b").put("tenant", "initech").encode());
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(new JsonObject(r.body()).getMap()).containsEntry("field", "tenant")
        .containsEntry("error", "unknown tenant 'initech'");
  }

  @Test
  void promptContentIs422AndNeverStored() throws Exception {
    JsonObject usage = backup("t").put("type", "token.usage").put("attributes", new JsonObject().put("model", "m")
        .put("inputTokens", 10).put("outputTokens", 5).put("prompt", "Bitte fasse den Vertrag zusammen"));
    HttpResponse<String> r = post(usage.encode());
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(new JsonObject(r.body()).getString("field")).isEqualTo("attributes.prompt");
    assertThat(store.size()).isZero();
  }

  @Test
  void aDownEventStoreIs503WithRetryAfterAndARetrySucceedsLater() throws Exception {
    store.down = true;
    HttpResponse<String> r = post(backup("b").encode());
    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(r.headers().firstValue("Retry-After")).hasValue("5");
    store.down = false;
    assertThat(post(backup("b").encode()).statusCode()).isEqualTo(201);
  }

  @Test
  void healthIsUpAndReadyFollowsTheDatabaseCheck() throws Exception {
    assertThat(get("/health").statusCode()).isEqualTo(200);
    assertThat(get("/ready").statusCode()).isEqualTo(200);
    dbReady.set(false);
    HttpResponse<String> notReady = get("/ready");
    assertThat(notReady.statusCode()).isEqualTo(503);
    assertThat(notReady.body()).contains("not ready");
  }

  @Test
  void metricsCountAcceptedAndRejectedEvents() throws Exception {
    post(backup("b").encode());
    post(backup("b").encode());
    post("nope");
    String exposition = get("/metrics").body();
    assertThat(exposition)
        .contains("slamon_collector_events_accepted_total{duplicate=\"false\",type=\"backup.completed\"} 1.0")
        .contains("slamon_collector_events_accepted_total{duplicate=\"true\",type=\"backup.completed\"} 1.0")
        .contains("slamon_collector_events_rejected_total{status=\"400\"} 1.0");
    assertThat(metrics.eventsAccepted()).isEqualTo(2);
    assertThat(metrics.eventsRejected()).isEqualTo(1);
  }
}
