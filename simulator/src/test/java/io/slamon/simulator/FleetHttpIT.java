package io.slamon.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FleetHttpIT {
  static final Instant START = Instant.parse("2026-11-24T10:00:00Z");
  static Vertx vertx;
  static MutableClock clock;
  static Fleet fleet;
  static final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    clock = new MutableClock(START);
    fleet = Fleet.start(vertx, FleetSpec.demo(42).withEphemeralPorts(), clock, 0);
  }

  @AfterAll
  static void stop() {
    fleet.close();
    vertx.close().await();
  }

  static HttpResponse<String> get(String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> post(String path, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + fleet.controlPort() + path))
            .header("content-type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void everyNodeAndServerServesItsOwnMetricsOnItsOwnPort() throws Exception {
    assertThat(fleet.gpuTargets()).hasSize(4).doesNotHaveDuplicates();
    assertThat(fleet.vllmTargets()).hasSize(4).doesNotHaveDuplicates();
    for (int i = 0; i < 4; i++) {
      HttpResponse<String> dcgm = get("http://" + fleet.gpuTargets().get(i) + "/metrics");
      assertThat(dcgm.statusCode()).isEqualTo(200);
      assertThat(dcgm.headers().firstValue("content-type")).hasValue("text/plain; charset=utf-8");
      assertThat(dcgm.body()).contains("Hostname=\"gpu-node-0" + (i + 1) + "\"");
      PromTextCheck.parse(dcgm.body());
      HttpResponse<String> vllm = get("http://" + fleet.vllmTargets().get(i) + "/metrics");
      assertThat(vllm.statusCode()).isEqualTo(200);
      assertThat(vllm.body()).contains("model_name=\"" + fleet.spec().vllmServers().get(i).modelName());
      PromTextCheck.parse(vllm.body());
    }
    assertThat(get("http://" + fleet.gpuTargets().get(0) + "/other").statusCode()).isEqualTo(404);
  }

  @Test
  void twoFleetsWithTheSameSeedServeIdenticalBytesForTheSameClockReading() throws Exception {
    var clockA = new MutableClock(START);
    var clockB = new MutableClock(START);
    var spec = FleetSpec.demo(7).withEphemeralPorts();
    try (Fleet a = Fleet.start(vertx, spec, clockA, 0);
        Fleet b = Fleet.start(vertx, spec, clockB, 0)) {
      // a is scraped every second, b only at the end: the readings that matter are the same.
      for (int s = 0; s < 20; s++) {
        clockA.advance(Duration.ofSeconds(1));
        get("http://" + a.gpuTargets().get(2) + "/metrics");
      }
      clockB.advance(Duration.ofSeconds(20));
      for (int i = 0; i < 4; i++) {
        assertThat(get("http://" + b.gpuTargets().get(i) + "/metrics").body())
            .isEqualTo(get("http://" + a.gpuTargets().get(i) + "/metrics").body());
        assertThat(get("http://" + b.vllmTargets().get(i) + "/metrics").body())
            .isEqualTo(get("http://" + a.vllmTargets().get(i) + "/metrics").body());
      }
    }
  }

  @Test
  void controlApiInjectsListsAndClearsFaults() throws Exception {
    HttpResponse<String> created =
        post("/faults", "{\"type\": \"endpoint-down\", \"target\": \"stadtwerke-nord\", \"durationSeconds\": 120}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = new JsonObject(created.body()).getString("id");
    assertThat(id).startsWith("fault-");
    String scrape = "http://" + fleet.vllmTargets().get(1) + "/metrics";
    assertThat(get(scrape).statusCode()).isEqualTo(503);

    JsonArray listed = new JsonArray(get("http://127.0.0.1:" + fleet.controlPort() + "/faults").body());
    assertThat(listed.stream().map(o -> ((JsonObject) o).getString("id"))).contains(id);

    HttpResponse<Void> deleted =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + fleet.controlPort() + "/faults/" + id))
                .DELETE()
                .build(),
            HttpResponse.BodyHandlers.discarding());
    assertThat(deleted.statusCode()).isEqualTo(204);
    assertThat(get(scrape).statusCode()).isEqualTo(200);
    HttpResponse<String> again =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + fleet.controlPort() + "/faults/" + id))
                .DELETE()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(again.statusCode()).isEqualTo(404);
    assertThat(again.body()).contains("no active fault with id");
  }

  @Test
  void gpuFaultInjectedOverHttpShowsInTheNodesMetrics() throws Exception {
    HttpResponse<String> created =
        post("/faults", "{\"type\": \"gpu-xid\", \"target\": \"gpu-node-03/2\", \"durationSeconds\": 60}");
    assertThat(created.statusCode()).isEqualTo(201);
    clock.advance(Duration.ofSeconds(2));
    assertThat(get("http://" + fleet.gpuTargets().get(2) + "/metrics").body())
        .containsPattern("DCGM_FI_DEV_XID_ERRORS\\{gpu=\"2\",[^}]*\\} 79\n");
    fleet.clear(new JsonObject(created.body()).getString("id"));
  }

  @Test
  void badFaultRequestsGetClear400s() throws Exception {
    assertBadRequest("", "request body must be JSON");
    assertBadRequest("not json", "not a JSON object");
    assertBadRequest("[1,2]", "not a JSON object");
    assertBadRequest("{\"target\": \"gpu-node-01/0\", \"durationSeconds\": 5}", "field 'type'");
    assertBadRequest(
        "{\"type\": \"meteor\", \"target\": \"gpu-node-01/0\", \"durationSeconds\": 5}",
        "unknown fault type 'meteor'; valid types: gpu-xid");
    assertBadRequest("{\"type\": \"gpu-xid\", \"durationSeconds\": 5}", "field 'target'");
    assertBadRequest("{\"type\": \"gpu-xid\", \"target\": \"gpu-node-01/0\"}", "durationSeconds");
    assertBadRequest(
        "{\"type\": \"gpu-xid\", \"target\": \"gpu-node-01/0\", \"durationSeconds\": -5}", "must be > 0");
    assertBadRequest(
        "{\"type\": \"gpu-xid\", \"target\": \"gpu-node-01/0\", \"durationSeconds\": 1.5}", "whole number");
    assertBadRequest(
        "{\"type\": \"gpu-xid\", \"target\": \"gpu-node-77/0\", \"durationSeconds\": 5}", "not in the fleet");
    assertBadRequest(
        "{\"type\": \"gpu-xid\", \"target\": \"gpu-node-01/0\", \"durationSeconds\": 5, \"xid\": 48}",
        "unknown field 'xid'");
  }

  private static void assertBadRequest(String body, String message) throws Exception {
    HttpResponse<String> response = post("/faults", body);
    assertThat(response.statusCode()).as(body).isEqualTo(400);
    assertThat(new JsonObject(response.body()).getString("error")).as(body).contains(message);
  }

  @Test
  void aTakenPortFailsTheStartWithAClearMessage() {
    int taken = Integer.parseInt(fleet.gpuTargets().get(0).split(":")[1]);
    var spec = FleetSpec.demo(1).withPorts(taken, 0);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Fleet.start(vertx, spec, clock, 0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("could not listen")
        // the message lists every port that was taken; a neighbouring port may be taken by chance too
        .hasMessageContaining("127.0.0.1:" + taken)
        .hasMessageContaining(" in use");
  }
}
