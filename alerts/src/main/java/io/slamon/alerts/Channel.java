package io.slamon.alerts;

import java.time.Duration;
import java.time.Instant;

/**
 * One receiver's way of delivering a notification: a single attempt; the outbox schedules retries,
 * so a long backoff never holds a thread.
 */
public interface Channel {
  /** How one attempt went. */
  record Attempt(Instant startedAt, Duration duration, Integer status, String error, boolean retryable, Duration retryAfter) {
    public boolean succeeded() {
      return error == null;
    }
  }

  Attempt deliver(Notification notification);
}
