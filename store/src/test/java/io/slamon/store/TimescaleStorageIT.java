package io.slamon.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;

/**
 * The storage suite against a real TimescaleDB: {@code SLAMON_TEST_TIMESCALE_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5433/slamon}, user/password {@code SLAMON_TEST_TIMESCALE_USER}
 * / {@code SLAMON_TEST_TIMESCALE_PASSWORD}, default slamon/slamon). The role needs CREATEDB: each
 * run works in a fresh database, dropped afterwards. Skipped, saying why, when not reachable.
 */
@DisplayName("storage suite on TimescaleDB (hypertables)")
class TimescaleStorageIT extends StorageContract {
  static final String URL = env("SLAMON_TEST_TIMESCALE_URL", "jdbc:postgresql://127.0.0.1:5433/slamon");
  static final String USER = env("SLAMON_TEST_TIMESCALE_USER", "slamon");
  static final String PASSWORD = env("SLAMON_TEST_TIMESCALE_PASSWORD", "slamon");

  private static String databaseName;
  private static Database database;

  @BeforeAll
  static void open() {
    databaseName = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    String problem = null;
    try (Connection c = DriverManager.getConnection(URL + "?connectTimeout=3", USER, PASSWORD);
        Statement s = c.createStatement()) {
      var rs = s.executeQuery("SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb'");
      if (!rs.next()) {
        problem = URL + " is reachable but has no timescaledb extension available";
      } else {
        s.execute("CREATE DATABASE " + databaseName);
      }
    } catch (SQLException e) {
      problem = "cannot use " + URL + " as " + USER + " (" + e.getMessage() + ")";
    }
    String skipped = "TimescaleDB storage suite SKIPPED: " + problem
        + ". To enable it run scripts/install-timescaledb.sh as root (Debian 12), or point"
        + " SLAMON_TEST_TIMESCALE_URL/_USER/_PASSWORD at a TimescaleDB whose role may CREATE DATABASE.";
    if (problem != null) {
      // surefire shows a class-level assumption only as "0 tests": say it where people look
      System.out.println(skipped);
    }
    assumeTrue(problem == null, skipped);
    String url = URL.substring(0, URL.lastIndexOf('/') + 1) + databaseName;
    database = Database.open(new DatabaseSettings(url, USER, PASSWORD, null), message -> {});
    System.out.println("storage suite ran on: " + database.backend().describe());
  }

  @AfterAll
  static void close() throws SQLException {
    if (database != null) {
      database.close();
      try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD);
          Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + databaseName + " WITH (FORCE)");
      }
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  @Override
  protected Database database() {
    return database;
  }

  @Override
  protected Backend.Kind expectedKind() {
    return database.backend().kind() == Backend.Kind.TIMESCALE_COMMUNITY
        ? Backend.Kind.TIMESCALE_COMMUNITY
        : Backend.Kind.TIMESCALE_APACHE;
  }
}
