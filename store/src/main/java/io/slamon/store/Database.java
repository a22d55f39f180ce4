package io.slamon.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.slamon.store.internal.BackendDetector;
import io.slamon.store.internal.EmbeddedPostgresServer;
import io.slamon.store.internal.PartitionedSchema;
import io.slamon.store.internal.TimescaleSchema;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The opened database: connection pool, migrated schema, detected backend and the stores. One per
 * process; thread-safe.
 */
public final class Database implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Database.class);
  static final String EMBEDDED_DATABASE = "slamon";

  private final HikariDataSource pool;
  private final EmbeddedPostgresServer embedded; // null with an external server
  private final String jdbcUrl;
  private final Backend backend;
  private final PostgresSampleStore samples;
  private final PostgresRollupReader rollups;
  private final PostgresEventStore events;
  private final PostgresSloStatusStore sloStatus;
  private final PostgresIncidentStore incidents;
  private final PostgresAuditLog auditLog;
  private final PostgresClockStore clocks;
  private final Retention retention;
  private final PostgresPeriodResultStore periodResults;
  private final PostgresReportArchive reportArchive;

  private Database(HikariDataSource pool, EmbeddedPostgresServer embedded, String jdbcUrl, Backend backend,
      PartitionedSchema partitions, InstantSource clock) {
    this.pool = pool;
    this.embedded = embedded;
    this.jdbcUrl = jdbcUrl;
    this.backend = backend;
    PartitionedSchema p = backend.hypertables() ? null : partitions;
    this.samples = new PostgresSampleStore(pool, p);
    this.rollups = new PostgresRollupReader(pool);
    this.events = new PostgresEventStore(pool, clock);
    this.sloStatus = new PostgresSloStatusStore(pool, p);
    this.incidents = new PostgresIncidentStore(pool);
    this.auditLog = new PostgresAuditLog(pool);
    this.clocks = new PostgresClockStore(pool);
    this.retention = new Retention(pool, backend, partitions);
    this.periodResults = new PostgresPeriodResultStore(pool);
    this.reportArchive = new PostgresReportArchive(pool);
  }

  /** Opens with the system clock. See {@link #open(DatabaseSettings, Consumer, InstantSource)}. */
  public static Database open(DatabaseSettings settings, Consumer<String> progress) {
    return open(settings, progress, InstantSource.system());
  }

  /**
   * Starts the embedded server when {@code settings.url()} is null, connects, enables TimescaleDB
   * when available, migrates and prepares the time-series tables. {@code progress} receives
   * human-readable steps (also logged). Throws {@link StoreException} saying what failed.
   */
  public static Database open(DatabaseSettings settings, Consumer<String> progress, InstantSource clock) {
    Objects.requireNonNull(settings, "settings");
    Consumer<String> report = message -> {
      LOG.info(message);
      progress.accept(message);
    };
    EmbeddedPostgresServer embedded = null;
    String url = settings.url();
    String user = settings.user();
    if (settings.embedded()) {
      embedded = EmbeddedPostgresServer.start(settings.dataDirectory().resolve("postgres"), report);
      try {
        embedded.createDatabaseIfMissing(EMBEDDED_DATABASE);
      } catch (RuntimeException e) {
        embedded.close();
        throw e;
      }
      url = embedded.jdbcUrl(EMBEDDED_DATABASE);
      user = user == null ? EmbeddedPostgresServer.SUPERUSER : user;
    }
    HikariDataSource pool = null;
    try {
      pool = pool(url, user, settings.password());
      PartitionedSchema partitions = new PartitionedSchema(pool);
      Backend backend = prepareSchema(pool, partitions, clock, report);
      report.accept("storage backend: " + backend.describe());
      return new Database(pool, embedded, url, backend, partitions, clock);
    } catch (RuntimeException e) {
      if (pool != null) {
        pool.close();
      }
      if (embedded != null) {
        embedded.close();
      }
      throw e;
    }
  }

  private static HikariDataSource pool(String url, String user, String password) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("slamon-store");
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(8);
    config.setConnectionTimeout(10_000);
    try {
      return new HikariDataSource(config);
    } catch (RuntimeException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new StoreException("cannot connect to " + url + (user == null ? "" : " as " + user) + ": "
          + cause.getMessage(), e);
    }
  }

  private static Backend prepareSchema(
      DataSource pool, PartitionedSchema partitions, InstantSource clock, Consumer<String> report) {
    try {
      Backend.Kind kind;
      try (Connection c = pool.getConnection()) {
        kind = BackendDetector.enableTimescale(c, report);
      }
      boolean partitioned = kind == Backend.Kind.POSTGRES;
      Flyway.configure()
          .dataSource(pool)
          .locations("classpath:db/migration")
          // V4_1 (storage follow-up) must also apply to databases already migrated past V4
          .outOfOrder(true)
          .placeholders(Map.of(
              "samples_partitioning", partitioned ? "PARTITION BY RANGE (ts)" : "",
              "slo_status_partitioning", partitioned ? "PARTITION BY RANGE (evaluated_at)" : "",
              "rollups_partitioning", partitioned ? "PARTITION BY RANGE (minute)" : "",
              "rollups_1h_partitioning", partitioned ? "PARTITION BY RANGE (hour)" : ""))
          .load()
          .migrate();
      Backend backend;
      try (Connection c = pool.getConnection()) {
        if (kind != Backend.Kind.POSTGRES) {
          List<String> converted = TimescaleSchema.apply(c);
          if (!converted.isEmpty()) {
            report.accept("created hypertables " + converted);
          }
        }
        backend = BackendDetector.detect(c);
      }
      if (!backend.hypertables()) {
        partitions.maintain(clock.instant());
      }
      return backend;
    } catch (SQLException e) {
      throw new StoreException("could not prepare the schema: " + e.getMessage(), e);
    } catch (org.flywaydb.core.api.FlywayException e) {
      throw new StoreException("schema migration failed: " + e.getMessage(), e);
    }
  }

  public DataSource dataSource() {
    return pool;
  }

  public Backend backend() {
    return backend;
  }

  /** The JDBC URL in use (for the embedded server: {@code jdbc:postgresql://127.0.0.1:<port>/slamon}). */
  public String jdbcUrl() {
    return jdbcUrl;
  }

  /** Health: are operations likely to succeed? (A connection within 2 s that answers.) */
  public boolean check() {
    if (pool.isClosed()) {
      return false;
    }
    try (Connection c = pool.getConnection()) {
      return c.isValid(2);
    } catch (SQLException | RuntimeException e) {
      return false;
    }
  }

  public PostgresSampleStore sampleStore() {
    return samples;
  }

  /** The 1-minute rollups the sample store maintains (see docs/storage.md "Rollups"). */
  public RollupReader rollupReader() {
    return rollups;
  }

  public EventStore eventStore() {
    return events;
  }

  public SloStatusStore sloStatusStore() {
    return sloStatus;
  }

  public IncidentStore incidentStore() {
    return incidents;
  }

  /** The append-only, hash-chained audit log (incident timelines, notifications, reports). */
  public AuditLog auditLog() {
    return auditLog;
  }

  /** Regulatory clock facts: classifications and fired escalation steps. */
  public ClockStore clockStore() {
    return clocks;
  }

  /** Monthly period results of the engine's period job (read by reports). */
  public PeriodResultStore periodResultStore() {
    return periodResults;
  }

  /** Issued reports, immutable and hash-chained. */
  public ReportArchive reportArchive() {
    return reportArchive;
  }

  public Retention retention() {
    return retention;
  }

  /** Closes the pool and stops the embedded server if this instance started it. */
  @Override
  public void close() {
    pool.close();
    if (embedded != null) {
      embedded.close();
    }
  }
}
