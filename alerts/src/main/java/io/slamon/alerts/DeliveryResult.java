package io.slamon.alerts;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a webhook delivery ended.
 *
 * @param outcome delivered, rejected (a 4xx other than 429: retrying would not help) or gave up
 *     (attempts exhausted, interrupted, or the receiver asked to wait longer than the policy allows)
 * @param attempts every attempt, in order
 * @param retryAfter when the sender gave up because of a too-long {@code Retry-After}: the wait the
 *     receiver asked for, so the outbox can schedule the next try; otherwise {@code null}
 */
public record DeliveryResult(Outcome outcome, List<DeliveryAttempt> attempts, Duration retryAfter) {
  /** The end state. */
  public enum Outcome {
    DELIVERED,
    REJECTED,
    GAVE_UP
  }

  public DeliveryResult {
    Objects.requireNonNull(outcome, "outcome");
    attempts = List.copyOf(attempts);
    if (attempts.isEmpty()) {
      throw new IllegalArgumentException("a delivery result needs at least one attempt");
    }
  }

  public boolean delivered() {
    return outcome == Outcome.DELIVERED;
  }

  /** The last attempt (its status and error explain the outcome). */
  public DeliveryAttempt last() {
    return attempts.get(attempts.size() - 1);
  }
}
