package io.slamon.slo;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A half-open interval {@code [start, end)} of time. */
public record TimeInterval(Instant start, Instant end) {
  public TimeInterval {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("Illegal interval " + start + " .. " + end + ": the end is before the start");
    }
  }

  public Duration length() {
    return Duration.between(start, end);
  }

  public boolean isEmpty() {
    return start.equals(end);
  }

  /** Minutes, with the fraction of a minute kept. */
  public double minutes() {
    return Minutes.of(length());
  }
}
