package io.slamon.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the time-series tables into hypertables with daily chunks (30-day chunks for the hourly
 * rollups). Runs at every open right
 * after the Flyway migrations and is idempotent ({@code if_not_exists}); it is Java rather than a
 * migration because the same migrations must also run where TimescaleDB is absent.
 */
public final class TimescaleSchema {
  private TimescaleSchema() {}

  /** Returns the tables it converted in this call (empty when all already were hypertables). */
  public static List<String> apply(Connection c) throws SQLException {
    List<String> converted = new ArrayList<>();
    for (TimeSeriesTable table : TimeSeriesTable.values()) {
      if (BackendDetector.isHypertable(c, table.tableName()) || PartitionedSchema.isPartitioned(c, table.tableName())) {
        // a database created while TimescaleDB was absent keeps its partitions; see docs/storage.md
        continue;
      }
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT create_hypertable(?::regclass, ?::name, chunk_time_interval => ?::interval,"
              + " if_not_exists => TRUE, migrate_data => TRUE)")) {
        ps.setString(1, table.tableName());
        ps.setString(2, table.timeColumn());
        ps.setString(3, table.chunkInterval());
        ps.execute();
      }
      converted.add(table.tableName());
    }
    return converted;
  }
}
