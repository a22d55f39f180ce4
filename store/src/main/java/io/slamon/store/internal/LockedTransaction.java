package io.slamon.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * One transaction that holds a PostgreSQL transaction-scoped advisory lock from its start until
 * commit or rollback, so work that must not interleave across processes (partition DDL, audit
 * appends) is serialised by the database, not by the JVM.
 */
public final class LockedTransaction {
  private LockedTransaction() {}

  /** What runs inside the transaction, on its connection. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /** Runs {@code work} holding lock {@code lockKey}; commits its result, rolls back on any failure. */
  public static <T> T run(DataSource dataSource, long lockKey, Work<T> work) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
          lock.setLong(1, lockKey);
          lock.execute();
        }
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    }
  }
}
