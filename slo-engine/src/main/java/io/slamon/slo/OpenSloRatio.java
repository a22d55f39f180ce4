package io.slamon.slo;

import io.slamon.core.openslo.Operator;

/**
 * OpenSLO {@code openslo/v1} indicator semantics as good/total counts: {@code ratioMetric} with
 * {@code good}/{@code total}, {@code bad}/{@code total} or one {@code raw} ratio ({@code rawType:
 * success | failure}), and {@code thresholdMetric}, whose value is compared with the objective's
 * {@code op}/{@code value} once per slice.
 */
public final class OpenSloRatio {
  /** OpenSLO {@code rawType}: whether a raw ratio measures success or failure. */
  public enum RawType {
    SUCCESS,
    FAILURE
  }

  private OpenSloRatio() {}

  /** {@code good} over {@code total}. */
  public static SliCounts goodOverTotal(double good, double total) {
    return new SliCounts(good, total);
  }

  /** {@code bad} over {@code total}: good = total − bad; more bad than total is rejected, not clipped. */
  public static SliCounts badOverTotal(double bad, double total) {
    if (bad < 0 || bad > total + 1e-9) {
      throw new IllegalArgumentException("Illegal SLI counts bad=" + bad + " total=" + total + ": expecting 0 <= bad <= total");
    }
    return new SliCounts(Math.max(0, total - bad), total);
  }

  /**
   * One slice's raw ratio as one event: success r counts r good of 1, failure r counts 1 − r. NaN
   * (no data) is no event. Summed over slices this is the mean ratio (RatioTimeslices).
   */
  public static SliCounts raw(double ratio, RawType type) {
    if (Double.isNaN(ratio)) {
      return SliCounts.NONE;
    }
    if (ratio < 0 || ratio > 1) {
      throw new IllegalArgumentException("Illegal raw ratio " + ratio + ": expecting 0 <= ratio <= 1");
    }
    return new SliCounts(type == RawType.SUCCESS ? ratio : 1 - ratio, 1);
  }

  /** One slice of a threshold metric: good when {@code value op threshold} holds; NaN is no data. */
  public static SliCounts threshold(double value, Operator op, double threshold) {
    if (Double.isNaN(value)) {
      return SliCounts.NONE;
    }
    return op.test(value, threshold) ? new SliCounts(1, 1) : new SliCounts(0, 1);
  }
}
