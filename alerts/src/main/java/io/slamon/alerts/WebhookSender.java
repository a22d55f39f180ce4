package io.slamon.alerts;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * POSTs webhooks with retries (blocking java.net.http, so run it off any event loop). Retries on
 * 5xx, 429, timeouts and connection errors with exponential backoff and jitter, honouring
 * {@code Retry-After}; never on other 4xx, which would fail the same way again. Every attempt carries
 * the same {@code X-Slamon-Event-Id}, is signed afresh, and is reported to a callback so an outbox can
 * record it.
 */
public final class WebhookSender {
  static final String USER_AGENT = "slamon-webhook/1";
  private static final int ERROR_BODY_MAX = 300;

  /** Waits between attempts; tests pass one that records the waits instead of sleeping. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  private final HttpClient http;
  private final RetryPolicy policy;
  private final InstantSource clock;
  private final Sleeper sleeper;
  private final RandomGenerator random;

  public WebhookSender(RetryPolicy policy, InstantSource clock) {
    this(defaultClient(policy), policy, clock, d -> Thread.sleep(d), RandomGenerator.getDefault());
  }

  public WebhookSender(HttpClient http, RetryPolicy policy, InstantSource clock, Sleeper sleeper, RandomGenerator random) {
    this.http = Objects.requireNonNull(http, "http");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.random = Objects.requireNonNull(random, "random");
  }

  private static HttpClient defaultClient(RetryPolicy policy) {
    // HTTP/1.1: no h2c upgrade probe on plain-http receivers; redirects are not followed, because a
    // redirected POST would either lose its body or resend a signed request somewhere unintended.
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(policy.timeout())
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** Delivers {@code request}, calling {@code onAttempt} after every attempt, and says how it ended. */
  public DeliveryResult send(WebhookRequest request, Consumer<DeliveryAttempt> onAttempt) {
    List<DeliveryAttempt> attempts = new ArrayList<>();
    byte[] body = request.body();
    for (int n = 1; ; n++) {
      Instant started = clock.instant();
      Integer status = null;
      String error;
      Duration retryAfter = null;
      boolean retryable;
      try {
        HttpResponse<String> response = http.send(httpRequest(request, body), HttpResponse.BodyHandlers.ofString());
        status = response.statusCode();
        if (status / 100 == 2) {
          error = null;
          retryable = false;
        } else {
          error = "HTTP " + status + excerpt(response.body());
          retryable = status / 100 == 5 || status == 429;
          retryAfter = response.headers().firstValue("Retry-After").map(this::parseRetryAfter).orElse(null);
        }
      } catch (IOException e) {
        error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        retryable = true;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        attempts.add(record(request, n, started, null, "interrupted", onAttempt));
        return new DeliveryResult(DeliveryResult.Outcome.GAVE_UP, attempts, null);
      }
      DeliveryAttempt attempt = record(request, n, started, status, error, onAttempt);
      attempts.add(attempt);
      if (attempt.succeeded()) {
        return new DeliveryResult(DeliveryResult.Outcome.DELIVERED, attempts, null);
      }
      if (!retryable) {
        return new DeliveryResult(DeliveryResult.Outcome.REJECTED, attempts, null);
      }
      if (retryAfter != null && retryAfter.compareTo(policy.maxRetryAfter()) > 0) {
        // Blocking this thread for longer would stall other deliveries; the outbox reschedules instead.
        return new DeliveryResult(DeliveryResult.Outcome.GAVE_UP, attempts, retryAfter);
      }
      if (n >= policy.maxAttempts()) {
        return new DeliveryResult(DeliveryResult.Outcome.GAVE_UP, attempts, null);
      }
      try {
        sleeper.sleep(retryAfter != null ? retryAfter : policy.backoff(n, random));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new DeliveryResult(DeliveryResult.Outcome.GAVE_UP, attempts, null);
      }
    }
  }

  private HttpRequest httpRequest(WebhookRequest request, byte[] body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(request.url())
        .timeout(policy.timeout())
        .header("Content-Type", "application/json; charset=utf-8")
        .header("User-Agent", USER_AGENT)
        .header(WebhookSigner.EVENT_ID_HEADER, request.eventId())
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (request.signer() != null) {
      b.header(WebhookSigner.SIGNATURE_HEADER, request.signer().signatureHeader(body));
    }
    return b.build();
  }

  private DeliveryAttempt record(WebhookRequest request, int n, Instant started, Integer status, String error,
      Consumer<DeliveryAttempt> onAttempt) {
    Duration took = Duration.between(started, clock.instant());
    var attempt = new DeliveryAttempt(request.eventId(), n, started, took.isNegative() ? Duration.ZERO : took, status, error);
    onAttempt.accept(attempt);
    return attempt;
  }

  /** {@code Retry-After} as delta-seconds or an HTTP-date (RFC 9110 §10.2.3); unreadable values are ignored. */
  Duration parseRetryAfter(String value) {
    String v = value.strip();
    if (v.matches("[0-9]{1,9}")) {
      return Duration.ofSeconds(Long.parseLong(v));
    }
    try {
      Duration d = Duration.between(clock.instant(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
      return d.isNegative() ? Duration.ZERO : d;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String excerpt(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    String s = body.strip();
    return ": " + (s.length() > ERROR_BODY_MAX ? s.substring(0, ERROR_BODY_MAX) + "…" : s);
  }
}
