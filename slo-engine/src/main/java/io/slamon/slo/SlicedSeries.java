package io.slamon.slo;

import io.slamon.store.SampleReader.Point;
import java.util.Arrays;
import java.util.List;

/**
 * Per-slice views of stored series: the largest gauge value and the counter increase in each
 * slice. Slices without a sample are NaN ("no data"), never 0.
 */
public final class SlicedSeries {
  private SlicedSeries() {}

  /** Per slice, the largest value of any of {@code series} sampled in it (NaN values skipped). */
  public static double[] maxPerSlice(List<List<Point>> series, TimeSlices slices) {
    double[] max = nan(slices.count());
    for (List<Point> points : series) {
      for (Point p : points) {
        int i = slices.indexOf(p.timestampMillis());
        if (i >= 0 && !Double.isNaN(p.value()) && (Double.isNaN(max[i]) || p.value() > max[i])) {
          max[i] = p.value();
        }
      }
    }
    return max;
  }

  /**
   * Per slice, the increase of the counters, reset-aware as {@link CounterMath#increase}: each step
   * between consecutive points is counted in the slice of the later point, so the slices add up to
   * the increase over the whole window. A slice where no step ended is NaN.
   */
  public static double[] increasePerSlice(List<List<Point>> counters, TimeSlices slices) {
    double[] inc = nan(slices.count());
    for (List<Point> points : counters) {
      double previous = Double.NaN;
      for (Point p : points) {
        double v = p.value();
        if (Double.isNaN(v)) {
          continue;
        }
        int i = slices.indexOf(p.timestampMillis());
        if (!Double.isNaN(previous) && i >= 0) {
          double step = v >= previous ? v - previous : v;
          inc[i] = Double.isNaN(inc[i]) ? step : inc[i] + step;
        }
        previous = v;
      }
    }
    return inc;
  }

  /** Element-wise sum where NaN means "no data": NaN + x = x, NaN + NaN = NaN. */
  public static double[] plus(double[] a, double[] b) {
    double[] out = Arrays.copyOf(a, a.length);
    for (int i = 0; i < out.length; i++) {
      if (!Double.isNaN(b[i])) {
        out[i] = Double.isNaN(out[i]) ? b[i] : out[i] + b[i];
      }
    }
    return out;
  }

  static double[] nan(int n) {
    double[] a = new double[n];
    Arrays.fill(a, Double.NaN);
    return a;
  }
}
