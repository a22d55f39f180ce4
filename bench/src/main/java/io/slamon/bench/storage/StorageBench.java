package io.slamon.bench.storage;

import io.slamon.store.Database;
import io.slamon.store.DatabaseSettings;
import io.slamon.store.Sample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Storage-layout and write-method benchmark on a real (embedded) PostgreSQL; see
 * docs/benchmarks.md "Storage". Run with {@code bench/run-storage-bench.sh [series] [days]}.
 *
 * <ol>
 *   <li>write methods for the row-per-sample layout, all idempotent (text COPY, binary COPY,
 *       INSERT … unnest), on the first million samples;
 *   <li>the two layouts filled with {@code days} of 1-minute scrapes: write rate, bytes on disk
 *       per sample, read time of a 30-day window for one series and for all;
 *   <li>the production write path ({@code PostgresSampleStore.write}, rollups included) against the
 *       previous recompute-everything maintenance, new samples and re-delivered ones (spool replay).
 * </ol>
 */
public final class StorageBench {
  private static final long START = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
  private static final int SCRAPES_PER_BATCH = 100;

  private StorageBench() {}

  public static void main(String[] args) throws Exception {
    int series = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    int days = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    Path dir = Files.createTempDirectory("slamon-storage-bench");
    try (Database db = Database.open(new DatabaseSettings(null, null, null, dir), m -> {})) {
      System.out.println("database: " + db.backend().describe());
      DataSource ds = db.dataSource();
      Dataset month = new Dataset(series, days, 60, START);
      boolean onlyProduction = args.length > 2 && args[2].equals("production");
      if (!onlyProduction) {
        writeMethods(ds, month);
        layouts(ds, month);
      }
      productionPath(db, series);
    } finally {
      deleteRecursively(dir);
    }
  }

  private static void writeMethods(DataSource ds, Dataset d) throws SQLException, IOException {
    long scrapes = Math.min(d.scrapes(), 1_000_000 / d.series());
    System.out.printf(Locale.ROOT, "%nwrite methods, row per sample, idempotent, %,d samples in transactions of %,d:%n",
        scrapes * d.series(), SCRAPES_PER_BATCH * d.series());
    for (RowPerSampleWriter.Method m : RowPerSampleWriter.Method.values()) {
      String table = "bench_rows_" + m.name().toLowerCase(Locale.ROOT);
      try (Connection c = ds.getConnection()) {
        RowPerSampleWriter.create(c, table);
        RowPerSampleWriter w = new RowPerSampleWriter(m, table);
        long t = System.nanoTime();
        for (long k = 0; k < scrapes; k += SCRAPES_PER_BATCH) {
          w.write(c, d, k, Math.min(scrapes, k + SCRAPES_PER_BATCH));
        }
        double secs = (System.nanoTime() - t) / 1e9;
        System.out.printf(Locale.ROOT, "  %-12s %,12.0f samples/s%n", m, scrapes * d.series() / secs);
        try (Statement s = c.createStatement()) {
          s.execute("DROP TABLE " + table);
        }
      }
    }
  }

  private static void layouts(DataSource ds, Dataset d) throws SQLException, IOException {
    System.out.printf(Locale.ROOT, "%nlayouts, %d series x %d days at 60 s = %,d samples:%n", d.series(), d.days(),
        d.samples());
    System.out.printf(Locale.ROOT, "  %-34s %14s %13s %14s %14s%n", "layout (write method)", "write samples/s",
        "bytes/sample", "read 1 series", "read all");
    try (Connection c = ds.getConnection()) {
      RowPerSampleWriter.create(c, "bench_rows");
      RowPerSampleWriter rows = new RowPerSampleWriter(RowPerSampleWriter.Method.COPY_BINARY, "bench_rows");
      double rate = fill(d, (from, to) -> rows.write(c, d, from, to));
      report(c, "row per sample (binary COPY)", rate, "bench_rows", d,
          "SELECT count(*), sum(value) FROM bench_rows WHERE series_id = 7 AND ts >= ? AND ts < ?",
          "SELECT series_id, count(*), sum(value) FROM bench_rows WHERE ts >= ? AND ts < ? GROUP BY series_id");
      ScrapeArrayLayout.create(c);
      rate = fill(d, (from, to) -> ScrapeArrayLayout.write(c, d, from, to));
      report(c, "row per scrape, arrays (INSERT)", rate, ScrapeArrayLayout.TABLE, d,
          ScrapeArrayLayout.oneSeriesQuery(), ScrapeArrayLayout.allSeriesQuery());
    }
  }

  private interface Chunk {
    void write(long from, long to) throws SQLException, IOException;
  }

  private static double fill(Dataset d, Chunk chunk) throws SQLException, IOException {
    long t = System.nanoTime();
    for (long k = 0; k < d.scrapes(); k += SCRAPES_PER_BATCH) {
      chunk.write(k, Math.min(d.scrapes(), k + SCRAPES_PER_BATCH));
    }
    return d.samples() / ((System.nanoTime() - t) / 1e9);
  }

  private static void report(Connection c, String name, double rate, String table, Dataset d, String one, String all)
      throws SQLException {
    long bytes;
    try (Statement s = c.createStatement()) {
      s.execute("VACUUM ANALYZE " + table);
      try (ResultSet rs = s.executeQuery("SELECT pg_total_relation_size('" + table + "')")) {
        rs.next();
        bytes = rs.getLong(1);
      }
    }
    System.out.printf(Locale.ROOT, "  %-34s %,14.0f %13.1f %12.1f ms %11.1f ms%n", name, rate, (double) bytes / d.samples(),
        bestOf3(c, one, d), bestOf3(c, all, d));
  }

  /** Best of three runs (warm cache) of a 30-day window query, in milliseconds. */
  private static double bestOf3(Connection c, String sql, Dataset d) throws SQLException {
    double best = Double.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      long t = System.nanoTime();
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setTimestamp(1, new Timestamp(d.startMillis()));
        ps.setTimestamp(2, new Timestamp(d.endMillis()));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            rs.getDouble(2);
          }
        }
      }
      best = Math.min(best, (System.nanoTime() - t) / 1e6);
    }
    return best;
  }

  /**
   * The production write path, "before" (every touched minute recomputed from raw samples) and
   * "after" (new in-order samples folded in, as {@code PostgresSampleStore.write} does now) side by
   * side, each writing 300,000 new samples and then the same batches again (a spool replay). Shapes:
   * {@code series} counters in batches of 100 scrapes at 1, 15 and 60 s, and the collector's shape at
   * issue 3's scale, 10,000 series per target in batches of one scrape.
   */
  private static void productionPath(Database db, int series) throws SQLException, IOException {
    System.out.printf(Locale.ROOT, "%nproduction write path (series cache, binary COPY, dedup, rollups 1m + 1h),"
        + " 300,000 new samples then the same again:%n");
    System.out.printf(Locale.ROOT, "  %-34s %-34s %-34s %s%n", "shape", "recompute (before)", "fold (after)",
        "new after/before");
    int[][] shapes = {{series, SCRAPES_PER_BATCH, 1}, {series, SCRAPES_PER_BATCH, 15}, {series, SCRAPES_PER_BATCH, 60},
        {10_000, 1, 15}};
    for (int i = 0; i < shapes.length; i++) {
      int n = shapes[i][0];
      int perBatch = shapes[i][1];
      int interval = shapes[i][2];
      // each shape on later days than the previous ones: like production, no newer partitions exist
      Dataset d = new Dataset(n, 0, interval, START + (i + 1) * 10 * 86_400_000L);
      long scrapes = 300_000 / n;
      String metric = "requests_total_" + n + "x" + perBatch + "_" + interval + "s";
      RecomputeWriter before = new RecomputeWriter(db.dataSource(), metric + "_recompute", n);
      double[] recompute = new double[2];
      for (int round = 0; round < 2; round++) {
        long t = System.nanoTime();
        for (long k = 0; k < scrapes; k += perBatch) {
          before.write(d, k, Math.min(scrapes, k + perBatch));
        }
        recompute[round] = scrapes * n / ((System.nanoTime() - t) / 1e9);
      }
      List<List<Sample>> batches = new ArrayList<>();
      for (long k = 0; k < scrapes; k += perBatch) {
        List<Sample> batch = new ArrayList<>();
        for (long j = k; j < Math.min(scrapes, k + perBatch); j++) {
          for (int s = 0; s < n; s++) {
            batch.add(new Sample("bench", metric, Map.of("i", Integer.toString(s)), d.tsMillis(j), Dataset.value(s, j)));
          }
        }
        batches.add(batch);
      }
      double first = scrapes * n / timeWrites(db, batches);
      double again = scrapes * n / timeWrites(db, batches);
      String name = String.format(Locale.ROOT, "%,d series, %d scrape(s)/batch, %d s", n, perBatch, interval);
      System.out.printf(Locale.ROOT, "  %-34s %,10.0f new/s %,9.0f again/s %,10.0f new/s %,9.0f again/s %6.1fx%n",
          name, recompute[0], recompute[1], first, again, first / recompute[0]);
    }
  }

  private static double timeWrites(Database db, List<List<Sample>> batches) {
    long t = System.nanoTime();
    batches.forEach(db.sampleStore()::write);
    return (System.nanoTime() - t) / 1e9;
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
