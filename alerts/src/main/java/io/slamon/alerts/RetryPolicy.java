package io.slamon.alerts;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How {@link WebhookSender} retries: up to {@code maxAttempts} attempts in all, each bounded by
 * {@code timeout}; between them an exponential backoff (doubling from {@code initialBackoff}, capped
 * at {@code maxBackoff}) with jitter, or the receiver's {@code Retry-After} when it sends one, as long
 * as that is at most {@code maxRetryAfter}.
 */
public record RetryPolicy(int maxAttempts, Duration timeout, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {
  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
    }
    positive(timeout, "timeout");
    positive(initialBackoff, "initialBackoff");
    positive(maxBackoff, "maxBackoff");
    positive(maxRetryAfter, "maxRetryAfter");
    if (maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("maxBackoff " + maxBackoff + " is shorter than initialBackoff " + initialBackoff);
    }
  }

  /** 5 attempts, 10 s timeout each, backoff 1 s, 2 s, 4 s, 8 s (±jitter, at most 60 s), Retry-After up to 5 min. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(5, Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMinutes(5));
  }

  /**
   * The wait before retry number {@code retry} (1 = the wait after the first failed attempt):
   * {@code min(initialBackoff * 2^(retry-1), maxBackoff)}, of which a random half is dropped
   * ("equal jitter"), so many senders failing together do not retry in lock-step.
   */
  public Duration backoff(int retry, RandomGenerator random) {
    if (retry < 1) {
      throw new IllegalArgumentException("retry numbers start at 1, got " + retry);
    }
    long cap = maxBackoff.toMillis();
    // Shift at most 30 places: beyond that the cap applies anyway and the long would overflow.
    long base = Math.min(cap, initialBackoff.toMillis() << Math.min(retry - 1, 30));
    long half = base / 2;
    return Duration.ofMillis(base - half + (half == 0 ? 0 : random.nextLong(half + 1)));
  }

  private static void positive(Duration d, String name) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be a positive duration, got " + d);
    }
  }
}
