package io.slamon.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The SQL side of the rollups: moves a batch into {@code samples}, writes the minute rows that
 * {@link MinuteRollups} computed in memory, and recomputes from raw samples what memory could not
 * know exactly, all inside the writer's transaction.
 *
 * <p>Idempotence comes from the raw insert: {@code ON CONFLICT DO NOTHING RETURNING} reports which
 * samples were really new, and only those reach the rollups. A batch delivered twice (spool replay
 * after a lost acknowledgement) inserts nothing the second time and so touches no rollup.
 *
 * <p>Until 2026-11-25 every batch folded its new samples into the stored minute and hour rows in
 * one set-based statement (one minute upsert and one hour upsert per series and batch); at issue
 * 3's scale that was most of the database's CPU (docs/benchmarks.md "Storage"). The recompute below
 * is the reference definition: every touched (series, minute) from raw samples, in any order.
 *
 * <p>Assumes one writer per series at a time (the collector's single write queue).
 */
public final class RollupMaintenance {
  /**
   * How far back the previous sample of a series is looked for when computing the counter step
   * into a minute. A counter silent for longer starts over (like a new series), so a raw-sample
   * partition scan never reaches further back than this.
   */
  public static final String STEP_LOOKBACK = MinuteRollups.STEP_LOOKBACK_MILLIS / 1000 + " seconds";

  /** Same minutes in every session time zone (date_trunc on timestamptz would use the session's). */
  public static final String MINUTE_OF_TS = "date_bin('1 minute', %s, timestamptz '2000-01-01 00:00:00+00')";

  private static final String HOUR_OF = "date_bin('1 hour', %s, timestamptz '2000-01-01 00:00:00+00')";

  private RollupMaintenance() {}

  /** Creates the session's temp tables; cheap when they exist. */
  public static void prepare(Statement s) throws SQLException {
    // one round trip for all of them (each write's transaction starts here)
    s.execute("CREATE TEMP TABLE IF NOT EXISTS slamon_samples_in (series_id bigint, ts timestamptz,"
        + " value double precision) ON COMMIT DELETE ROWS;"
        + " CREATE TEMP TABLE IF NOT EXISTS slamon_rollup_keys (series_id bigint, minute timestamptz)"
        + " ON COMMIT DELETE ROWS;"
        + " CREATE TEMP TABLE IF NOT EXISTS slamon_rollup_new (series_id bigint, ts timestamptz,"
        + " value double precision) ON COMMIT DELETE ROWS;"
        // minute and hour rows computed in memory (MinuteRollups), on their way into rollups_1m/_1h
        + " CREATE TEMP TABLE IF NOT EXISTS slamon_rollup_rows (series_id bigint, minute timestamptz, count integer,"
        + " sum double precision, min double precision, max double precision, first double precision,"
        + " last double precision, last_ts timestamptz, increase double precision) ON COMMIT DELETE ROWS;"
        + " CREATE TEMP TABLE IF NOT EXISTS slamon_hour_rows (series_id bigint, hour timestamptz, count integer,"
        + " sum double precision, min double precision, max double precision, increase double precision)"
        + " ON COMMIT DELETE ROWS;"
        + " CREATE TEMP TABLE IF NOT EXISTS slamon_hour_keys (series_id bigint, hour timestamptz) ON COMMIT DELETE ROWS");
  }

  /**
   * Moves the rows of temp table {@code source} (series_id, ts, value) into {@code samples}, skipping
   * ones already stored; the really new non-NaN ones land in {@code slamon_rollup_new}. Returns the
   * number of new samples. The rollups are left to the caller ({@link MinuteRollups} in memory, then
   * {@link #upsert} and {@link #recompute(Connection, MinuteRollups.Plan)}).
   */
  public static int insertNew(Connection c, String source) throws SQLException {
    try (Statement s = c.createStatement()) {
      return insertNew(s, source);
    }
  }

  /** (series_id, ts in epoch ms) of the new samples of this transaction, for a partly repeated batch. */
  public static java.util.Set<MinuteRollups.Key> newSamples(Connection c) throws SQLException {
    java.util.Set<MinuteRollups.Key> fresh = new java.util.HashSet<>();
    try (Statement s = c.createStatement();
        java.sql.ResultSet rs = s.executeQuery("SELECT series_id, (extract(epoch FROM ts) * 1000)::bigint"
            + " FROM slamon_rollup_new")) {
      while (rs.next()) {
        fresh.add(new MinuteRollups.Key(rs.getLong(1), rs.getLong(2)));
      }
    }
    return fresh;
  }

  /**
   * Writes minute rows computed in memory: each overwrites its stored minute (it holds the whole
   * minute so far). Rows of minutes written for the first time (most of them: a minute is usually
   * written once, when it closes) are {@code COPY}ed straight into {@code rollups_1m}; if one
   * exists after all, from a savepoint they take the upsert path with the rest. Hours are written
   * separately ({@link #writeHours}), when they close.
   */
  public static void upsert(Connection c, java.util.List<MinuteRollups.Row> rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    java.util.List<MinuteRollups.Row> fresh = rows.stream().filter(MinuteRollups.Row::fresh).toList();
    java.util.List<MinuteRollups.Row> rest = fresh.size() == rows.size() ? java.util.List.of()
        : rows.stream().filter(r -> !r.fresh()).toList();
    if (!fresh.isEmpty()) {
      java.sql.Savepoint before = c.setSavepoint();
      try {
        copyIn(c, "rollups_1m (series_id, minute, count, sum, min, max, first, last, last_ts, increase)",
            minuteRows(fresh), fresh.size());
        c.releaseSavepoint(before);
      } catch (SQLException e) {
        if (!"23505".equals(e.getSQLState())) {
          throw e;
        }
        c.rollback(before); // a row existed after all (e.g. raw retention dropped the samples behind it)
        rest = rows;
      }
    }
    if (rest.isEmpty()) {
      return;
    }
    copyIn(c, "slamon_rollup_rows", minuteRows(rest), rest.size());
    try (Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO rollups_1m AS r (series_id, minute, count, sum, min, max, first, last, last_ts, increase)"
          + " SELECT series_id, minute, count, sum, min, max, first, last, last_ts, increase FROM slamon_rollup_rows"
          + " ON CONFLICT (series_id, minute) DO UPDATE SET count = EXCLUDED.count, sum = EXCLUDED.sum,"
          + "   min = EXCLUDED.min, max = EXCLUDED.max, first = EXCLUDED.first, last = EXCLUDED.last,"
          + "   last_ts = EXCLUDED.last_ts, increase = EXCLUDED.increase");
    }
  }

  private static PgBinaryCopy minuteRows(java.util.List<MinuteRollups.Row> rows) {
    PgBinaryCopy copy = new PgBinaryCopy();
    for (MinuteRollups.Row r : rows) {
      copy.row(10).int8(r.seriesId()).timestamptz(r.minuteMillis()).int4(r.count()).float8(r.sum()).float8(r.min())
          .float8(r.max()).float8(r.first()).float8(r.last()).timestamptz(r.lastTsMillis()).float8(r.increase());
    }
    return copy;
  }

  /**
   * The hour side of a plan, after its minute rows and recomputes: complete hour rows from memory
   * (each overwrites its hour), hours recomputed from their minute rows, on a writer's first
   * watermark move every hour a previous writer may have left unwritten, and the new watermark.
   */
  public static void writeHours(Connection c, MinuteRollups.Plan plan) throws SQLException {
    java.util.List<MinuteRollups.HourRow> rows = plan.hourRows();
    if (!rows.isEmpty()) {
      PgBinaryCopy copy = new PgBinaryCopy();
      for (MinuteRollups.HourRow r : rows) {
        copy.row(7).int8(r.seriesId()).timestamptz(r.hourMillis()).int4(r.count()).float8(r.sum()).float8(r.min())
            .float8(r.max()).float8(r.increase());
      }
      copyIn(c, "slamon_hour_rows", copy, rows.size());
      try (Statement s = c.createStatement()) {
        s.executeUpdate("INSERT INTO rollups_1h AS h (series_id, hour, count, sum, min, max, increase)"
            + " SELECT series_id, hour, count, sum, min, max, increase FROM slamon_hour_rows"
            + " ON CONFLICT (series_id, hour) DO UPDATE SET count = EXCLUDED.count, sum = EXCLUDED.sum,"
            + "   min = EXCLUDED.min, max = EXCLUDED.max, increase = EXCLUDED.increase");
      }
    }
    java.util.Set<MinuteRollups.Hour> keys = plan.hourRecomputeKeys();
    if (!keys.isEmpty()) {
      try (java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO slamon_hour_keys"
          + " SELECT id, to_timestamp(ms / 1000.0) FROM unnest(?::bigint[], ?::bigint[]) AS u(id, ms)");
          Statement s = c.createStatement()) {
        bindPairs(c, ps, keys.stream().mapToLong(MinuteRollups.Hour::seriesId).toArray(),
            keys.stream().mapToLong(MinuteRollups.Hour::hourMillis).toArray());
        ps.executeUpdate();
        s.executeUpdate(HOURS_FROM_MINUTES.formatted("SELECT DISTINCT series_id, hour FROM slamon_hour_keys"));
      }
    }
    if (plan.marksOpenHours()) {
      try (Statement s = c.createStatement()) {
        s.executeUpdate("UPDATE rollup_progress SET open_hours = true WHERE NOT open_hours");
      }
    }
    long watermark = plan.hoursCompleteBefore();
    if (watermark == MinuteRollups.NO_SAMPLE) {
      return;
    }
    long recoverFrom = plan.recoverHoursFrom();
    if (recoverFrom != MinuteRollups.NO_SAMPLE) {
      try (java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO rollups_1h AS h"
          + " (series_id, hour, count, sum, min, max, increase)"
          + " SELECT series_id, " + HOUR_OF.formatted("minute") + ", sum(count), sum(sum), min(min), max(max),"
          + "   sum(increase) FROM rollups_1m WHERE minute >= ? AND minute < ? GROUP BY 1, 2"
          + " ON CONFLICT (series_id, hour) DO UPDATE SET count = EXCLUDED.count, sum = EXCLUDED.sum,"
          + "   min = EXCLUDED.min, max = EXCLUDED.max, increase = EXCLUDED.increase")) {
        Timestamps.set(ps, 1, java.time.Instant.ofEpochMilli(recoverFrom));
        Timestamps.set(ps, 2, java.time.Instant.ofEpochMilli(watermark));
        ps.executeUpdate();
      }
    }
    try (java.sql.PreparedStatement ps = c.prepareStatement("UPDATE rollup_progress SET hours_complete_before = ?")) {
      Timestamps.set(ps, 1, java.time.Instant.ofEpochMilli(watermark));
      if (ps.executeUpdate() != 1) {
        throw new SQLException("rollup_progress has no row; the schema migration V4_2 did not run");
      }
    }
  }

  /** Loads the stored hour watermark and whether a writer may have left hours open (see {@link MinuteRollups}). */
  public static void loadHourProgress(Connection c, MinuteRollups rollups) throws SQLException {
    try (Statement s = c.createStatement();
        java.sql.ResultSet rs = s.executeQuery("SELECT (extract(epoch FROM hours_complete_before) * 1000)::bigint,"
            + " open_hours FROM rollup_progress")) {
      if (!rs.next()) {
        throw new SQLException("rollup_progress has no row; the schema migrations V4_2/V4_3 did not run");
      }
      rollups.loadHoursCompleteBefore(rs.getLong(1), rs.getBoolean(2));
    }
  }

  private static void copyIn(Connection c, String table, PgBinaryCopy copy, int size) throws SQLException {
    try {
      c.unwrap(org.postgresql.PGConnection.class).getCopyAPI().copyIn(
          "COPY " + table + " FROM STDIN (FORMAT binary)", new java.io.ByteArrayInputStream(copy.toByteArray()));
    } catch (java.io.IOException e) {
      throw new SQLException("COPY of " + size + " rows into " + table + " failed: " + e.getMessage(), e);
    }
  }

  /**
   * Anchors the series memory does not know: each one's newest stored non-NaN sample up to a day
   * before {@code firstMillis} (its first sample in the batch), and whether that sample's minute
   * row already includes it. Call before the batch's raw insert.
   */
  public static void anchor(Connection c, MinuteRollups.Plan plan, long[] ids, long[] firstMillis)
      throws SQLException {
    if (ids.length == 0) {
      return;
    }
    try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT u.id, (extract(epoch FROM a.ts) * 1000)::bigint,"
        + " a.value, r.last_ts IS NOT NULL AND r.last_ts >= a.ts"
        + " FROM unnest(?::bigint[], ?::bigint[]) AS u(id, ms)"
        + " LEFT JOIN LATERAL (SELECT p.ts, p.value FROM samples p WHERE p.series_id = u.id"
        + "   AND p.ts >= to_timestamp(u.ms / 1000.0) - interval '1 day' AND p.value <> 'NaN'"
        + "   ORDER BY p.ts DESC LIMIT 1) a ON true"
        + " LEFT JOIN rollups_1m r ON r.series_id = u.id AND r.minute = " + MINUTE_OF_TS.formatted("a.ts"))) {
      bindPairs(c, ps, ids, firstMillis);
      try (java.sql.ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long ts = rs.getLong(2);
          boolean none = rs.wasNull();
          plan.anchor(rs.getLong(1), none ? MinuteRollups.NO_SAMPLE : ts, none ? 0 : rs.getDouble(3), rs.getBoolean(4));
        }
      }
    }
  }

  /**
   * Recomputes from raw samples what the plan's memory could not know: its keys, each with the
   * stored minute after it, and their hours.
   */
  public static void recompute(Connection c, MinuteRollups.Plan plan) throws SQLException {
    java.util.Set<MinuteRollups.Key> keys = plan.recomputeKeys();
    if (keys.isEmpty()) {
      return;
    }
    try (java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO slamon_rollup_keys"
        + " SELECT id, to_timestamp(ms / 1000.0) FROM unnest(?::bigint[], ?::bigint[]) AS u(id, ms)");
        Statement s = c.createStatement()) {
      bindPairs(c, ps, keys.stream().mapToLong(MinuteRollups.Key::seriesId).toArray(),
          keys.stream().mapToLong(MinuteRollups.Key::minuteMillis).toArray());
      ps.executeUpdate();
      recompute(s);
    }
  }

  private static void bindPairs(Connection c, java.sql.PreparedStatement ps, long[] ids, long[] millis)
      throws SQLException {
    ps.setArray(1, c.createArrayOf("bigint", java.util.Arrays.stream(ids).boxed().toArray()));
    ps.setArray(2, c.createArrayOf("bigint", java.util.Arrays.stream(millis).boxed().toArray()));
  }

  /**
   * The reference maintenance: recomputes every touched (series, minute) from raw samples, in any
   * order. What {@link #insertAndRollUp} does only for late series; kept so that tests and the
   * storage benchmark can compare the in-memory rollups against it.
   */
  public static int insertAndRecompute(Connection c, String source) throws SQLException {
    try (Statement s = c.createStatement()) {
      int fresh = insertNew(s, source);
      if (fresh == 0) {
        return 0;
      }
      s.executeUpdate("INSERT INTO slamon_rollup_keys SELECT DISTINCT series_id, " + MINUTE_OF_TS.formatted("ts")
          + " FROM slamon_rollup_new");
      recompute(s);
      return fresh;
    }
  }

  /** Inserts the source rows into samples; the really new non-NaN ones land in slamon_rollup_new. */
  private static int insertNew(Statement s, String source) throws SQLException {
    try (java.sql.ResultSet rs = s.executeQuery("WITH ins AS (INSERT INTO samples (series_id, ts, value)"
        + " SELECT series_id, ts, value FROM " + source + " ON CONFLICT DO NOTHING RETURNING series_id, ts, value),"
        + " k AS (INSERT INTO slamon_rollup_new SELECT series_id, ts, value FROM ins WHERE value <> 'NaN')"
        + " SELECT count(*) FROM ins")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static void recompute(Statement s) throws SQLException {
    // the minute after a touched one (if it exists) gets a new step in when a sample lands late
    s.executeUpdate("INSERT INTO slamon_rollup_keys"
        + " SELECT DISTINCT k.series_id, n.minute FROM slamon_rollup_keys k"
        + " CROSS JOIN LATERAL (SELECT r.minute FROM rollups_1m r WHERE r.series_id = k.series_id"
        + "   AND r.minute > k.minute AND r.minute <= k.minute + interval '" + STEP_LOOKBACK + "'"
        + "   ORDER BY r.minute LIMIT 1) n"
        + " WHERE NOT EXISTS (SELECT 1 FROM slamon_rollup_keys o WHERE o.series_id = k.series_id AND o.minute = n.minute)");
    // "WHERE EXCLUDED.count >= r.count": recomputed rows only ever gain samples, except when
    // raw retention already dropped the minute's samples; then the stored row is the better one
    s.executeUpdate("INSERT INTO rollups_1m AS r (series_id, minute, count, sum, min, max, first, last, last_ts, increase)"
        + " SELECT k.series_id, k.minute, count(*), sum(x.value), min(x.value), max(x.value),"
        + "   (array_agg(x.value ORDER BY x.ts))[1], (array_agg(x.value ORDER BY x.ts DESC))[1], max(x.ts),"
        + "   sum(CASE WHEN x.prev IS NULL THEN 0 WHEN x.value >= x.prev THEN x.value - x.prev ELSE x.value END)"
        + " FROM (SELECT DISTINCT series_id, minute FROM slamon_rollup_keys) k"
        + " CROSS JOIN LATERAL ("
        + "   SELECT w.ts, w.value, w.prev FROM ("
        + "     SELECT u.ts, u.value, lag(u.value) OVER (ORDER BY u.ts) AS prev FROM ("
        + "       (SELECT p.ts, p.value FROM samples p WHERE p.series_id = k.series_id AND p.ts < k.minute"
        + "          AND p.ts >= k.minute - interval '" + STEP_LOOKBACK + "' AND p.value <> 'NaN'"
        + "          ORDER BY p.ts DESC LIMIT 1)"
        + "       UNION ALL"
        + "       SELECT p.ts, p.value FROM samples p WHERE p.series_id = k.series_id AND p.ts >= k.minute"
        + "          AND p.ts < k.minute + interval '1 minute' AND p.value <> 'NaN') u) w"
        + "   WHERE w.ts >= k.minute) x"
        + " GROUP BY k.series_id, k.minute"
        + " ON CONFLICT (series_id, minute) DO UPDATE SET count = EXCLUDED.count, sum = EXCLUDED.sum,"
        + "   min = EXCLUDED.min, max = EXCLUDED.max, first = EXCLUDED.first, last = EXCLUDED.last,"
        + "   last_ts = EXCLUDED.last_ts, increase = EXCLUDED.increase"
        + " WHERE EXCLUDED.count >= r.count");
    // each touched hour again as the sum of its minutes
    s.executeUpdate(HOURS_FROM_MINUTES.formatted("SELECT DISTINCT series_id, " + HOUR_OF.formatted("minute")
        + " FROM slamon_rollup_keys"));
  }

  /** Recomputes the hours {@code %s} selects (series_id, hour) as the sums of their minute rows. */
  private static final String HOURS_FROM_MINUTES = "INSERT INTO rollups_1h AS h (series_id, hour, count, sum, min, max, increase)"
      + " SELECT r.series_id, k.hour, sum(r.count), sum(r.sum), min(r.min), max(r.max), sum(r.increase)"
      + " FROM (%s) AS k(series_id, hour)"
      + " JOIN rollups_1m r ON r.series_id = k.series_id AND r.minute >= k.hour AND r.minute < k.hour + interval '1 hour'"
      + " GROUP BY r.series_id, k.hour"
      + " ON CONFLICT (series_id, hour) DO UPDATE SET count = EXCLUDED.count, sum = EXCLUDED.sum,"
      + "   min = EXCLUDED.min, max = EXCLUDED.max, increase = EXCLUDED.increase"
      + " WHERE EXCLUDED.count >= h.count";
}
