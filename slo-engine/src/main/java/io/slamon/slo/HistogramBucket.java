package io.slamon.slo;

/**
 * One cumulative bucket of a classic Prometheus histogram: how many observations were at most
 * {@code upperBound} (the {@code le} label; {@link Double#POSITIVE_INFINITY} for {@code +Inf}).
 */
public record HistogramBucket(double upperBound, double count) {
  public HistogramBucket {
    if (Double.isNaN(upperBound)) {
      throw new IllegalArgumentException("Illegal bucket upper bound NaN: expecting a number or +Inf");
    }
    if (Double.isNaN(count) || count < 0) {
      throw new IllegalArgumentException("Illegal bucket count " + count + " for le=" + upperBound + ": expecting a count >= 0");
    }
  }
}
