package io.slamon.collector.otlp;

import io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts an OTLP exponential histogram point into classic cumulative {@code le} buckets,
 * because slamon stores and evaluates classic Prometheus histograms only.
 *
 * <p>How: an exponential bucket {@code i} at scale {@code s} holds values in
 * {@code (base^i, base^(i+1)]} with {@code base = 2^(2^-s)}. The point is first downscaled to
 * at most {@link #MAX_SCALE} (scale 3: 8 buckets per power of two, bucket {@code i} merges into
 * {@code i >> (s - 3)}), so a metric yields the same, bounded set of {@code le} values whatever
 * scale its SDK chose; then each positive bucket becomes {@code le = base^(i+1)} with the running
 * count of everything at or below it (negative buckets, then the zero bucket at
 * {@code le = zero_threshold}, then positive buckets), and {@code +Inf} is the point's count.
 * Powers of two are exact bounds at every scale, so an SLO threshold such as 0.25 s, 0.5 s or
 * 1 s maps to an exact bucket; other thresholds fall between bounds (the quantile error is at most
 * one bucket width, about 9 % at scale 3).
 */
public final class ExponentialBuckets {
  /** Scale the buckets are reduced to; also the upper bound of the relative bucket width (2^(1/8)). */
  public static final int MAX_SCALE = 3;

  /** One classic bucket: upper bound and cumulative count. */
  public record Bucket(double le, long cumulativeCount) {}

  private ExponentialBuckets() {}

  /** The classic buckets in increasing {@code le} order, ending with {@code +Inf}. */
  public static List<Bucket> toClassic(ExponentialHistogramDataPoint p) {
    int scale = Math.min(p.getScale(), MAX_SCALE);
    int shift = p.getScale() - scale;
    List<Bucket> out = new ArrayList<>();
    long cumulative = 0;
    // Negative buckets: values in [-base^(i+1), -base^i); the most negative first.
    long[] negative = merge(p.getNegative().getOffset(), p.getNegative().getBucketCountsList(), shift);
    int negOffset = p.getNegative().getOffset() >> shift;
    for (int k = negative.length - 1; k >= 0; k--) {
      cumulative += negative[k];
      if (negative[k] > 0 || cumulative > 0) {
        out.add(new Bucket(-bound(negOffset + k, scale), cumulative));
      }
    }
    if (p.getZeroCount() > 0 || cumulative > 0) {
      cumulative += p.getZeroCount();
      out.add(new Bucket(p.getZeroThreshold(), cumulative));
    }
    long[] positive = merge(p.getPositive().getOffset(), p.getPositive().getBucketCountsList(), shift);
    int posOffset = p.getPositive().getOffset() >> shift;
    for (int k = 0; k < positive.length; k++) {
      cumulative += positive[k];
      out.add(new Bucket(bound(posOffset + k + 1, scale), cumulative));
    }
    out.add(new Bucket(Double.POSITIVE_INFINITY, Math.max(p.getCount(), cumulative)));
    return out;
  }

  /** Bucket counts re-indexed at {@code scale - shift}; result index 0 is {@code offset >> shift}. */
  private static long[] merge(int offset, List<Long> counts, int shift) {
    if (counts.isEmpty()) {
      return new long[0];
    }
    int first = offset >> shift;
    int last = (offset + counts.size() - 1) >> shift;
    long[] merged = new long[last - first + 1];
    for (int i = 0; i < counts.size(); i++) {
      merged[((offset + i) >> shift) - first] += counts.get(i);
    }
    return merged;
  }

  /** {@code base^index} for {@code base = 2^(2^-scale)}. */
  static double bound(int index, int scale) {
    return scale >= 0 ? Math.pow(2, index / (double) (1 << scale)) : Math.pow(2, (double) index * (1L << -scale));
  }

  /**
   * An {@code le} label value as Prometheus client libraries write it: {@code +Inf}, {@code 1.0},
   * {@code 0.5}, {@code 0.0001} (plain digits, shortest round-trip representation).
   */
  public static String formatLe(double le) {
    if (le == Double.POSITIVE_INFINITY) {
      return "+Inf";
    }
    if (le == Double.NEGATIVE_INFINITY) {
      return "-Inf";
    }
    if (le == Math.rint(le) && Math.abs(le) < 1e15) {
      return (long) le + ".0";
    }
    return new BigDecimal(Double.toString(le)).stripTrailingZeros().toPlainString();
  }
}
