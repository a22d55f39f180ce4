package io.slamon.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Keeps {@code rollups_1m} in step with {@code samples}, inside the writer's transaction.
 *
 * <p>Idempotence comes from recomputing rather than folding: the raw insert reports (with
 * {@code ON CONFLICT DO NOTHING RETURNING}) which samples were new, and only the (series, minute)
 * rows those fall into are recomputed, from all raw samples of the minute plus the sample just
 * before it. A batch delivered twice (spool replay after a lost acknowledgement) inserts nothing
 * the second time and so touches no rollup; a partly repeated batch recomputes the same rows to
 * the same values. A late sample also changes the step into the series' next minute, so that
 * minute is recomputed too. Folding only the returned rows into the existing row would read less
 * per batch, but cannot place a late sample between two already-folded ones. The hours of the
 * touched minutes are then recomputed in {@code rollups_1h} as the sum of their minutes; see
 * docs/storage.md "Rollups" and docs/benchmarks.md for the measured cost.
 */
public final class RollupMaintenance {
  /**
   * How far back the previous sample of a series is looked for when computing the counter step
   * into a minute. A counter silent for longer starts over (like a new series), so a raw-sample
   * partition scan never reaches further back than this.
   */
  public static final String STEP_LOOKBACK = "1 hour";

  /** Same minutes in every session time zone (date_trunc on timestamptz would use the session's). */
  public static final String MINUTE_OF_TS = "date_bin('1 minute', %s, timestamptz '2000-01-01 00:00:00+00')";

  private static final String HOUR_OF = "date_bin('1 hour', %s, timestamptz '2000-01-01 00:00:00+00')";

  private RollupMaintenance() {}

  /** Creates the session's temp tables; cheap when they exist. */
  public static void prepare(Statement s) throws SQLException {
    s.execute("CREATE TEMP TABLE IF NOT EXISTS slamon_rollup_keys (series_id bigint, minute timestamptz)"
        + " ON COMMIT DELETE ROWS");
  }

  /**
   * Moves the rows of temp table {@code source} (series_id, ts, value) into {@code samples}, skipping
   * ones already stored, and recomputes the rollup rows of the new ones. Returns the number of new
   * samples.
   */
  public static int insertAndRollUp(Connection c, String source) throws SQLException {
    try (Statement s = c.createStatement()) {
      int fresh;
      try (java.sql.ResultSet rs = s.executeQuery("WITH ins AS (INSERT INTO samples (series_id, ts, value)"
          + " SELECT series_id, ts, value FROM " + source + " ON CONFLICT DO NOTHING RETURNING series_id, ts, value),"
          + " k AS (INSERT INTO slamon_rollup_keys SELECT DISTINCT series_id, " + MINUTE_OF_TS.formatted("ts")
          + " FROM ins WHERE value <> 'NaN')"
          + " SELECT count(*) FROM ins")) {
        rs.next();
        fresh = rs.getInt(1);
      }
      if (fresh == 0) {
        return 0;
      }
      recompute(s);
      return fresh;
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
    s.executeUpdate("INSERT INTO rollups_1h AS h (series_id, hour, count, sum, min, max, increase)"
        + " SELECT r.series_id, k.hour, sum(r.count), sum(r.sum), min(r.min), max(r.max), sum(r.increase)"
        + " FROM (SELECT DISTINCT series_id, " + HOUR_OF.formatted("minute") + " AS hour FROM slamon_rollup_keys) k"
        + " JOIN rollups_1m r ON r.series_id = k.series_id AND r.minute >= k.hour AND r.minute < k.hour + interval '1 hour'"
        + " GROUP BY r.series_id, k.hour"
        + " ON CONFLICT (series_id, hour) DO UPDATE SET count = EXCLUDED.count, sum = EXCLUDED.sum,"
        + "   min = EXCLUDED.min, max = EXCLUDED.max, increase = EXCLUDED.increase"
        + " WHERE EXCLUDED.count >= h.count");
  }
}
