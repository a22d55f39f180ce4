package io.slamon.slo;

import io.slamon.store.RollupReader.Minute;
import io.slamon.store.RollupReader.SliceTotal;
import io.slamon.store.RollupReader.SlicedTotals;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Per-slice views of the 1-minute rollups, summed per series and slice by the store ({@code
 * RollupReader.sliceTotals}): the largest gauge value and the counter increase in each slice. A
 * minute belongs to the slice holding its start; the minute holding the window's start belongs to
 * the first slice (its samples cannot be split, and the window reads the minutes starting in
 * {@code [floor(from), to)}, as {@link StoredSliSource} does). Slices without a minute are NaN ("no
 * data"), never 0.
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

  /** Per slice, the largest {@code max} of any of {@code series} (NaN values skipped). */
  public static double[] maxPerSlice(List<SlicedTotals> series, int slices) {
    return perSlice(series, slices, SliceTotal::max, Math::max);
  }

  /**
   * Per slice, the counter increase of {@code series} summed: each minute's increase already holds
   * the reset-aware step from the sample before it, so the slices add up to the increase over the
   * whole window.
   */
  public static double[] increasePerSlice(List<SlicedTotals> series, int slices) {
    return perSlice(series, slices, SliceTotal::increase, Double::sum);
  }

  private static double[] perSlice(List<SlicedTotals> series, int slices, ToDoubleFunction<SliceTotal> field,
      java.util.function.DoubleBinaryOperator combine) {
    double[] out = nan(slices);
    for (SlicedTotals s : series) {
      for (SliceTotal t : s.slices()) {
        double v = field.applyAsDouble(t);
        int i = t.slice();
        if (i >= 0 && i < slices && !Double.isNaN(v)) {
          out[i] = Double.isNaN(out[i]) ? v : combine.applyAsDouble(out[i], v);
        }
      }
    }
    return out;
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
