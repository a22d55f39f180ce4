package io.slamon.store;

import io.slamon.store.internal.Json;
import io.slamon.store.internal.Timestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * {@link RollupReader} on {@code rollups_1m} and {@code rollups_1h} joined to {@code series}.
 * Totals read whole hours from the hourly table and only the partial hours at both ends from the
 * minute table, so a 30-day window costs ~720 + 120 rows per series instead of 43,200. Hours at or
 * after the writer's watermark ({@code rollup_progress}: hour rows are written when the hour closes)
 * are read from the minute table too.
 */
public final class PostgresRollupReader implements RollupReader {
  private static final String SCOPE = " coalesce(s.tenant, '') = ? AND s.metric = ? AND s.labels @> ?::jsonb";
  /** Hour rows before this are complete (one value per statement: an InitPlan). */
  private static final String HOURS_COMPLETE_BEFORE = "(SELECT hours_complete_before FROM rollup_progress)";
  /**
   * Per series s: minutes of the head, whole hours up to the watermark, minutes from there to the
   * end (7 timestamp parameters: from, hoursFrom; hoursFrom, hoursTo; hoursFrom, hoursTo, to).
   */
  private static final String TIERED_TOTAL = "SELECT sum(u.c) AS c, sum(u.i) AS i FROM ("
      + " SELECT r.count AS c, r.increase AS i FROM rollups_1m r WHERE r.series_id = s.id AND r.minute >= ? AND r.minute < ?"
      + " UNION ALL SELECT h.count, h.increase FROM rollups_1h h WHERE h.series_id = s.id AND h.hour >= ?"
      + "   AND h.hour < least(?::timestamptz, " + HOURS_COMPLETE_BEFORE + ")"
      + " UNION ALL SELECT r.count, r.increase FROM rollups_1m r WHERE r.series_id = s.id"
      + "   AND r.minute >= greatest(?::timestamptz, least(?::timestamptz, " + HOURS_COMPLETE_BEFORE + ")) AND r.minute < ?"
      + ") u";

  private final DataSource dataSource;

  PostgresRollupReader(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public List<RollupSeries> rollups(String tenant, String metric, Map<String, String> labelMatchers, Instant from,
      Instant to) {
    requireArguments(tenant, metric, from, to);
    Map<Long, Map<String, String>> labels = new LinkedHashMap<>();
    Map<Long, List<Minute>> minutes = new LinkedHashMap<>();
    select("SELECT s.id, s.labels::text, r.minute, r.count, r.sum, r.min, r.max, r.first, r.last, r.increase"
        + " FROM series s JOIN rollups_1m r ON r.series_id = s.id WHERE" + SCOPE + " AND r.minute >= ? AND r.minute < ?"
        + " ORDER BY s.id, r.minute", tenant, metric, ps -> {
          bindScope(ps, 1, tenant, metric, labelMatchers);
          Timestamps.set(ps, 4, from);
          Timestamps.set(ps, 5, to);
        }, rs -> {
          long id = rs.getLong(1);
          if (!labels.containsKey(id)) {
            labels.put(id, Json.readStrings(rs.getString(2)));
            minutes.put(id, new ArrayList<>());
          }
          minutes.get(id).add(new Minute(Timestamps.get(rs, "minute"), rs.getInt(4), rs.getDouble(5), rs.getDouble(6),
              rs.getDouble(7), rs.getDouble(8), rs.getDouble(9), rs.getDouble(10)));
        });
    return labels.entrySet().stream()
        .map(e -> new RollupSeries(tenant, metric, e.getValue(), minutes.get(e.getKey())))
        .toList();
  }

  @Override
  public List<SeriesTotal> totals(String tenant, String metric, Map<String, String> labelMatchers, Instant from,
      Instant to) {
    requireArguments(tenant, metric, from, to);
    List<SeriesTotal> result = new ArrayList<>();
    select("SELECT s.labels::text, x.c, x.i FROM series s CROSS JOIN LATERAL (" + TIERED_TOTAL + ") x"
        + " WHERE" + SCOPE + " AND x.c IS NOT NULL ORDER BY s.id", tenant, metric, ps -> {
          bindTiers(ps, 1, from, to);
          bindScope(ps, 8, tenant, metric, labelMatchers);
        }, rs -> result.add(new SeriesTotal(tenant, metric, Json.readStrings(rs.getString(1)), rs.getLong(2),
            rs.getDouble(3))));
    return result;
  }

  @Override
  public Map<String, List<SeriesTotal>> totalsOfAllTenants(String metric, Instant from, Instant to) {
    requireArguments(null, metric, from, to);
    Map<String, List<SeriesTotal>> result = new HashMap<>();
    select("SELECT s.tenant, s.labels::text, x.c, x.i FROM series s CROSS JOIN LATERAL (" + TIERED_TOTAL + ") x"
        + " WHERE s.tenant IS NOT NULL AND s.metric = ? AND x.c IS NOT NULL ORDER BY s.id", null, metric, ps -> {
          bindTiers(ps, 1, from, to);
          ps.setString(8, metric);
        }, rs -> result.computeIfAbsent(rs.getString(1), t -> new ArrayList<>())
            .add(new SeriesTotal(rs.getString(1), metric, Json.readStrings(rs.getString(2)), rs.getLong(3),
                rs.getDouble(4))));
    return result;
  }

  /**
   * Summed per series and slice in the database (one row per series and slice with data). The
   * slice index is computed from the minute's start, or from {@code from} for the minute holding it.
   */
  @Override
  public List<SlicedTotals> sliceTotals(String tenant, String metric, Map<String, String> labelMatchers, Instant from, Instant to,
      Duration slice) {
    requireArguments(tenant, metric, from, to);
    Objects.requireNonNull(slice, "slice");
    long length = slice.toMillis();
    if (length <= 0) {
      throw new IllegalArgumentException("Illegal slice " + slice + ": expecting a positive duration");
    }
    Map<Long, Map<String, String>> labels = new LinkedHashMap<>();
    Map<Long, List<SliceTotal>> slices = new LinkedHashMap<>();
    select("SELECT s.id, s.labels::text, x.k, sum(r.count), sum(r.sum), min(r.min), max(r.max), sum(r.increase), count(*)"
        + " FROM series s JOIN rollups_1m r ON r.series_id = s.id"
        + " CROSS JOIN LATERAL (SELECT floor(extract(epoch FROM greatest(r.minute, ?::timestamptz) - ?::timestamptz) * 1000 / ?::bigint)::int AS k) x"
        + " WHERE" + SCOPE + " AND r.minute >= ? AND r.minute < ?"
        + " GROUP BY s.id, s.labels::text, x.k ORDER BY s.id, x.k", tenant, metric, ps -> {
          Timestamps.set(ps, 1, from);
          Timestamps.set(ps, 2, from);
          ps.setLong(3, length);
          bindScope(ps, 4, tenant, metric, labelMatchers);
          Timestamps.set(ps, 7, from.truncatedTo(ChronoUnit.MINUTES));
          Timestamps.set(ps, 8, to);
        }, rs -> {
          long id = rs.getLong(1);
          if (!labels.containsKey(id)) {
            labels.put(id, Json.readStrings(rs.getString(2)));
            slices.put(id, new ArrayList<>());
          }
          slices.get(id).add(new SliceTotal(rs.getInt(3), rs.getLong(4), rs.getDouble(5), rs.getDouble(6), rs.getDouble(7),
              rs.getDouble(8), rs.getInt(9)));
        });
    return labels.entrySet().stream()
        .map(e -> new SlicedTotals(tenant, metric, e.getValue(), slices.get(e.getKey())))
        .toList();
  }

  /** Head minutes, whole hours, tail minutes of [from, to); empty ranges where there are none. */
  private static void bindTiers(PreparedStatement ps, int first, Instant from, Instant to) throws SQLException {
    Instant hoursFrom = from.truncatedTo(ChronoUnit.HOURS);
    if (hoursFrom.isBefore(from)) {
      hoursFrom = hoursFrom.plus(Duration.ofHours(1));
    }
    Instant hoursTo = to.truncatedTo(ChronoUnit.HOURS);
    Instant[] bounds = hoursFrom.isBefore(hoursTo)
        ? new Instant[] {from, hoursFrom, hoursFrom, hoursTo, hoursFrom, hoursTo, to}
        : new Instant[] {from, to, to, to, to, to, to}; // under an hour boundary to boundary: minutes only
    for (int i = 0; i < bounds.length; i++) {
      Timestamps.set(ps, first + i, bounds[i]);
    }
  }

  private static void bindScope(PreparedStatement ps, int first, String tenant, String metric,
      Map<String, String> labelMatchers) throws SQLException {
    ps.setString(first, tenant == null ? "" : tenant);
    ps.setString(first + 1, metric);
    ps.setString(first + 2, Json.write(labelMatchers == null ? Map.of() : labelMatchers));
  }

  private static void requireArguments(String tenant, String metric, Instant from, Instant to) {
    PostgresSampleStore.requireTenant(tenant);
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
  }

  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private interface RowConsumer {
    void accept(ResultSet rs) throws SQLException;
  }

  private void select(String sql, String tenant, String metric, Binder binder, RowConsumer rows) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.accept(rs);
        }
      }
    } catch (SQLException e) {
      throw new StoreException("could not read rollups of " + metric + " for "
          + (tenant == null ? "the provider scope or all tenants" : "tenant " + tenant) + ": " + e.getMessage(), e);
    }
  }
}
