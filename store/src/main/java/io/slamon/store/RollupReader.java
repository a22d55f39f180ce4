package io.slamon.store;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the 1-minute rollups, always scoped to one tenant (or the provider scope) exactly like
 * {@link SampleReader}. What long windows (SLO periods, burn rates, dashboards) read instead of
 * raw samples; see docs/storage.md "Rollups".
 */
public interface RollupReader {
  /**
   * The rollup rows of the series of {@code metric} owned by {@code tenant} ({@code null}: provider
   * scope) whose labels contain every entry of {@code labelMatchers}, for the minutes that
   * <em>start</em> in {@code [from, to)}, per series in time order.
   */
  List<RollupSeries> rollups(String tenant, String metric, Map<String, String> labelMatchers, Instant from, Instant to);

  /**
   * The same selection summed per series in the database: what counter-based SLIs need over
   * long windows without shipping every minute to the caller.
   */
  List<SeriesTotal> totals(String tenant, String metric, Map<String, String> labelMatchers, Instant from, Instant to);

  /**
   * {@link #totals} of {@code metric} (no label matchers) for every tenant at once, keyed by tenant;
   * the provider scope is left out. One query per metric and window serves a whole evaluation
   * round. Only for code that works for all tenants (the SLO evaluator): never hand the map, only
   * a tenant's own entry, to anything tenant-facing.
   */
  Map<String, List<SeriesTotal>> totalsOfAllTenants(String metric, Instant from, Instant to);

  /**
   * The same selection summed per series and time slice: slices of {@code slice} from {@code
   * from}, the last one ending at {@code to} (and possibly shorter). Reads the minutes starting in
   * {@code [floor(from), to)}; a minute belongs to the slice holding its start, and the minute
   * holding {@code from} to the first slice. What time-sliced SLIs need over long windows: one row
   * per series and slice with data instead of one per minute. This default sums {@link #rollups};
   * {@code PostgresRollupReader} sums in the database.
   */
  default List<SlicedTotals> sliceTotals(String tenant, String metric, Map<String, String> labelMatchers, Instant from, Instant to,
      Duration slice) {
    return perSlice(rollups(tenant, metric, labelMatchers, from.truncatedTo(ChronoUnit.MINUTES), to), from, slice);
  }

  /**
   * Minute rows summed per slice of {@code slice} from {@code from}: the rule of {@link
   * #sliceTotals} (a minute in the slice holding its start; one starting before {@code from} in
   * the first), in Java.
   */
  static List<SlicedTotals> perSlice(List<RollupSeries> series, Instant from, Duration slice) {
    long origin = from.toEpochMilli();
    long length = slice.toMillis();
    if (length <= 0) {
      throw new IllegalArgumentException("Illegal slice " + slice + ": expecting a positive duration");
    }
    List<SlicedTotals> out = new ArrayList<>();
    for (RollupSeries s : series) {
      List<SliceTotal> slices = new ArrayList<>();
      for (Minute m : s.minutes()) {
        int k = (int) ((Math.max(m.minute().toEpochMilli(), origin) - origin) / length);
        SliceTotal t = new SliceTotal(k, m.count(), m.sum(), m.min(), m.max(), m.increase(), 1);
        int last = slices.size() - 1;
        if (last >= 0 && slices.get(last).slice() == k) {
          slices.set(last, slices.get(last).plus(t));
        } else {
          slices.add(t);
        }
      }
      out.add(new SlicedTotals(s.tenant(), s.metric(), s.labels(), slices));
    }
    return out;
  }

  /**
   * One minute of one series. NaN samples are left out of every field.
   *
   * @param minute start of the UTC minute
   * @param count samples in the minute
   * @param increase counter increase in the minute: reset-aware steps between its samples plus
   *     the step from the series' previous sample (up to an hour earlier) into the minute, so the
   *     increases of adjacent minutes add up to the increase over the whole range
   */
  record Minute(Instant minute, int count, double sum, double min, double max, double first, double last,
      double increase) {
    public Minute {
      Objects.requireNonNull(minute, "minute");
    }
  }

  /** A series and its rollup rows in time order. */
  record RollupSeries(String tenant, String metric, Map<String, String> labels, List<Minute> minutes) {
    public RollupSeries {
      labels = Map.copyOf(labels);
      minutes = List.copyOf(minutes);
    }
  }

  /**
   * One series' minutes of one slice, combined: {@code count}, {@code sum}, {@code increase} summed,
   * {@code min} of the minima, {@code max} of the maxima, {@code minutes} the rows combined.
   *
   * @param slice index of the slice from the window's start (0 = first)
   */
  record SliceTotal(int slice, long count, double sum, double min, double max, double increase, int minutes) {
    /** This slice's minutes and {@code o}'s together (same slice). */
    public SliceTotal plus(SliceTotal o) {
      return new SliceTotal(slice, count + o.count, sum + o.sum, Math.min(min, o.min), Math.max(max, o.max), increase + o.increase,
          minutes + o.minutes);
    }
  }

  /** A series and its slices with data, in slice order. */
  record SlicedTotals(String tenant, String metric, Map<String, String> labels, List<SliceTotal> slices) {
    public SlicedTotals {
      labels = Map.copyOf(labels);
      slices = List.copyOf(slices);
    }
  }

  /**
   * A series' rollups summed over the selected minutes.
   *
   * @param count samples in the selected minutes
   * @param increase sum of the minutes' counter increases
   */
  record SeriesTotal(String tenant, String metric, Map<String, String> labels, long count, double increase) {
    public SeriesTotal {
      labels = Map.copyOf(labels);
    }
  }
}
