package io.slamon.store.internal;

import io.slamon.store.Backend;
import io.slamon.store.Backend.Kind;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;

/** Finds out which backend a connection talks to, enabling TimescaleDB when it is available. */
public final class BackendDetector {
  private BackendDetector() {}

  /**
   * Before migrations: when the {@code timescaledb} extension is available, creates it (if the
   * role may) and returns its edition; otherwise {@link Kind#POSTGRES}. Decides the table layout.
   */
  public static Kind enableTimescale(Connection c, Consumer<String> progress) throws SQLException {
    String available = queryString(c, "SELECT default_version FROM pg_available_extensions WHERE name = 'timescaledb'");
    if (available == null) {
      return Kind.POSTGRES;
    }
    if (installedVersion(c) == null) {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE EXTENSION IF NOT EXISTS timescaledb");
      } catch (SQLException e) {
        // e.g. not in shared_preload_libraries, or the role may not create it: plain tables still work
        progress.accept("TimescaleDB " + available + " is available but could not be enabled ("
            + e.getMessage().strip() + "); using plain PostgreSQL range partitions");
        return Kind.POSTGRES;
      }
    }
    return edition(c);
  }

  /** After migrations and schema setup: the full picture, including the layout the tables really have. */
  public static Backend detect(Connection c) throws SQLException {
    String serverVersion = queryString(c, "SHOW server_version").split("\\s+")[0];
    String tsVersion = installedVersion(c);
    if (tsVersion == null) {
      return new Backend(Kind.POSTGRES, serverVersion, null, false, false, Backend.DROP_PARTITIONS);
    }
    Kind kind = edition(c);
    boolean hypertables = isHypertable(c, "samples");
    return new Backend(
        kind,
        serverVersion,
        tsVersion,
        hypertables,
        hypertables && kind == Kind.TIMESCALE_COMMUNITY,
        hypertables ? Backend.DROP_CHUNKS : Backend.DROP_PARTITIONS);
  }

  static String installedVersion(Connection c) throws SQLException {
    return queryString(c, "SELECT extversion FROM pg_extension WHERE extname = 'timescaledb'");
  }

  /** True when {@code table} (in the current schema) is a TimescaleDB hypertable. */
  public static boolean isHypertable(Connection c, String table) throws SQLException {
    if (installedVersion(c) == null) {
      return false;
    }
    try (var ps = c.prepareStatement(
        "SELECT 1 FROM timescaledb_information.hypertables WHERE hypertable_schema = current_schema() AND hypertable_name = ?")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static Kind edition(Connection c) throws SQLException {
    // 'apache' = Apache-2 build (no compression), 'timescale' = community build
    String license = queryString(c, "SELECT current_setting('timescaledb.license', true)");
    return "timescale".equalsIgnoreCase(license) ? Kind.TIMESCALE_COMMUNITY : Kind.TIMESCALE_APACHE;
  }

  private static String queryString(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }
}
