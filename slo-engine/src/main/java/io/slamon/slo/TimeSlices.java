package io.slamon.slo;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A window cut into consecutive slices of {@code length} from {@code from}; the last slice ends at
 * {@code to} and may be shorter (OpenSLO {@code timeSliceWindow}).
 */
public record TimeSlices(Instant from, Instant to, Duration length) {
  public TimeSlices {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(length, "length");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("Illegal slices " + from + " .. " + to + ": the end is before the start");
    }
    if (length.isNegative() || length.isZero()) {
      throw new IllegalArgumentException("Illegal slice length " + length + ": expecting a positive duration");
    }
  }

  public int count() {
    long span = Duration.between(from, to).toMillis();
    long len = length.toMillis();
    return (int) ((span + len - 1) / len);
  }

  /** The slice holding {@code epochMillis}, or -1 outside {@code [from, to)}. */
  public int indexOf(long epochMillis) {
    if (epochMillis < from.toEpochMilli() || epochMillis >= to.toEpochMilli()) {
      return -1;
    }
    return (int) ((epochMillis - from.toEpochMilli()) / length.toMillis());
  }

  public TimeInterval slice(int i) {
    Instant start = from.plus(length.multipliedBy(i));
    Instant end = start.plus(length);
    return new TimeInterval(start, end.isAfter(to) ? to : end);
  }
}
