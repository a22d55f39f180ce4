package io.slamon.store;

import java.time.Instant;
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
