package io.slamon.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One HTTP attempt at delivering a webhook, as the outbox stores it.
 *
 * @param eventId the event delivered (the same on every attempt)
 * @param attempt 1 for the first try, 2 for the first retry …
 * @param startedAt when the request was sent
 * @param duration until the answer (or the failure)
 * @param status the HTTP status, or {@code null} when no answer arrived (timeout, connection refused)
 * @param error why it failed ({@code HTTP 503: <body excerpt>}, the I/O error), or {@code null} on success
 */
public record DeliveryAttempt(String eventId, int attempt, Instant startedAt, Duration duration, Integer status, String error) {
  public DeliveryAttempt {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(duration, "duration");
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt numbers start at 1, got " + attempt);
    }
  }

  /** Whether the receiver accepted it (2xx). */
  public boolean succeeded() {
    return status != null && status / 100 == 2;
  }
}
