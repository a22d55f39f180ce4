package io.slamon.app;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Periodic jobs (SLO and burn-rate rounds, SLA period results) that run on exactly one slamon
 * instance of those sharing a database. Leadership is a PostgreSQL session-level advisory lock
 * held on one dedicated connection: the instance holding it runs every job, the others try to take
 * it at each of their ticks and run nothing meanwhile. When the holder stops (or its connection
 * dies) PostgreSQL releases the lock and the next instance to tick takes over — no lease table, no
 * clock skew between instances to reason about.
 *
 * <p>Adding a job is one line: {@code scheduler.every(Duration.ofHours(1), "sla-periods", job)}.
 */
final class EvaluationScheduler implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EvaluationScheduler.class);
  /** "slamonEv" in ASCII: the key every instance locks; distinct from the audit log's key. */
  static final long LEADER_LOCK = 0x736c616d6f6e4576L;

  private final DataSource dataSource;
  private final long lockKey;
  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("slamon-scheduler").factory());
  private final List<Job> jobs = new ArrayList<>();
  private boolean started;
  private Connection leaderConnection; // only touched on the executor thread (and in close after shutdown)

  private record Job(String name, Duration period, Runnable work) {}

  EvaluationScheduler(DataSource dataSource) {
    this(dataSource, LEADER_LOCK);
  }

  EvaluationScheduler(DataSource dataSource, long lockKey) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.lockKey = lockKey;
  }

  /**
   * Registers {@code work} to run every {@code period} (first run after one period) while this
   * instance is the leader. A job that throws is logged and runs again next time.
   */
  synchronized EvaluationScheduler every(Duration period, String name, Runnable work) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(work, "work");
    if (period == null || period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("Illegal period " + period + " for job " + name + ": expecting a positive duration");
    }
    Job job = new Job(name, period, work);
    jobs.add(job);
    if (started) {
      schedule(job);
    }
    return this;
  }

  /** Starts the registered jobs (and any registered later). */
  synchronized EvaluationScheduler start() {
    if (!started) {
      started = true;
      jobs.forEach(this::schedule);
    }
    return this;
  }

  private void schedule(Job job) {
    long millis = job.period().toMillis();
    executor.scheduleWithFixedDelay(() -> runIfLeader(job), millis, millis, TimeUnit.MILLISECONDS);
  }

  private void runIfLeader(Job job) {
    try {
      if (!lead()) {
        LOG.debug("job {} skipped: another instance holds the evaluation lock", job.name());
        return;
      }
      job.work().run();
    } catch (RuntimeException e) {
      // a failed round (database briefly away) must not stop the schedule
      LOG.warn("job {} failed: {}", job.name(), Main.describe(e));
    }
  }

  /** Whether this instance leads now: keeps a held lock if its connection is alive, else tries to take it. */
  private boolean lead() {
    if (leaderConnection != null) {
      try {
        if (leaderConnection.isValid(2)) {
          return true;
        }
      } catch (SQLException e) {
        // fall through: the lock went with the connection
      }
      LOG.warn("lost the evaluation lock (connection closed); trying to take it again");
      closeQuietly(leaderConnection);
      leaderConnection = null;
    }
    Connection c = null;
    try {
      c = dataSource.getConnection();
      try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
        s.setLong(1, lockKey);
        try (ResultSet rs = s.executeQuery()) {
          rs.next();
          if (rs.getBoolean(1)) {
            leaderConnection = c;
            LOG.info("this instance now runs the scheduled evaluation (advisory lock {})", lockKey);
            return true;
          }
        }
      }
      closeQuietly(c);
      return false;
    } catch (SQLException e) {
      closeQuietly(c);
      LOG.warn("cannot check the evaluation lock: {}", e.getMessage());
      return false;
    }
  }

  /** Whether this instance held the lock at its last tick (for tests and status output). */
  boolean isLeader() {
    try {
      return executor.submit(() -> leaderConnection != null).get();
    } catch (Exception e) {
      return false;
    }
  }

  /** Stops the jobs and releases the lock, so another instance takes over at its next tick. */
  @Override
  public void close() {
    executor.shutdownNow();
    try {
      executor.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Connection c = leaderConnection;
    leaderConnection = null;
    if (c != null) {
      try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
        s.setLong(1, lockKey);
        s.execute();
      } catch (SQLException e) {
        LOG.debug("unlock failed (the connection's end releases it): {}", e.getMessage());
      }
      closeQuietly(c);
    }
  }

  private static void closeQuietly(Connection c) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException e) {
        LOG.debug("closing a connection failed: {}", e.getMessage());
      }
    }
  }
}
