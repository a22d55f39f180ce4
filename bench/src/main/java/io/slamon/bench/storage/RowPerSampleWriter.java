package io.slamon.bench.storage;

import io.slamon.store.internal.PgBinaryCopy;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import org.postgresql.PGConnection;

/**
 * Layout "one row per sample" ({@code series_id, ts, value}, primary key {@code (series_id, ts)},
 * as the production {@code samples} table) written by one of three methods, each idempotent like
 * production: text COPY or binary COPY into a temp table, then {@code INSERT … SELECT … ON CONFLICT
 * DO NOTHING}; or one {@code INSERT … SELECT FROM unnest(arrays) ON CONFLICT DO NOTHING}.
 */
final class RowPerSampleWriter {
  enum Method { COPY_TEXT, COPY_BINARY, UNNEST }

  private final Method method;
  private final String table;

  RowPerSampleWriter(Method method, String table) {
    this.method = method;
    this.table = table;
  }

  static void create(Connection c, String table) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS " + table);
      s.execute("CREATE TABLE " + table + " (series_id bigint NOT NULL, ts timestamptz NOT NULL,"
          + " value double precision NOT NULL, PRIMARY KEY (series_id, ts))");
    }
  }

  /** Writes scrapes {@code [from, to)} of every series in one transaction. */
  void write(Connection c, Dataset d, long from, long to) throws SQLException, IOException {
    c.setAutoCommit(false);
    switch (method) {
      case COPY_TEXT -> copyText(c, d, from, to);
      case COPY_BINARY -> copyBinary(c, d, from, to);
      case UNNEST -> unnest(c, d, from, to);
    }
    c.commit();
    c.setAutoCommit(true);
  }

  private void viaTemp(Connection c, String copy, java.io.InputStream binary, String text)
      throws SQLException, IOException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TEMP TABLE IF NOT EXISTS bench_in (series_id bigint, ts timestamptz, value double precision)"
          + " ON COMMIT DELETE ROWS");
      var api = c.unwrap(PGConnection.class).getCopyAPI();
      if (binary != null) {
        api.copyIn(copy, binary);
      } else {
        api.copyIn(copy, new StringReader(text));
      }
      s.executeUpdate("INSERT INTO " + table + " SELECT * FROM bench_in ON CONFLICT DO NOTHING");
    }
  }

  private void copyText(Connection c, Dataset d, long from, long to) throws SQLException, IOException {
    StringBuilder rows = new StringBuilder((int) ((to - from) * d.series() * 48));
    for (long k = from; k < to; k++) {
      String ts = Instant.ofEpochMilli(d.tsMillis(k)).toString();
      for (int s = 0; s < d.series(); s++) {
        rows.append(s).append('\t').append(ts).append('\t').append(Dataset.value(s, k)).append('\n');
      }
    }
    viaTemp(c, "COPY bench_in FROM STDIN", null, rows.toString());
  }

  private void copyBinary(Connection c, Dataset d, long from, long to) throws SQLException, IOException {
    PgBinaryCopy rows = new PgBinaryCopy();
    for (long k = from; k < to; k++) {
      long ts = d.tsMillis(k);
      for (int s = 0; s < d.series(); s++) {
        rows.row(3).int8(s).timestamptz(ts).float8(Dataset.value(s, k));
      }
    }
    viaTemp(c, "COPY bench_in FROM STDIN (FORMAT binary)", new java.io.ByteArrayInputStream(rows.toByteArray()), null);
  }

  private void unnest(Connection c, Dataset d, long from, long to) throws SQLException {
    int n = (int) ((to - from) * d.series());
    Long[] ids = new Long[n];
    Long[] micros = new Long[n];
    Double[] values = new Double[n];
    int i = 0;
    for (long k = from; k < to; k++) {
      long us = d.tsMillis(k) * 1000;
      for (int s = 0; s < d.series(); s++, i++) {
        ids[i] = (long) s;
        micros[i] = us;
        values[i] = Dataset.value(s, k);
      }
    }
    Array a = c.createArrayOf("int8", ids);
    Array t = c.createArrayOf("int8", micros);
    Array v = c.createArrayOf("float8", values);
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table
        + " SELECT u.id, timestamptz 'epoch' + u.us * interval '1 microsecond', u.v"
        + " FROM unnest(?::int8[], ?::int8[], ?::float8[]) AS u(id, us, v) ON CONFLICT DO NOTHING")) {
      ps.setArray(1, a);
      ps.setArray(2, t);
      ps.setArray(3, v);
      ps.executeUpdate();
    }
  }
}
