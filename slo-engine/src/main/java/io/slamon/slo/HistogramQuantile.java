package io.slamon.slo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Quantiles and "share under X" from classic (cumulative-bucket) histograms, computed exactly as
 * Prometheus' {@code histogram_quantile} does (promql/quantile.go, {@code bucketQuantile}), so a
 * p95 shown by slamon equals the one a Grafana panel over Prometheus shows for the same buckets.
 */
public final class HistogramQuantile {
  /** Relative tolerance Prometheus uses to treat float noise between buckets as equal counts. */
  private static final double PRECISION_TOLERANCE = 1e-12;

  private HistogramQuantile() {}

  /**
   * The {@code q}-quantile of the buckets (in any order). Follows Prometheus: NaN for q NaN, -Inf
   * for q &lt; 0, +Inf for q &gt; 1; NaN when the highest bucket is not +Inf, when fewer than two
   * distinct bounds remain, or when there are no observations. Equal bounds are merged, float noise
   * below 1e-12 relative is smoothed and decreasing counts are raised to the running maximum.
   * Interpolation is linear inside the bucket; the lowest bucket starts at 0 when its bound is
   * positive (else its bound is returned); a rank in the +Inf bucket returns the second-highest
   * bound.
   */
  public static double quantile(double q, List<HistogramBucket> buckets) {
    if (Double.isNaN(q)) {
      return Double.NaN;
    }
    if (q < 0) {
      return Double.NEGATIVE_INFINITY;
    }
    if (q > 1) {
      return Double.POSITIVE_INFINITY;
    }
    List<HistogramBucket> b = prepare(buckets);
    if (b == null || b.size() < 2) {
      return Double.NaN;
    }
    int last = b.size() - 1;
    double observations = b.get(last).count();
    if (observations == 0) {
      return Double.NaN;
    }
    double rank = q * observations;
    // sort.Search over all but the +Inf bucket: first index whose count reaches the rank
    int i = 0;
    while (i < last && b.get(i).count() < rank) {
      i++;
    }
    if (i == last) {
      return b.get(last - 1).upperBound();
    }
    if (i == 0 && b.get(0).upperBound() <= 0) {
      return b.get(0).upperBound();
    }
    double bucketStart = 0;
    double bucketEnd = b.get(i).upperBound();
    double count = b.get(i).count();
    if (i > 0) {
      bucketStart = b.get(i - 1).upperBound();
      count -= b.get(i - 1).count();
      rank -= b.get(i - 1).count();
    }
    return bucketStart + (bucketEnd - bucketStart) * (rank / count);
  }

  /** The prepared buckets when {@code x} is a number and they hold observations, else null. */
  private static List<HistogramBucket> withObservations(double x, List<HistogramBucket> buckets) {
    if (Double.isNaN(x)) {
      return null;
    }
    List<HistogramBucket> b = prepare(buckets);
    return b == null || b.get(b.size() - 1).count() == 0 ? null : b;
  }

  /**
   * Share of observations at most {@code x}, judged conservatively: the cumulative count of the
   * largest bucket bound &lt;= x divided by all observations. A threshold between two bounds is
   * never interpolated upwards, so a contract is never judged too kindly. NaN without observations
   * or without a +Inf bucket; 0 when x is below every bound.
   */
  public static double shareAtOrBelow(double x, List<HistogramBucket> buckets) {
    List<HistogramBucket> b = withObservations(x, buckets);
    if (b == null) {
      return Double.NaN;
    }
    double observations = b.get(b.size() - 1).count();
    double good = 0;
    for (HistogramBucket bucket : b) {
      if (bucket.upperBound() <= x) {
        good = bucket.count();
      }
    }
    return good / observations;
  }

  /**
   * Share of observations at most {@code x} with the same linear interpolation and the same
   * natural lower bound 0 as {@link #quantile}, so that {@code interpolatedShareAtOrBelow(
   * quantile(q, b), b) == q} inside a bucket (the inverse Prometheus' {@code histogram_fraction}
   * documents). Above the highest finite bound, 1.0 is only reached at +Inf: the +Inf bucket's
   * content is counted as above every finite x.
   */
  public static double interpolatedShareAtOrBelow(double x, List<HistogramBucket> buckets) {
    List<HistogramBucket> b = withObservations(x, buckets);
    if (b == null) {
      return Double.NaN;
    }
    double observations = b.get(b.size() - 1).count();
    if (x == Double.POSITIVE_INFINITY) {
      return 1.0;
    }
    double previousBound = Math.min(0, b.get(0).upperBound());
    double previousCount = 0;
    for (HistogramBucket bucket : b) {
      if (bucket.upperBound() == Double.POSITIVE_INFINITY) {
        break;
      }
      if (x < bucket.upperBound()) {
        if (x <= previousBound) {
          return previousCount / observations;
        }
        double inBucket = (bucket.count() - previousCount) * (x - previousBound) / (bucket.upperBound() - previousBound);
        return (previousCount + inBucket) / observations;
      }
      previousBound = bucket.upperBound();
      previousCount = bucket.count();
    }
    return previousCount / observations;
  }

  /**
   * Sorted, coalesced, precision-corrected, monotonic copy of the buckets, or null when the highest
   * bound is not +Inf (Prometheus answers NaN then).
   */
  private static List<HistogramBucket> prepare(List<HistogramBucket> input) {
    if (input.isEmpty()) {
      return null;
    }
    List<HistogramBucket> sorted = new ArrayList<>(input);
    sorted.sort(Comparator.comparingDouble(HistogramBucket::upperBound));
    if (sorted.get(sorted.size() - 1).upperBound() != Double.POSITIVE_INFINITY) {
      return null;
    }
    List<double[]> merged = new ArrayList<>();
    for (HistogramBucket bucket : sorted) {
      double[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && last[0] == bucket.upperBound()) {
        last[1] += bucket.count();
      } else {
        merged.add(new double[] {bucket.upperBound(), bucket.count()});
      }
    }
    double previous = merged.get(0)[1];
    for (int i = 1; i < merged.size(); i++) {
      double current = merged.get(i)[1];
      double delta = Math.abs(current - previous);
      if (delta == 0) {
        continue;
      }
      if (delta / current <= PRECISION_TOLERANCE) {
        merged.get(i)[1] = previous;
      } else {
        previous = current;
      }
    }
    double max = merged.get(0)[1];
    for (int i = 1; i < merged.size(); i++) {
      if (merged.get(i)[1] > max) {
        max = merged.get(i)[1];
      } else if (merged.get(i)[1] < max) {
        merged.get(i)[1] = max;
      }
    }
    List<HistogramBucket> out = new ArrayList<>(merged.size());
    for (double[] m : merged) {
      out.add(new HistogramBucket(m[0], m[1]));
    }
    return out;
  }
}
