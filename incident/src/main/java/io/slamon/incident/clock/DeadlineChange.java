package io.slamon.incident.clock;

import java.time.Duration;
import java.time.Instant;

/**
 * How one deadline moved between two plans, e.g. after an awareness correction. {@code before} is
 * null for a deadline that is new (a regime added), {@code after} null for one that disappeared.
 */
public record DeadlineChange(DeadlineKind kind, Deadline before, Deadline after) {

  public Instant dueBefore() {
    return before == null ? null : before.due();
  }

  public Instant dueAfter() {
    return after == null ? null : after.due();
  }

  /** How far the strict deadline moved (negative: earlier); null unless both are computed. */
  public Duration shift() {
    return dueBefore() == null || dueAfter() == null
        ? null
        : Duration.between(dueBefore(), dueAfter());
  }
}
