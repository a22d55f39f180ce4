package io.slamon.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.slamon.alerts.DeliveryResult.Outcome;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Delivers to a real HTTP receiver on 127.0.0.1 that verifies every signature the way a customer's would. */
class WebhookSenderIT {
  private static final String SECRET = "it-secret-0123456789abcdef";
  private static final RetryPolicy FAST = new RetryPolicy(5, Duration.ofSeconds(5), Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofMinutes(5));

  /** What the receiver answers, one entry per request; when it runs out it answers 200. */
  private record Reply(int status, String retryAfter, String body, long delayMillis) {
    static Reply of(int status) {
      return new Reply(status, null, "", 0);
    }
  }

  /** What the receiver saw. */
  private record Received(String eventId, String signatureHeader, String verification, byte[] body) {}

  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());
  private final InstantSource fakeClock = now::get;
  private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final List<Duration> waits = new CopyOnWriteArrayList<>();
  private final List<DeliveryAttempt> reported = new CopyOnWriteArrayList<>();
  private InstantSource receiverClock = InstantSource.system();
  private HttpServer server;
  private ExecutorService executor;
  private URI url;

  @BeforeEach
  void startReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    executor = Executors.newCachedThreadPool();
    server.setExecutor(executor);
    server.createContext("/hook", this::receive);
    server.start();
    url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
  }

  @AfterEach
  void stopReceiver() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void receive(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    String header = exchange.getRequestHeaders().getFirst(WebhookSigner.SIGNATURE_HEADER);
    String verification;
    try {
      new WebhookVerifier(SECRET, receiverClock).verify(header, body);
      verification = "ok";
    } catch (WebhookVerifier.VerificationException e) {
      verification = e.reason() + ": " + e.getMessage();
    }
    received.add(new Received(exchange.getRequestHeaders().getFirst(WebhookSigner.EVENT_ID_HEADER), header, verification, body));
    Reply reply = script.poll();
    if (reply == null) {
      reply = Reply.of(verification.equals("ok") || header == null ? 200 : 401);
    }
    try {
      Thread.sleep(reply.delayMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (reply.retryAfter() != null) {
      exchange.getResponseHeaders().add("Retry-After", reply.retryAfter());
    }
    byte[] answer = reply.body().getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(reply.status(), answer.length == 0 ? -1 : answer.length);
    exchange.getResponseBody().write(answer);
    exchange.close();
  }

  private WebhookSender sender(RetryPolicy policy, InstantSource clock, WebhookSender.Sleeper sleeper) {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    return new WebhookSender(http, policy, clock, sleeper, new SplittableRandom(1));
  }

  private WebhookSender recordingWaits(RetryPolicy policy) {
    return sender(policy, InstantSource.system(), waits::add);
  }

  private WebhookRequest signedRequest(InstantSource clock) {
    byte[] body = WebhookPayloads.bytes(WebhookPayloads.generic(WebhookPayloadsTest.FIRING));
    return WebhookRequest.of(url, WebhookPayloadsTest.FIRING, body, new WebhookSigner(SECRET, clock));
  }

  @Test
  void twoServiceUnavailableAnswersAreRetriedAndTheThirdAttemptDeliversOnceWithTheSameEventId() {
    script.add(new Reply(503, null, "warming up", 0));
    script.add(Reply.of(503));
    // The real sender: real sleeps (10-40 ms backoff), system clock.
    var sender = new WebhookSender(FAST, InstantSource.system());

    DeliveryResult result = sender.send(signedRequest(InstantSource.system()), reported::add);

    assertThat(result.outcome()).isEqualTo(Outcome.DELIVERED);
    assertThat(result.attempts()).extracting(DeliveryAttempt::attempt).containsExactly(1, 2, 3);
    assertThat(result.attempts()).extracting(DeliveryAttempt::status).containsExactly(503, 503, 200);
    assertThat(result.attempts().get(0).error()).isEqualTo("HTTP 503: warming up");
    assertThat(result.last().error()).isNull();
    assertThat(reported).isEqualTo(result.attempts());
    assertThat(received).hasSize(3);
    assertThat(received).extracting(Received::eventId).containsOnly("evt-7f3a");
    assertThat(received).extracting(Received::verification).containsOnly("ok");
    assertThat(received.get(2).body()).isEqualTo(WebhookPayloads.bytes(WebhookPayloads.generic(WebhookPayloadsTest.FIRING)));
    assertThat(result.attempts()).allSatisfy(a -> assertThat(a.duration().isNegative()).isFalse());
  }

  @Test
  void aBadRequestIsNotRetried() {
    script.add(new Reply(400, null, "{\"error\":\"unknown field\"}", 0));

    DeliveryResult result = recordingWaits(FAST).send(signedRequest(InstantSource.system()), reported::add);

    assertThat(result.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(result.attempts()).singleElement().satisfies(a -> {
      assertThat(a.status()).isEqualTo(400);
      assertThat(a.error()).isEqualTo("HTTP 400: {\"error\":\"unknown field\"}");
    });
    assertThat(received).hasSize(1);
    assertThat(waits).isEmpty();
  }

  @Test
  void aReceiverThatRefusesTheSignatureIsNotRetried() {
    byte[] body = WebhookPayloads.bytes(WebhookPayloads.generic(WebhookPayloadsTest.FIRING));
    var wrongSecret = WebhookRequest.of(url, WebhookPayloadsTest.FIRING, body, new WebhookSigner("not-the-receivers-secret", InstantSource.system()));

    DeliveryResult result = recordingWaits(FAST).send(wrongSecret, reported::add);

    assertThat(result.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(result.last().status()).isEqualTo(401);
    assertThat(received).singleElement().extracting(Received::verification).asString().startsWith("BAD_SIGNATURE");
  }

  @Test
  void tooManyRequestsIsRetriedAfterExactlyTheRetryAfterTheReceiverAsked() {
    script.add(new Reply(429, "2", "", 0));
    script.add(new Reply(503, "Wed, 21 Oct 2015 07:28:00 GMT", "", 0));

    DeliveryResult result = recordingWaits(FAST).send(signedRequest(InstantSource.system()), reported::add);

    assertThat(result.outcome()).isEqualTo(Outcome.DELIVERED);
    // 2 s as asked; an HTTP-date in the past means "now".
    assertThat(waits).containsExactly(Duration.ofSeconds(2), Duration.ZERO);
  }

  @Test
  void aRetryAfterLongerThanThePolicyAllowsEndsTheAttemptsAndHandsTheWaitToTheCaller() {
    script.add(new Reply(503, "3600", "", 0));

    DeliveryResult result = recordingWaits(FAST).send(signedRequest(InstantSource.system()), reported::add);

    assertThat(result.outcome()).isEqualTo(Outcome.GAVE_UP);
    assertThat(result.retryAfter()).isEqualTo(Duration.ofHours(1));
    assertThat(result.attempts()).hasSize(1);
    assertThat(waits).isEmpty();
  }

  @Test
  void anUnreadableRetryAfterFallsBackToTheBackoff() {
    script.add(new Reply(503, "soon", "", 0));

    recordingWaits(FAST).send(signedRequest(InstantSource.system()), reported::add);

    assertThat(waits).singleElement().satisfies(d -> assertThat(d.toMillis()).isBetween(5L, 10L));
  }

  @Test
  void aReceiverThatIsDownIsRetriedWithGrowingBackoffUntilTheAttemptsRunOut() throws IOException {
    URI nobodyListens;
    try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      nobodyListens = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/hook");
    }
    byte[] body = WebhookPayloads.bytes(WebhookPayloads.slack(WebhookPayloadsTest.FIRING));
    var request = WebhookRequest.of(nobodyListens, WebhookPayloadsTest.FIRING, body, null);

    DeliveryResult result = recordingWaits(FAST).send(request, reported::add);

    assertThat(result.outcome()).isEqualTo(Outcome.GAVE_UP);
    assertThat(result.attempts()).hasSize(5).allSatisfy(a -> {
      assertThat(a.status()).isNull();
      assertThat(a.error()).contains("ConnectException");
    });
    assertThat(waits).hasSize(4);
    assertThat(waits.get(0).toMillis()).isBetween(5L, 10L);
    assertThat(waits.get(1).toMillis()).isBetween(10L, 20L);
    assertThat(waits.get(3).toMillis()).isBetween(20L, 40L);
  }

  @Test
  void aReceiverThatAnswersTooSlowlyTimesOutAndIsRetried() {
    script.add(new Reply(200, null, "", 1_000));
    var policy = new RetryPolicy(2, Duration.ofMillis(200), Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofMinutes(1));

    DeliveryResult result = recordingWaits(policy).send(signedRequest(InstantSource.system()), reported::add);

    assertThat(result.outcome()).isEqualTo(Outcome.DELIVERED);
    assertThat(result.attempts().get(0).status()).isNull();
    assertThat(result.attempts().get(0).error()).contains("HttpTimeoutException");
    assertThat(result.attempts().get(0).duration()).isGreaterThanOrEqualTo(Duration.ofMillis(150));
  }

  @Test
  void everyRetryIsSignedAfreshSoALongBackoffStaysInsideTheReceiversTolerance() {
    script.add(Reply.of(503));
    script.add(Reply.of(503));
    receiverClock = fakeClock;
    // Each wait moves both clocks by 4 minutes: 8 minutes in all, beyond the 5-minute tolerance
    // that a signature made once for the first attempt would have to survive.
    var sender = sender(FAST, fakeClock, d -> now.set(now.get().plus(Duration.ofMinutes(4))));

    DeliveryResult result = sender.send(signedRequest(fakeClock), reported::add);

    assertThat(result.outcome()).isEqualTo(Outcome.DELIVERED);
    assertThat(received).extracting(Received::verification).containsOnly("ok");
    assertThat(received).extracting(Received::signatureHeader).doesNotHaveDuplicates();
  }

  @Test
  void slackAndTeamsRequestsWithoutASignerCarryTheEventIdButNoSignature() {
    byte[] body = WebhookPayloads.bytes(WebhookPayloads.teams(WebhookPayloadsTest.FIRING));

    DeliveryResult result = recordingWaits(FAST).send(WebhookRequest.of(url, WebhookPayloadsTest.FIRING, body, null), reported::add);

    assertThat(result.delivered()).isTrue();
    assertThat(received).singleElement().satisfies(r -> {
      assertThat(r.signatureHeader()).isNull();
      assertThat(r.eventId()).isEqualTo("evt-7f3a");
    });
  }

  @Test
  void badRequestsAreRejectedBeforeAnythingIsSent() {
    var list = new ArrayList<Throwable>();
    for (Runnable r : List.<Runnable>of(
        () -> new WebhookRequest(URI.create("ftp://example/hook"), "e", new byte[0], null),
        () -> new WebhookRequest(url, "bad id", new byte[0], null))) {
      try {
        r.run();
      } catch (IllegalArgumentException e) {
        list.add(e);
      }
    }
    assertThat(list).extracting(Throwable::getMessage)
        .satisfiesExactly(m -> assertThat(m).contains("must be http(s)"), m -> assertThat(m).contains("printable ASCII"));
  }
}
