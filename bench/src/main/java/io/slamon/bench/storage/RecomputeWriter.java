package io.slamon.bench.storage;

import io.slamon.store.internal.PartitionedSchema;
import io.slamon.store.internal.PgBinaryCopy;
import io.slamon.store.internal.RollupMaintenance;
import io.slamon.store.internal.TimeSeriesTable;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * The write path as it was before the rollup fold: the same binary COPY and {@code ON CONFLICT DO
 * NOTHING} as {@code PostgresSampleStore}, but every touched (series, minute) recomputed from raw
 * samples ({@link RollupMaintenance#insertAndRecompute}). The "before" column of the production
 * write-path benchmark; series are registered once up front (the store caches their ids too).
 */
final class RecomputeWriter {
  private final DataSource dataSource;
  private final PartitionedSchema partitions;
  private final long[] ids;

  RecomputeWriter(DataSource dataSource, String metric, int series) throws SQLException {
    this.dataSource = dataSource;
    this.partitions = new PartitionedSchema(dataSource);
    this.ids = new long[series];
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("INSERT INTO series (tenant, metric, labels)"
            + " VALUES ('bench', ?, jsonb_build_object('i', ?::text)) RETURNING id")) {
      for (int s = 0; s < series; s++) {
        ps.setString(1, metric);
        ps.setString(2, Integer.toString(s));
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          ids[s] = rs.getLong(1);
        }
      }
    }
  }

  /** Writes scrapes {@code [from, to)} of every series in one transaction. */
  void write(Dataset d, long from, long to) throws SQLException, IOException {
    PgBinaryCopy rows = new PgBinaryCopy();
    Set<Instant> days = new HashSet<>();
    for (long k = from; k < to; k++) {
      long ts = d.tsMillis(k);
      days.add(Instant.ofEpochMilli(ts));
      for (int s = 0; s < ids.length; s++) {
        rows.row(3).int8(ids[s]).timestamptz(ts).float8(Dataset.value(s, k));
      }
    }
    for (TimeSeriesTable table : new TimeSeriesTable[] {TimeSeriesTable.SAMPLES, TimeSeriesTable.ROLLUPS,
        TimeSeriesTable.HOURLY_ROLLUPS}) {
      partitions.ensure(table, days);
    }
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TEMP TABLE IF NOT EXISTS bench_recompute_in"
            + " (series_id bigint, ts timestamptz, value double precision) ON COMMIT DELETE ROWS");
        RollupMaintenance.prepare(s);
      }
      c.unwrap(PGConnection.class).getCopyAPI()
          .copyIn("COPY bench_recompute_in FROM STDIN (FORMAT binary)", new ByteArrayInputStream(rows.toByteArray()));
      RollupMaintenance.insertAndRecompute(c, "bench_recompute_in");
      c.commit();
    }
  }
}
