package io.slamon.store;

import io.slamon.store.internal.PartitionedSchema;
import io.slamon.store.internal.TimeSeriesTable;
import io.slamon.store.internal.Timestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Drops old time-series data in whole chunks or partitions (cheap, no row-by-row DELETE and no
 * bloat). Only data entirely older than the cutoff goes: the chunk or day that contains the
 * cutoff is kept, so up to one day more than asked may remain.
 */
public final class Retention {
  private final DataSource dataSource;
  private final Backend backend;
  private final PartitionedSchema partitions;

  Retention(DataSource dataSource, Backend backend, PartitionedSchema partitions) {
    this.dataSource = dataSource;
    this.backend = backend;
    this.partitions = partitions;
  }

  /**
   * Applies the configured retention at {@code now}: raw {@code samples} older than {@code rawAge},
   * {@code rollups_1m} and {@code rollups_1h} older than {@code rollupAge} (rollups are what long windows read, so they
   * are kept much longer than raw samples). Returns the dropped chunks or partitions.
   */
  public List<String> apply(Instant now, java.time.Duration rawAge, java.time.Duration rollupAge) {
    if (rollupAge.compareTo(rawAge) < 0) {
      throw new IllegalArgumentException("rollup retention " + rollupAge + " is shorter than raw retention " + rawAge
          + "; long windows would lose data that is still needed");
    }
    List<String> dropped = new ArrayList<>(dropOlderThan(TimeSeriesTable.SAMPLES.tableName(), now.minus(rawAge)));
    dropped.addAll(dropOlderThan(TimeSeriesTable.ROLLUPS.tableName(), now.minus(rollupAge)));
    dropped.addAll(dropOlderThan(TimeSeriesTable.HOURLY_ROLLUPS.tableName(), now.minus(rollupAge)));
    return dropped;
  }

  /**
   * Drops the chunks (TimescaleDB) or daily partitions (plain PostgreSQL) of {@code table}
   * ({@code samples}, {@code slo_status}, {@code rollups_1m} or {@code rollups_1h}) whose whole time range lies before {@code cutoff}.
   *
   * @return the names of the dropped chunks or partitions, sorted
   */
  public List<String> dropOlderThan(String table, Instant cutoff) {
    TimeSeriesTable t = TimeSeriesTable.byName(table);
    Objects.requireNonNull(cutoff, "cutoff");
    if (!Timestamps.inRange(cutoff)) {
      throw new IllegalArgumentException("retention cutoff " + cutoff + " is outside years 1..9999");
    }
    if (!backend.hypertables()) {
      return partitions.dropOlderThan(t, cutoff);
    }
    List<String> dropped = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT drop_chunks(?::regclass, older_than => ?::timestamptz)")) {
      ps.setString(1, t.tableName());
      Timestamps.set(ps, 2, cutoff);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          dropped.add(rs.getString(1));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("could not drop chunks of " + table + " older than " + cutoff + ": " + e.getMessage(), e);
    }
    dropped.sort(null);
    return dropped;
  }
}
