package io.slamon.store;

import io.slamon.core.audit.AuditChain;
import io.slamon.core.audit.AuditEntry;
import io.slamon.store.internal.LockedTransaction;
import io.slamon.store.internal.Rows;
import io.slamon.store.internal.Timestamps;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/**
 * The audit log in PostgreSQL. Appends take a transaction-scoped advisory lock, so two processes
 * appending at once still form one chain; the table refuses UPDATE and DELETE by trigger.
 */
public final class PostgresAuditLog implements AuditLog {
  /** Advisory lock key for appends ("slamon audit" as a number). */
  private static final long APPEND_LOCK = 0x736c616d6f6e4175L;
  private static final String COLUMNS = "seq, at, actor, subject, action, old_value, new_value, reason, prev_hash, hash";

  private final DataSource dataSource;

  PostgresAuditLog(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public AuditEntry append(Instant at, String actor, String subject, String action, String oldValue, String newValue, String reason) {
    try {
      return LockedTransaction.run(dataSource, APPEND_LOCK, c -> {
        AuditEntry previous;
        try (PreparedStatement last = c.prepareStatement("SELECT " + COLUMNS + " FROM audit_log ORDER BY seq DESC LIMIT 1")) {
          List<AuditEntry> rows = Rows.read(last, PostgresAuditLog::entry);
          previous = rows.isEmpty() ? null : rows.getFirst();
        }
        AuditEntry entry = AuditChain.next(previous, at, actor, subject, action, oldValue, newValue, reason);
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO audit_log (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
          ins.setLong(1, entry.seq());
          Timestamps.set(ins, 2, entry.at());
          ins.setString(3, entry.actor());
          ins.setString(4, entry.subject());
          ins.setString(5, entry.action());
          ins.setString(6, entry.oldValue());
          ins.setString(7, entry.newValue());
          ins.setString(8, entry.reason());
          ins.setString(9, entry.prevHash());
          ins.setString(10, entry.hash());
          ins.executeUpdate();
        }
        return entry;
      });
    } catch (SQLException e) {
      throw new StoreException("could not append to the audit log (" + action + " on " + subject + "): " + e.getMessage(), e);
    }
  }

  @Override
  public List<AuditEntry> all() {
    return Rows.query(dataSource, "the audit log", "SELECT " + COLUMNS + " FROM audit_log ORDER BY seq", PostgresAuditLog::entry);
  }

  @Override
  public List<AuditEntry> forSubject(String subject) {
    return Rows.query(dataSource, "the audit log", "SELECT " + COLUMNS + " FROM audit_log WHERE subject = ? ORDER BY seq",
        PostgresAuditLog::entry, subject);
  }

  private static AuditEntry entry(ResultSet rs) throws SQLException {
    return new AuditEntry(rs.getLong("seq"), Timestamps.get(rs, "at"), rs.getString("actor"), rs.getString("subject"),
        rs.getString("action"), rs.getString("old_value"), rs.getString("new_value"), rs.getString("reason"),
        rs.getString("prev_hash"), rs.getString("hash"));
  }
}
