package io.slamon.slo;

import io.slamon.store.SampleReader.Point;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The time-based built-in SLIs: each slice of the window is good (1/1), bad (0/1) or without data
 * ({@link SliCounts#NONE}, left out like a slice without traffic). Summing the slices gives
 * good slices / slices with data; the slice budgeting methods use the list as it is.
 */
public final class TimeBasedSlis {
  private static final SliCounts GOOD = new SliCounts(1, 1);
  private static final SliCounts BAD = new SliCounts(0, 1);

  private TimeBasedSlis() {}

  /** Queue depth: a slice is good when the largest queue sampled in it is at most {@code threshold}. */
  public static List<SliCounts> queueDepthUnder(double[] maxPerSlice, double threshold) {
    List<SliCounts> out = new ArrayList<>(maxPerSlice.length);
    for (double max : maxPerSlice) {
      out.add(Double.isNaN(max) ? SliCounts.NONE : max <= threshold ? GOOD : BAD);
    }
    return out;
  }

  /**
   * RAG index freshness measured at {@code timeMillis}: the largest lag then ({@code lagSeconds})
   * and the lag the index was left at ({@code lastLagSeconds}, what holds into later slices). A
   * single measurement (an event) has both equal; a rollup minute has its max and its last sample.
   */
  public record Freshness(String index, long timeMillis, double lagSeconds, double lastLagSeconds) {
    public Freshness {
      Objects.requireNonNull(index, "index");
      for (double lag : new double[] {lagSeconds, lastLagSeconds}) {
        if (Double.isNaN(lag) || lag < 0) {
          throw new IllegalArgumentException("Illegal freshness " + lag + " s for index " + index + ": expecting a number >= 0");
        }
      }
    }

    /** One measurement: largest and last lag are the same. */
    public Freshness(String index, long timeMillis, double lagSeconds) {
      this(index, timeMillis, lagSeconds, lagSeconds);
    }
  }

  /**
   * RAG freshness: per index, a slice's lag is the largest measurement in it, or else the last lag
   * of the last measurement before it if at most {@code staleAfter} old (a gauge holds its value, as in Prometheus'
   * lookback). A slice is good when every index with a value lags at most {@code thresholdSeconds};
   * without any value it has no data.
   */
  public static List<SliCounts> freshnessUnder(List<Freshness> measurements, TimeSlices slices, double thresholdSeconds, Duration staleAfter) {
    Map<String, List<Freshness>> byIndex = new TreeMap<>();
    for (Freshness f : measurements) {
      byIndex.computeIfAbsent(f.index(), k -> new ArrayList<>()).add(f);
    }
    int n = slices.count();
    double[] worst = SlicedSeries.nan(n);
    for (List<Freshness> series : byIndex.values()) {
      series.sort(Comparator.comparingLong(Freshness::timeMillis));
      int next = 0;
      Freshness lastBefore = null;
      for (int i = 0; i < n; i++) {
        TimeInterval s = slices.slice(i);
        double max = Double.NaN;
        while (next < series.size() && series.get(next).timeMillis() < s.end().toEpochMilli()) {
          Freshness f = series.get(next++);
          if (f.timeMillis() >= s.start().toEpochMilli()) {
            max = Double.isNaN(max) ? f.lagSeconds() : Math.max(max, f.lagSeconds());
          }
          lastBefore = f;
        }
        if (Double.isNaN(max) && lastBefore != null && s.start().toEpochMilli() - lastBefore.timeMillis() <= staleAfter.toMillis()) {
          max = lastBefore.lastLagSeconds();
        }
        if (!Double.isNaN(max)) {
          worst[i] = Double.isNaN(worst[i]) ? max : Math.max(worst[i], max);
        }
      }
    }
    return queueDepthUnder(worst, thresholdSeconds);
  }

  /**
   * GPU capacity: a slice is good when at least {@code reserved} GPUs reported in it (a sample of
   * their presence series) and showed no XID error (the XID series is 0 or absent in that slice).
   * A slice where fewer reported — including none — is short: a guarantee needs evidence, the same
   * rule as {@link CapacityGuarantee}.
   *
   * @param presence per GPU (e.g. by UUID) its samples of an always-present DCGM gauge
   * @param xidErrors per GPU its {@code DCGM_FI_DEV_XID_ERRORS} samples (last XID code, 0 = none)
   */
  public static List<SliCounts> gpuCapacity(Map<String, List<Point>> presence, Map<String, List<Point>> xidErrors, int reserved, TimeSlices slices) {
    if (reserved <= 0) {
      throw new IllegalArgumentException("Illegal reservation of " + reserved + " GPUs: expecting at least 1");
    }
    int n = slices.count();
    int[] healthy = new int[n];
    for (var gpu : presence.entrySet()) {
      boolean[] reported = new boolean[n];
      for (Point p : gpu.getValue()) {
        int i = slices.indexOf(p.timestampMillis());
        if (i >= 0) {
          reported[i] = true;
        }
      }
      boolean[] failed = new boolean[n];
      for (Point p : xidErrors.getOrDefault(gpu.getKey(), List.of())) {
        int i = slices.indexOf(p.timestampMillis());
        if (i >= 0 && p.value() > 0) {
          failed[i] = true;
        }
      }
      for (int i = 0; i < n; i++) {
        if (reported[i] && !failed[i]) {
          healthy[i]++;
        }
      }
    }
    List<SliCounts> out = new ArrayList<>(n);
    for (int h : healthy) {
      out.add(h >= reserved ? GOOD : BAD);
    }
    return out;
  }

  /**
   * Token anomaly: {@code consumption} holds tokens per slice for the baseline period followed by
   * the evaluated window (NaN = no data). The first {@code baselineSlices} entries only serve as
   * history. A judged slice's normal is the median of the data slices among the {@code
   * baselineSlices} before it; the slice is good when it consumed at most {@code factor} × normal.
   * Slices without data, without history, or with a normal of 0 are not judged (3 × 0 says nothing).
   */
  public static List<SliCounts> tokenAnomaly(double[] consumption, int baselineSlices, double factor) {
    if (!(factor > 0) || Double.isInfinite(factor)) {
      throw new IllegalArgumentException("Illegal token anomaly factor " + factor + ": expecting a finite number > 0");
    }
    if (baselineSlices <= 0 || baselineSlices > consumption.length) {
      throw new IllegalArgumentException("Illegal baseline of " + baselineSlices + " slices for " + consumption.length + " slices of data");
    }
    List<SliCounts> out = new ArrayList<>(consumption.length - baselineSlices);
    for (int i = baselineSlices; i < consumption.length; i++) {
      double normal = median(consumption, i - baselineSlices, i);
      if (Double.isNaN(consumption[i]) || Double.isNaN(normal) || normal <= 0) {
        out.add(SliCounts.NONE);
      } else {
        out.add(consumption[i] <= factor * normal ? GOOD : BAD);
      }
    }
    return out;
  }

  /** Median of the non-NaN values in {@code [from, to)}; NaN when there are none. */
  static double median(double[] values, int from, int to) {
    double[] data = Arrays.stream(values, from, to).filter(v -> !Double.isNaN(v)).sorted().toArray();
    if (data.length == 0) {
      return Double.NaN;
    }
    int mid = data.length / 2;
    return data.length % 2 == 1 ? data[mid] : (data[mid - 1] + data[mid]) / 2;
  }

  /** The sum of the slices: good slices / slices with data. */
  public static SliCounts sum(List<SliCounts> slices) {
    double good = 0;
    double total = 0;
    for (SliCounts s : slices) {
      good += s.good();
      total += s.total();
    }
    return new SliCounts(good, total);
  }
}
