package io.slamon.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Keeps {@code rollups_1m} and {@code rollups_1h} in step with {@code samples}, inside the
 * writer's transaction.
 *
 * <p>Idempotence comes from the raw insert: {@code ON CONFLICT DO NOTHING RETURNING} reports which
 * samples were really new, and only those reach the rollups. A batch delivered twice (spool replay
 * after a lost acknowledgement) inserts nothing the second time and so touches no rollup.
 *
 * <p>The new samples of a series that all lie after the series' newest stored sample (the usual
 * case: scrapes arrive in time order) are <b>folded</b> into the stored rows in one set-based
 * statement per batch: counts and sums added, min/max widened, last replaced, and the counter
 * steps computed with {@code lag()} over the series' previous stored sample (the newest minute's
 * {@code last}) followed by the new ones. The hours get the same deltas. A series with any sample
 * at or before its newest stored sample (late, out of order, or a partly repeated batch around a
 * gap) is <b>recomputed</b> instead, from raw samples, for the minutes it touched plus the minute
 * after each (whose step in changed); then those hours are recomputed as the sum of their minutes.
 * Folding alone cannot place a late sample between two already-counted ones; recomputing everything
 * cost ~70 µs per (series, minute) and capped the write path far below 100,000 samples/s (see
 * docs/storage.md "Rollups" and docs/benchmarks.md "Storage").
 *
 * <p>Assumes one writer per series at a time (the collector's single write queue): the fold reads
 * the newest stored row under the transaction's snapshot.
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

  /** Reset-aware step from (prev, prev_ts) to (value, ts); 0 without a previous sample in the lookback. */
  private static final String STEP = "CASE WHEN prev IS NULL OR prev_ts < " + MINUTE_OF_TS.formatted("ts")
      + " - interval '" + STEP_LOOKBACK + "' THEN 0 WHEN value >= prev THEN value - prev ELSE value END";

  private RollupMaintenance() {}

  /** Creates the session's temp tables; cheap when they exist. */
  public static void prepare(Statement s) throws SQLException {
    s.execute("CREATE TEMP TABLE IF NOT EXISTS slamon_rollup_keys (series_id bigint, minute timestamptz)"
        + " ON COMMIT DELETE ROWS");
    s.execute("CREATE TEMP TABLE IF NOT EXISTS slamon_rollup_new (series_id bigint, ts timestamptz,"
        + " value double precision) ON COMMIT DELETE ROWS");
    // per series of the batch: its newest stored sample (within the lookback) and whether any new one is older
    s.execute("CREATE TEMP TABLE IF NOT EXISTS slamon_rollup_anchor (series_id bigint, ts timestamptz,"
        + " value double precision, late boolean) ON COMMIT DELETE ROWS");
  }

  /**
   * Moves the rows of temp table {@code source} (series_id, ts, value) into {@code samples}, skipping
   * ones already stored, and folds the new ones into the rollups (recomputing the minutes of series
   * that got late samples). Returns the number of new samples.
   */
  public static int insertAndRollUp(Connection c, String source) throws SQLException {
    try (Statement s = c.createStatement()) {
      int fresh = insertNew(s, source);
      if (fresh == 0) {
        return 0;
      }
      s.executeUpdate("INSERT INTO slamon_rollup_anchor"
          + " SELECT n.series_id, a.last_ts, a.last, a.last_ts IS NOT NULL AND a.last_ts >= n.first_ts"
          + " FROM (SELECT series_id, min(ts) AS first_ts FROM slamon_rollup_new GROUP BY series_id) n"
          + " LEFT JOIN LATERAL (SELECT r.last, r.last_ts FROM rollups_1m r WHERE r.series_id = n.series_id"
          + "   AND r.minute >= " + MINUTE_OF_TS.formatted("n.first_ts") + " - interval '" + STEP_LOOKBACK + "'"
          + "   ORDER BY r.minute DESC LIMIT 1) a ON true");
      fold(s);
      int late = s.executeUpdate("INSERT INTO slamon_rollup_keys SELECT DISTINCT n.series_id, "
          + MINUTE_OF_TS.formatted("n.ts") + " FROM slamon_rollup_new n"
          + " JOIN slamon_rollup_anchor a ON a.series_id = n.series_id WHERE a.late");
      if (late > 0) {
        recompute(s);
      }
      return fresh;
    }
  }

  /**
   * The reference maintenance: recomputes every touched (series, minute) from raw samples, in any
   * order. What {@link #insertAndRollUp} does only for late series; kept so that tests and the
   * storage benchmark can compare the fold against it.
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

  /**
   * Folds the new samples of in-order series into their minutes and hours in one statement: the
   * anchor (newest stored sample) goes first in each series' window so the first new sample gets
   * its step in, then is dropped; the per-minute deltas are upserted additively into rollups_1m,
   * and the same deltas summed per hour into rollups_1h.
   */
  private static void fold(Statement s) throws SQLException {
    s.executeUpdate("WITH u AS ("
        + "   SELECT a.series_id, a.ts, a.value, true AS anchor FROM slamon_rollup_anchor a"
        + "   WHERE NOT a.late AND a.ts IS NOT NULL"
        + "   UNION ALL"
        + "   SELECT n.series_id, n.ts, n.value, false FROM slamon_rollup_new n"
        + "   JOIN slamon_rollup_anchor a ON a.series_id = n.series_id WHERE NOT a.late),"
        + " w AS (SELECT series_id, ts, value, anchor, lag(value) OVER s AS prev, lag(ts) OVER s AS prev_ts"
        + "   FROM u WINDOW s AS (PARTITION BY series_id ORDER BY ts)),"
        + " d AS (SELECT series_id, " + MINUTE_OF_TS.formatted("ts") + " AS minute, count(*)::integer AS count,"
        + "   sum(value) AS sum, min(value) AS min, max(value) AS max,"
        + "   (array_agg(value ORDER BY ts))[1] AS first, (array_agg(value ORDER BY ts DESC))[1] AS last,"
        + "   max(ts) AS last_ts, sum(" + STEP + ") AS increase"
        + "   FROM w WHERE NOT anchor GROUP BY 1, 2),"
        + " m AS (INSERT INTO rollups_1m AS r (series_id, minute, count, sum, min, max, first, last, last_ts, increase)"
        + "   SELECT series_id, minute, count, sum, min, max, first, last, last_ts, increase FROM d"
        + "   ON CONFLICT (series_id, minute) DO UPDATE SET count = r.count + EXCLUDED.count,"
        + "     sum = r.sum + EXCLUDED.sum, min = least(r.min, EXCLUDED.min), max = greatest(r.max, EXCLUDED.max),"
        + "     last = EXCLUDED.last, last_ts = EXCLUDED.last_ts, increase = r.increase + EXCLUDED.increase)"
        + " INSERT INTO rollups_1h AS h (series_id, hour, count, sum, min, max, increase)"
        + " SELECT series_id, " + HOUR_OF.formatted("minute") + ", sum(count), sum(sum), min(min), max(max), sum(increase)"
        + " FROM d GROUP BY 1, 2"
        + " ON CONFLICT (series_id, hour) DO UPDATE SET count = h.count + EXCLUDED.count, sum = h.sum + EXCLUDED.sum,"
        + "   min = least(h.min, EXCLUDED.min), max = greatest(h.max, EXCLUDED.max), increase = h.increase + EXCLUDED.increase");
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
