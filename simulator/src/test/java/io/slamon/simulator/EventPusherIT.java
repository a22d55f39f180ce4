package io.slamon.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EventPusherIT {
  // One minute before 10:00 UTC, when token usage, freshness and backups are all due.
  static final Instant START = Instant.parse("2026-11-24T09:59:00Z");
  // 09:59:00: 4 token.usage + 4 rag_index.freshness; 10:00:00: the same plus 8 backups.
  static final int EVENTS_BY_10_00 = 8 + 16;
  Vertx vertx;
  MutableClock clock;
  Fleet fleet;
  final List<JsonObject> received = new CopyOnWriteArrayList<>();
  final List<String> authHeaders = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    clock = new MutableClock(START);
    fleet = Fleet.start(vertx, FleetSpec.demo(42).withEphemeralPorts(), clock, 0);
  }

  @AfterEach
  void stop() {
    fleet.close();
    vertx.close().await();
  }

  HttpServer receiver(int port, AtomicInteger failFirst) {
    return vertx
        .createHttpServer()
        .requestHandler(
            req ->
                req.body()
                    .onSuccess(
                        body -> {
                          if (failFirst.getAndDecrement() > 0) {
                            req.response().setStatusCode(503).end();
                            return;
                          }
                          authHeaders.add(req.getHeader("authorization"));
                          assertThat(req.getHeader("content-type")).isEqualTo("application/json");
                          received.add(new JsonObject(body));
                          req.response().setStatusCode(202).end();
                        }))
        .listen(port, "127.0.0.1")
        .await();
  }

  static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 10 s");
      }
      Thread.sleep(20);
    }
  }

  @Test
  void pushesEventsAsJsonWithTheBearerToken() throws Exception {
    HttpServer server = receiver(0, new AtomicInteger());
    clock.advance(Duration.ofSeconds(60));
    EventPusher pusher =
        fleet.startPushing(
            "http://127.0.0.1:" + server.actualPort() + "/api/v1/events", "s3cret", Duration.ofMillis(50));
    await(() -> pusher.delivered() >= EVENTS_BY_10_00);
    assertThat(authHeaders).containsOnly("Bearer s3cret");
    JsonObject backup =
        received.stream().filter(e -> e.getString("type").equals("backup.completed")).findFirst().get();
    assertThat(backup.fieldNames()).containsExactly("id", "type", "tenant", "time", "attributes");
    assertThat(backup.getString("time")).isEqualTo("2026-11-24T10:00:00Z");
    assertThat(backup.getJsonObject("attributes").fieldNames())
        .containsExactly("asset", "sizeBytes", "durationSeconds");
    assertThat(received.stream().map(e -> e.getString("id")).distinct().count()).isEqualTo(received.size());
    assertThat(pusher.backlog()).isZero();
  }

  @Test
  void survivesTheReceiverBeingDownAndDeliversTheBacklogLater() throws Exception {
    int port;
    try (var probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    clock.advance(Duration.ofSeconds(60));
    EventPusher pusher =
        fleet.startPushing("http://127.0.0.1:" + port + "/events", "t", Duration.ofMillis(50));
    await(() -> pusher.failedAttempts() >= 3);
    assertThat(pusher.delivered()).isZero();
    assertThat(pusher.backlog()).isEqualTo(EVENTS_BY_10_00);

    // Up again, but answering 503 for a while first: still retried, nothing lost.
    receiver(port, new AtomicInteger(3));
    await(() -> pusher.delivered() >= EVENTS_BY_10_00);
    assertThat(received).hasSize(EVENTS_BY_10_00);
    assertThat(pusher.dropped()).isZero();
    assertThat(received.get(0).getString("type")).isEqualTo("token.usage");
  }

  @Test
  void eventsTheReceiverRejectsAreCountedAndNotRetried() throws Exception {
    HttpServer server =
        vertx
            .createHttpServer()
            .requestHandler(req -> req.response().setStatusCode(400).end("{\"error\":\"nope\"}"))
            .listen(0, "127.0.0.1")
            .await();
    clock.advance(Duration.ofSeconds(60));
    EventPusher pusher =
        fleet.startPushing("http://127.0.0.1:" + server.actualPort(), "t", Duration.ofMillis(50));
    await(() -> pusher.rejected() >= EVENTS_BY_10_00);
    assertThat(pusher.backlog()).isZero();
    assertThat(pusher.delivered()).isZero();
  }

  @Test
  void aWrongTokenKeepsTheEventsForRetryInsteadOfDiscardingThem() throws Exception {
    HttpServer server =
        vertx
            .createHttpServer()
            .requestHandler(req -> req.response().setStatusCode(401).end())
            .listen(0, "127.0.0.1")
            .await();
    clock.advance(Duration.ofSeconds(60));
    EventPusher pusher =
        fleet.startPushing("http://127.0.0.1:" + server.actualPort(), "wrong", Duration.ofMillis(50));
    await(() -> pusher.failedAttempts() >= 3);
    assertThat(pusher.rejected()).isZero();
    assertThat(pusher.backlog()).isEqualTo(EVENTS_BY_10_00);
  }

  @Test
  void aMalformedEventsUrlIsRejectedUpFront() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> fleet.startPushing("ftp://x", "t", Duration.ofSeconds(1)))
        .hasMessageContaining("must start with http://");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> fleet.startPushing("http://127.0.0.1:1", "t", Duration.ZERO))
        .hasMessageContaining("at least 1 ms");
  }
}
