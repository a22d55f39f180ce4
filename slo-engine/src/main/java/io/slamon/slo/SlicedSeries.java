package io.slamon.slo;

import io.slamon.store.RollupReader.Minute;
import io.slamon.store.RollupReader.RollupSeries;
import io.slamon.store.SampleReader.Point;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Per-slice views of the 1-minute rollups: the largest gauge value and the counter increase in each
 * slice. A minute belongs to the slice holding its start; the minute holding the window's start
 * belongs to the first slice (its samples cannot be split, and the window reads the minutes
 * starting in {@code [floor(from), to)}, as {@link StoredSliSource} does). Slices without a minute
 * are NaN ("no data"), never 0.
 */
public final class SlicedSeries {
  private static final long MINUTE_MILLIS = 60_000;

  private SlicedSeries() {}

  /**
   * The instant a minute row is placed at when cut into slices from {@code from}: its start, except
   * the minute holding {@code from}, which is placed at {@code from} (so it falls into the first slice).
   */
  public static long at(Minute m, Instant from) {
    long start = m.minute().toEpochMilli();
    long f = from.toEpochMilli();
    return start < f && start + MINUTE_MILLIS > f ? f : start;
  }

  /** One point per minute row of {@code series}: placed by {@link #at}, valued by {@code field}. */
  public static List<List<Point>> points(List<RollupSeries> series, Instant from, ToDoubleFunction<Minute> field) {
    List<List<Point>> out = new ArrayList<>(series.size());
    for (RollupSeries s : series) {
      out.add(minutePoints(s.minutes(), from, field));
    }
    return out;
  }

  /** The points of one series' minutes: placed by {@link #at}, valued by {@code field}. */
  public static List<Point> minutePoints(List<Minute> minutes, Instant from, ToDoubleFunction<Minute> field) {
    List<Point> out = new ArrayList<>(minutes.size());
    for (Minute m : minutes) {
      out.add(new Point(at(m, from), field.applyAsDouble(m)));
    }
    return out;
  }

  /** Per slice, the largest value of any of {@code series} in it (NaN values skipped). */
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
   * Per slice, the sum of the values of {@code series} in it (NaN values skipped). Fed with the
   * minutes' {@code increase} it is the counter increase per slice: each minute's increase already
   * holds the reset-aware step from the sample before it, so the slices add up to the increase over
   * the whole window. A slice without a minute is NaN.
   */
  public static double[] sumPerSlice(List<List<Point>> series, TimeSlices slices) {
    double[] sum = nan(slices.count());
    for (List<Point> points : series) {
      for (Point p : points) {
        int i = slices.indexOf(p.timestampMillis());
        if (i >= 0 && !Double.isNaN(p.value())) {
          sum[i] = Double.isNaN(sum[i]) ? p.value() : sum[i] + p.value();
        }
      }
    }
    return sum;
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
