package io.slamon.store;

import io.slamon.store.internal.Json;
import io.slamon.store.internal.MinuteRollups;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;
import org.agrona.collections.Object2LongHashMap;
import org.postgresql.PGConnection;

/**
 * Samples in PostgreSQL/TimescaleDB: series ids cached in memory, batches binary-{@code COPY}ed
 * straight into {@code samples} (the fastest method measured, docs/benchmarks.md "Storage"); a
 * batch with samples already stored goes through a per-session temporary table and {@code INSERT
 * ... ON CONFLICT DO NOTHING} instead, so a re-delivered sample is stored once. Only the new
 * samples reach the 1-minute and hourly rollups, in the same transaction: accumulated per series,
 * minute and hour in memory ({@link MinuteRollups}) and written as one row per closed minute (plus
 * provisional rows of open minutes within a row budget) and one per closed hour; what memory
 * cannot know exactly (late samples, a series' first minute after a restart) is recomputed from
 * raw samples ({@link RollupMaintenance}). Writes are serialised: the rollup state assumes one
 * writer.
 */
public final class PostgresSampleStore implements SampleWriter, SampleReader {
  private static final String CHECK_VIOLATION = "23514"; // "no partition of relation ... found for row"
  private static final String UNIQUE_VIOLATION = "23505";
  private static final long UNKNOWN_SERIES = -1; // ids are bigserial, from 1

  /**
   * Provisional (open-minute) rollup rows per second, and the burst: a fleet whose batches touch
   * fewer series than this sees every batch in the rollups at once; above it, open minutes are
   * written as the budget allows and every minute once it closes (docs/storage.md "Rollups").
   */
  static final double PROVISIONAL_ROWS_PER_SECOND = 2_000;
  static final double PROVISIONAL_BURST = 10_000;
  /**
   * When the caller is idle, open minutes with unwritten samples are written if there are at most
   * this many (a fleet this size is current in the rollups whenever the collector catches up; a
   * larger one waits for its minutes to close rather than paying a burst of upserts).
   */
  static final int IDLE_FLUSH_MAX_ROWS = 20_000;

  private final DataSource dataSource;
  private final PartitionedSchema partitions; // null when samples is a hypertable
  /**
   * Series ids by identity, touched only under this store's lock. Open addressing with primitive
   * values: ~45 bytes per series instead of ~80 for a ConcurrentHashMap node and boxed id.
   */
  private final Object2LongHashMap<SeriesKey> seriesIds = new Object2LongHashMap<>(UNKNOWN_SERIES);
  private final MinuteRollups rollups;

  PostgresSampleStore(DataSource dataSource, PartitionedSchema partitions) {
    this(dataSource, partitions, new MinuteRollups(PROVISIONAL_ROWS_PER_SECOND, PROVISIONAL_BURST, System::nanoTime));
  }

  PostgresSampleStore(DataSource dataSource, PartitionedSchema partitions, MinuteRollups rollups) {
    this.dataSource = dataSource;
    this.partitions = partitions;
    this.rollups = rollups;
  }

  /**
   * A store on {@code dataSource} with the given rollup memory and this store's partitions: what a
   * restarted writer (empty memory) or a writer whose connections fail looks like to tests.
   */
  PostgresSampleStore with(DataSource dataSource, MinuteRollups rollups) {
    return new PostgresSampleStore(dataSource, partitions, rollups);
  }

  @Override
  public synchronized void write(List<Sample> samples) {
    Objects.requireNonNull(samples, "samples");
    for (int i = 0; i < samples.size(); i++) {
      validate(samples.get(i), i);
    }
    if (samples.isEmpty()) {
      return;
    }
    Set<Long> created = new HashSet<>();
    long[] seriesOf = new long[samples.size()];
    List<Sample> unknown = new ArrayList<>();
    for (int i = 0; i < samples.size(); i++) {
      long id = seriesIds.getValue(SeriesKey.of(samples.get(i)));
      seriesOf[i] = id;
      if (id == UNKNOWN_SERIES) {
        unknown.add(samples.get(i));
      }
    }
    if (!unknown.isEmpty()) {
      Map<SeriesKey, Long> ids = resolveSeries(unknown, created);
      for (int i = 0; i < samples.size(); i++) {
        if (seriesOf[i] == UNKNOWN_SERIES) {
          seriesOf[i] = ids.get(SeriesKey.of(samples.get(i)));
        }
      }
    }
    PgBinaryCopy rows = new PgBinaryCopy();
    Set<Instant> days = new HashSet<>();
    long lastDay = Long.MIN_VALUE;
    for (int i = 0; i < samples.size(); i++) {
      Sample s = samples.get(i);
      long day = Math.floorDiv(s.timestampMillis(), 86_400_000L);
      if (day != lastDay) { // partitions are daily: one Instant per day, not per sample
        days.add(Instant.ofEpochMilli(day * 86_400_000L));
        lastDay = day;
      }
      rows.row(3).int8(seriesOf[i]).timestamptz(s.timestampMillis()).float8(s.value());
    }
    Batch batch = new Batch(samples, seriesOf, created);
    byte[] data = rows.toByteArray();
    if (partitions != null) {
      partitions.ensure(TimeSeriesTable.SAMPLES, days);
      partitions.ensure(TimeSeriesTable.ROLLUPS, days);
      partitions.ensure(TimeSeriesTable.HOURLY_ROLLUPS, days);
    }
    try {
      insert(data, batch);
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
          insert(data, batch);
          return;
        } catch (SQLException retry) {
          e = retry;
        }
      }
      throw new StoreException("could not store " + samples.size() + " samples: " + e.getMessage(), e);
    }
  }

  /** Writes the open minutes' unwritten samples when there are at most {@link #IDLE_FLUSH_MAX_ROWS}. */
  @Override
  public synchronized void idle() {
    int unwritten = rollups.unwrittenOpenMinutes();
    if (unwritten == 0 || unwritten > IDLE_FLUSH_MAX_ROWS) {
      return;
    }
    try {
      inRollupTransaction((c, plan) -> plan.finishWritingOpenMinutes());
    } catch (SQLException e) {
      throw new StoreException("could not write " + unwritten + " open rollup minutes: " + e.getMessage(), e);
    }
  }

  /** The samples of one write with their series ids, and which series this write created. */
  private record Batch(List<Sample> samples, long[] seriesOf, Set<Long> created) {}

  private void insert(byte[] rows, Batch batch) throws SQLException {
    inRollupTransaction((c, plan) -> {
      anchor(plan, batch, c);
      int fresh = copyNew(c, rows, batch.samples().size());
      feed(plan, batch, fresh, c);
      plan.finish();
    });
  }

  /** What a rollup transaction does before its rows and recompute keys are written. */
  private interface RollupWork {
    void fill(Connection c, MinuteRollups.Plan plan) throws SQLException, java.io.IOException;
  }

  /**
   * One transaction: {@code work} fills a rollup plan (and stores samples), then the plan's minute
   * rows and recomputes are written and it commits; on any failure the plan is aborted, so memory
   * never counts what the database did not commit.
   */
  private void inRollupTransaction(RollupWork work) throws SQLException {
    MinuteRollups.Plan plan = null;
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        RollupMaintenance.prepare(s);
        if (!rollups.knowsHoursCompleteBefore()) {
          RollupMaintenance.loadHourProgress(c, rollups);
        }
        plan = rollups.plan();
        work.fill(c, plan);
        RollupMaintenance.upsert(c, plan.rows());
        RollupMaintenance.recompute(c, plan);
        RollupMaintenance.writeHours(c, plan);
        c.commit();
        plan.committed();
      } catch (SQLException | RuntimeException e) {
        abort(plan);
        c.rollback();
        throw e;
      } catch (java.io.IOException e) {
        abort(plan);
        c.rollback();
        throw new SQLException("COPY failed: " + e.getMessage(), e);
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException | RuntimeException e) {
      abort(plan); // e.g. the connection broke during commit
      throw e;
    }
  }

  /**
   * Stores the batch's samples and returns how many were new. The usual batch is all new: then one
   * binary COPY straight into {@code samples} does it. A batch with any sample already stored (a
   * spool replay) makes that COPY fail on the primary key; then, from a savepoint, the batch goes
   * through a temporary table and {@code INSERT ... ON CONFLICT DO NOTHING} instead (COPY itself
   * cannot skip duplicates). Measured in docs/benchmarks.md "Storage".
   */
  private static int copyNew(Connection c, byte[] rows, int size) throws SQLException, java.io.IOException {
    org.postgresql.copy.CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
    java.sql.Savepoint before = c.setSavepoint();
    try {
      copy.copyIn("COPY samples (series_id, ts, value) FROM STDIN (FORMAT binary)", new ByteArrayInputStream(rows));
      c.releaseSavepoint(before);
      return size;
    } catch (SQLException e) {
      if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
        throw e;
      }
      c.rollback(before);
    }
    copy.copyIn("COPY slamon_samples_in FROM STDIN (FORMAT binary)", new ByteArrayInputStream(rows));
    return RollupMaintenance.insertNew(c, "slamon_samples_in");
  }

  /**
   * Anchors the batch's series that rollup memory does not know: the ones this write created have
   * no earlier sample, the others are looked up.
   */
  private void anchor(MinuteRollups.Plan plan, Batch batch, Connection c) throws SQLException {
    Map<Long, Long> first = new LinkedHashMap<>();
    for (int i = 0; i < batch.seriesOf().length; i++) {
      long id = batch.seriesOf()[i];
      if (batch.created().contains(id)) {
        plan.anchor(id, MinuteRollups.NO_SAMPLE, 0, true);
      } else if (!rollups.knows(id)) {
        first.merge(id, batch.samples().get(i).timestampMillis(), Math::min);
      }
    }
    RollupMaintenance.anchor(c, plan, first.keySet().stream().mapToLong(Long::longValue).toArray(),
        first.values().stream().mapToLong(Long::longValue).toArray());
  }

  /** Hands the samples this transaction really inserted to the in-memory rollups, in batch order. */
  private static void feed(MinuteRollups.Plan plan, Batch batch, int fresh, Connection c) throws SQLException {
    if (fresh == 0) {
      return; // a re-delivered batch: nothing new, nothing to roll up
    }
    List<Sample> samples = batch.samples();
    Set<MinuteRollups.Key> inserted = fresh == samples.size() ? null : RollupMaintenance.newSamples(c);
    for (int i = 0; i < samples.size(); i++) {
      Sample s = samples.get(i);
      long id = batch.seriesOf()[i];
      if (inserted == null || inserted.remove(new MinuteRollups.Key(id, s.timestampMillis()))) {
        plan.add(id, s.timestampMillis(), s.value());
      }
    }
  }

  private static void abort(MinuteRollups.Plan plan) {
    if (plan != null && !plan.isOver()) {
      plan.abort();
    }
  }

  /**
   * Ids for every series of the batch: from the cache, else inserted (one round trip; a second for
   * series that existed already); the ids of series this call created go to {@code created} (they
   * have no earlier samples).
   */
  private Map<SeriesKey, Long> resolveSeries(List<Sample> samples, Set<Long> created) {
    Map<SeriesKey, Long> result = new LinkedHashMap<>();
    List<SeriesKey> missing = new ArrayList<>();
    for (Sample s : samples) {
      SeriesKey key = SeriesKey.of(s);
      if (result.containsKey(key)) {
        continue;
      }
      long id = seriesIds.getValue(key);
      result.put(key, id == UNKNOWN_SERIES ? null : id);
      if (id == UNKNOWN_SERIES) {
        missing.add(key);
      }
    }
    if (missing.isEmpty()) {
      return result;
    }
    Map<SeriesKey, SeriesKey> asked = new HashMap<>();
    missing.forEach(k -> asked.put(k, k));
    String[] tenants = missing.stream().map(SeriesKey::tenant).toArray(String[]::new);
    String[] metrics = missing.stream().map(SeriesKey::metric).toArray(String[]::new);
    String[] labels = missing.stream().map(k -> Json.write(k.labels())).toArray(String[]::new);
    try (Connection c = dataSource.getConnection()) {
      Array t = c.createArrayOf("text", tenants);
      Array m = c.createArrayOf("text", metrics);
      Array l = c.createArrayOf("text", labels);
      // the inserted rows come back with their identity; only series that existed already (another
      // writer, or a cache cleared by a restart) are looked up, so a fleet's first scrape (all new)
      // costs one statement per batch
      try (PreparedStatement ins = c.prepareStatement(
          "INSERT INTO series (tenant, metric, labels) SELECT t, m, l::jsonb FROM unnest(?::text[], ?::text[], ?::text[]) AS u(t, m, l)"
              + " ON CONFLICT DO NOTHING RETURNING id, tenant, metric, labels::text")) {
        ins.setArray(1, t);
        ins.setArray(2, m);
        ins.setArray(3, l);
        try (ResultSet rs = ins.executeQuery()) {
          while (rs.next()) {
            created.add(rs.getLong(1));
            remember(rs, asked, result);
          }
        }
      }
      if (created.size() < missing.size()) {
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
              remember(rs, asked, result);
            }
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

  /** Caches the series row (id, tenant, metric, labels text) under the caller's key. */
  private void remember(ResultSet rs, Map<SeriesKey, SeriesKey> asked, Map<SeriesKey, Long> result) throws SQLException {
    SeriesKey key = new SeriesKey(rs.getString(2), rs.getString(3), Labels.of(Json.readStrings(rs.getString(4))));
    // cache the caller's key: its Labels instance comes back with every scrape, so later lookups
    // compare by identity instead of label by label
    key = asked.getOrDefault(key, key);
    seriesIds.put(key, rs.getLong(1));
    result.put(key, rs.getLong(1));
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
