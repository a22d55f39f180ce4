package io.slamon.store;

import io.slamon.store.internal.Json;
import io.slamon.store.internal.PartitionedSchema;
import io.slamon.store.internal.PgBinaryCopy;
import io.slamon.store.internal.RollupMaintenance;
import io.slamon.store.internal.TimeSeriesTable;
import io.slamon.store.internal.Timestamps;
import java.io.ByteArrayInputStream;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * Samples in PostgreSQL/TimescaleDB: series ids cached in memory, batches loaded with binary COPY
 * (the fastest idempotent method measured, docs/benchmarks.md "Storage") into a
 * per-session temporary table and moved with {@code INSERT ... ON CONFLICT DO NOTHING} (COPY
 * itself cannot skip duplicates), so a re-delivered sample is stored once. Only the new samples
 * reach the 1-minute and hourly rollups, in the same transaction: folded into the stored rows when
 * they arrive in time order, the touched minutes recomputed from raw samples when late ({@link
 * RollupMaintenance}).
 */
public final class PostgresSampleStore implements SampleWriter, SampleReader {
  private static final String CHECK_VIOLATION = "23514"; // "no partition of relation ... found for row"

  private final DataSource dataSource;
  private final PartitionedSchema partitions; // null when samples is a hypertable
  private final Map<SeriesKey, Long> seriesIds = new ConcurrentHashMap<>();

  PostgresSampleStore(DataSource dataSource, PartitionedSchema partitions) {
    this.dataSource = dataSource;
    this.partitions = partitions;
  }

  @Override
  public void write(List<Sample> samples) {
    Objects.requireNonNull(samples, "samples");
    for (int i = 0; i < samples.size(); i++) {
      validate(samples.get(i), i);
    }
    if (samples.isEmpty()) {
      return;
    }
    Map<SeriesKey, Long> ids = resolveSeries(samples);
    PgBinaryCopy rows = new PgBinaryCopy();
    Set<Instant> days = new HashSet<>();
    for (Sample s : samples) {
      days.add(Instant.ofEpochMilli(s.timestampMillis()));
      rows.row(3).int8(ids.get(SeriesKey.of(s))).timestamptz(s.timestampMillis()).float8(s.value());
    }
    byte[] data = rows.toByteArray();
    if (partitions != null) {
      partitions.ensure(TimeSeriesTable.SAMPLES, days);
      partitions.ensure(TimeSeriesTable.ROLLUPS, days);
      partitions.ensure(TimeSeriesTable.HOURLY_ROLLUPS, days);
    }
    try {
      insert(data);
    } catch (SQLException e) {
      if (partitions != null && CHECK_VIOLATION.equals(e.getSQLState())) {
        // another process dropped a partition we thought existed: recreate, retry once
        partitions.forget(TimeSeriesTable.SAMPLES);
        partitions.forget(TimeSeriesTable.ROLLUPS);
        partitions.forget(TimeSeriesTable.HOURLY_ROLLUPS);
        partitions.ensure(TimeSeriesTable.SAMPLES, days);
        partitions.ensure(TimeSeriesTable.ROLLUPS, days);
        partitions.ensure(TimeSeriesTable.HOURLY_ROLLUPS, days);
        try {
          insert(data);
          return;
        } catch (SQLException retry) {
          e = retry;
        }
      }
      throw new StoreException("could not store " + samples.size() + " samples: " + e.getMessage(), e);
    }
  }

  private void insert(byte[] rows) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TEMP TABLE IF NOT EXISTS slamon_samples_in"
            + " (series_id bigint, ts timestamptz, value double precision) ON COMMIT DELETE ROWS");
        RollupMaintenance.prepare(s);
        c.unwrap(PGConnection.class).getCopyAPI()
            .copyIn("COPY slamon_samples_in FROM STDIN (FORMAT binary)", new ByteArrayInputStream(rows));
        RollupMaintenance.insertAndRollUp(c, "slamon_samples_in");
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } catch (java.io.IOException e) {
        c.rollback();
        throw new SQLException("COPY failed: " + e.getMessage(), e);
      } finally {
        c.setAutoCommit(true);
      }
    }
  }

  /** Ids for every series of the batch: from the cache, else upserted in two round trips. */
  private Map<SeriesKey, Long> resolveSeries(List<Sample> samples) {
    Map<SeriesKey, Long> result = new LinkedHashMap<>();
    List<SeriesKey> missing = new ArrayList<>();
    for (Sample s : samples) {
      SeriesKey key = SeriesKey.of(s);
      if (result.containsKey(key)) {
        continue;
      }
      Long id = seriesIds.get(key);
      result.put(key, id);
      if (id == null) {
        missing.add(key);
      }
    }
    if (missing.isEmpty()) {
      return result;
    }
    String[] tenants = missing.stream().map(SeriesKey::tenant).toArray(String[]::new);
    String[] metrics = missing.stream().map(SeriesKey::metric).toArray(String[]::new);
    String[] labels = missing.stream().map(k -> Json.write(k.labels())).toArray(String[]::new);
    try (Connection c = dataSource.getConnection()) {
      Array t = c.createArrayOf("text", tenants);
      Array m = c.createArrayOf("text", metrics);
      Array l = c.createArrayOf("text", labels);
      try (PreparedStatement ins = c.prepareStatement(
          "INSERT INTO series (tenant, metric, labels) SELECT t, m, l::jsonb FROM unnest(?::text[], ?::text[], ?::text[]) AS u(t, m, l)"
              + " ON CONFLICT DO NOTHING")) {
        ins.setArray(1, t);
        ins.setArray(2, m);
        ins.setArray(3, l);
        ins.executeUpdate();
      }
      // a separate statement (new snapshot) also sees rows a concurrent writer just committed
      try (PreparedStatement sel = c.prepareStatement(
          "SELECT s.id, s.tenant, s.metric, s.labels::text FROM series s"
              + " JOIN unnest(?::text[], ?::text[], ?::text[]) AS u(t, m, l)"
              + " ON coalesce(s.tenant, '') = coalesce(u.t, '') AND s.metric = u.m AND s.labels = u.l::jsonb")) {
        sel.setArray(1, t);
        sel.setArray(2, m);
        sel.setArray(3, l);
        try (ResultSet rs = sel.executeQuery()) {
          while (rs.next()) {
            SeriesKey key = new SeriesKey(rs.getString(2), rs.getString(3), Json.readStrings(rs.getString(4)));
            seriesIds.put(key, rs.getLong(1));
            result.put(key, rs.getLong(1));
          }
        }
      }
    } catch (SQLException e) {
      throw new StoreException("could not register " + missing.size() + " series: " + e.getMessage(), e);
    }
    for (SeriesKey key : missing) {
      if (result.get(key) == null) {
        throw new StoreException("series " + key + " was neither inserted nor found; nothing was written");
      }
    }
    return result;
  }

  @Override
  public List<Series> query(String tenant, String metric, Map<String, String> labelMatchers, Instant from, Instant to) {
    requireTenant(tenant);
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Map<String, String> matchers = labelMatchers == null ? Map.of() : labelMatchers;
    Map<Long, SeriesBuilder> series = new LinkedHashMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(
            "SELECT s.id, s.labels::text AS labels, p.ts, p.value FROM series s JOIN samples p ON p.series_id = s.id"
                + " WHERE coalesce(s.tenant, '') = ? AND s.metric = ? AND s.labels @> ?::jsonb AND p.ts >= ? AND p.ts < ?"
                + " ORDER BY s.id, p.ts")) {
      ps.setString(1, tenant == null ? "" : tenant);
      ps.setString(2, metric);
      ps.setString(3, Json.write(matchers));
      Timestamps.set(ps, 4, from);
      Timestamps.set(ps, 5, to);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          SeriesBuilder b = series.get(rs.getLong(1));
          if (b == null) {
            b = new SeriesBuilder(Json.readStrings(rs.getString("labels")), new ArrayList<>());
            series.put(rs.getLong(1), b);
          }
          b.points().add(new Point(Timestamps.get(rs, "ts").toEpochMilli(), rs.getDouble("value")));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("could not read samples of " + metric + " for "
          + (tenant == null ? "the provider scope" : "tenant " + tenant) + ": " + e.getMessage(), e);
    }
    return series.values().stream().map(b -> new Series(tenant, metric, b.labels(), b.points())).toList();
  }

  private static void validate(Sample s, int index) {
    if (s == null) {
      throw new IllegalArgumentException("sample #" + index + " is null; nothing was written");
    }
    if (s.tenant() != null && s.tenant().isEmpty()) {
      throw new IllegalArgumentException("sample #" + index + " (" + s.metric()
          + ") has an empty tenant id; use null for the provider scope. Nothing was written");
    }
    if (!Timestamps.inRange(Instant.ofEpochMilli(s.timestampMillis()))) {
      throw new IllegalArgumentException("sample #" + index + " (" + s.metric() + ") has timestamp "
          + s.timestampMillis() + " ms, outside years 1..9999; nothing was written");
    }
  }

  static void requireTenant(String tenant) {
    if (tenant != null && tenant.isEmpty()) {
      throw new IllegalArgumentException("tenant id must not be empty; use null for the provider scope");
    }
  }

  private record SeriesKey(String tenant, String metric, Map<String, String> labels) {
    static SeriesKey of(Sample s) {
      return new SeriesKey(s.tenant(), s.metric(), s.labels());
    }
  }

  private record SeriesBuilder(Map<String, String> labels, List<Point> points) {}
}
