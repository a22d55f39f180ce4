package io.slamon.bench.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;

/**
 * Layout "one row per scrape with arrays": {@code (target, ts, values float8[])}, the i-th value
 * belonging to the target's i-th series (the series order is fixed per target). Written with
 * batched INSERTs, one row per scrape.
 */
final class ScrapeArrayLayout {
  static final String TABLE = "bench_scrape_arrays";

  static void create(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS " + TABLE);
      s.execute("CREATE TABLE " + TABLE + " (target int NOT NULL, ts timestamptz NOT NULL,"
          + " values double precision[] NOT NULL, PRIMARY KEY (target, ts))");
    }
  }

  static void write(Connection c, Dataset d, long from, long to) throws SQLException {
    c.setAutoCommit(false);
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE + " VALUES (1, ?, ?) ON CONFLICT DO NOTHING")) {
      Double[] values = new Double[d.series()];
      for (long k = from; k < to; k++) {
        for (int s = 0; s < d.series(); s++) {
          values[s] = Dataset.value(s, k);
        }
        ps.setTimestamp(1, new Timestamp(d.tsMillis(k)));
        ps.setArray(2, c.createArrayOf("float8", values));
        ps.addBatch();
      }
      ps.executeBatch();
    }
    c.commit();
    c.setAutoCommit(true);
  }

  /** One series' count and sum over the window: every row is read, one array element used. */
  static String oneSeriesQuery() {
    return "SELECT count(values[8]), sum(values[8]) FROM " + TABLE + " WHERE target = 1 AND ts >= ? AND ts < ?";
  }

  /** Count and sum per series over the window. */
  static String allSeriesQuery() {
    return "SELECT i, count(*), sum(v) FROM " + TABLE + ", unnest(values) WITH ORDINALITY AS u(v, i)"
        + " WHERE target = 1 AND ts >= ? AND ts < ? GROUP BY i";
  }
}
