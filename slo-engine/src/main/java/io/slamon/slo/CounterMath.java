package io.slamon.slo;

import java.util.List;

/**
 * Counter arithmetic as Prometheus does it, without extrapolation: the increase of a monotonic
 * counter over a run of points, where a drop means the process restarted and counted from zero.
 */
public final class CounterMath {
  private CounterMath() {}

  /**
   * Sum of the positive steps between consecutive values; after a reset (value lower than the one
   * before) the new value itself is the increase since the restart. NaN values are skipped.
   */
  public static double increase(List<Double> values) {
    double total = 0;
    double previous = Double.NaN;
    for (double v : values) {
      if (Double.isNaN(v)) {
        continue;
      }
      if (!Double.isNaN(previous)) {
        total += v >= previous ? v - previous : v;
      }
      previous = v;
    }
    return total;
  }
}
