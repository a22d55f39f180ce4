package io.slamon.alerts;

import io.slamon.store.StoreException;
import io.slamon.store.internal.Rows;
import io.slamon.store.internal.Timestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The persistent outbox (tables {@code alert_outbox}, {@code alert_delivery_attempts}, migration
 * V5). A notification is queued once per receiver under its idempotency key (the event id);
 * queueing it again is a no-op, so callers may enqueue after every restart without fear.
 */
public final class Outbox {
  /** A queued delivery. */
  public record Entry(long id, String idempotencyKey, String receiver, String tenant, Notification notification,
      Instant createdAt, Instant nextAttemptAt, int attempts, String state, Instant deliveredAt, String lastError,
      boolean failureAlerted) {}

  /** A recorded attempt. */
  public record RecordedAttempt(long outboxId, int attempt, Instant startedAt, long durationMs, Integer httpStatus, String error) {}

  private static final String COLUMNS = "id, idempotency_key, receiver, tenant, notification::text AS notification, created_at,"
      + " next_attempt_at, attempts, state, delivered_at, last_error, failure_alerted";

  private final DataSource dataSource;

  public Outbox(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  /** Queues {@code n} for {@code receiver}, due at {@code notBefore}; false when it was queued before. */
  public boolean enqueue(Notification n, String receiver, Instant notBefore, Instant now) {
    try (Connection c = dataSource.getConnection()) {
      return enqueue(c, n, receiver, notBefore, now);
    } catch (SQLException e) {
      throw new StoreException("could not queue " + n.eventId() + " for " + receiver + ": " + e.getMessage(), e);
    }
  }

  /** As {@link #enqueue(Notification, String, Instant, Instant)}, inside the caller's transaction. */
  boolean enqueue(Connection c, Notification n, String receiver, Instant notBefore, Instant now) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO alert_outbox (idempotency_key, receiver, tenant, notification,"
            + " created_at, next_attempt_at) VALUES (?, ?, ?, ?::jsonb, ?, ?) ON CONFLICT (idempotency_key, receiver) DO NOTHING")) {
      ps.setString(1, n.eventId());
      ps.setString(2, receiver);
      ps.setString(3, n.label("tenant"));
      ps.setString(4, NotificationJson.write(n));
      Timestamps.set(ps, 5, now);
      Timestamps.set(ps, 6, notBefore);
      return ps.executeUpdate() == 1;
    }
  }

  /**
   * The oldest due pending entry for {@code receiver}, locked in {@code c}'s transaction ({@code FOR
   * UPDATE SKIP LOCKED}): other dispatchers skip it until this transaction ends, and if this process
   * dies mid-delivery the lock goes with its connection and the entry is due again.
   */
  Optional<Entry> claimNext(Connection c, String receiver, Instant now) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM alert_outbox WHERE state = 'pending'"
        + " AND next_attempt_at <= ? AND receiver = ? ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED")) {
      Timestamps.set(ps, 1, now);
      ps.setString(2, receiver);
      return Rows.read(ps, Outbox::entry).stream().findFirst();
    }
  }

  /** The receivers with due pending entries. */
  List<String> dueReceivers(Instant now) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT DISTINCT receiver FROM alert_outbox WHERE state = 'pending'"
            + " AND next_attempt_at <= ? ORDER BY receiver")) {
      Timestamps.set(ps, 1, now);
      return Rows.read(ps, rs -> rs.getString(1));
    } catch (SQLException e) {
      throw new StoreException("cannot read the outbox: " + e.getMessage(), e);
    }
  }

  /** Records attempt number {@code attempt} of {@code id} and the entry's new state, in {@code c}'s transaction. */
  void record(Connection c, long id, int attempt, Channel.Attempt a, String state, Instant nextAttemptAt) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO alert_delivery_attempts"
        + " (outbox_id, attempt, started_at, duration_ms, http_status, error) VALUES (?, ?, ?, ?, ?, ?)")) {
      ps.setLong(1, id);
      ps.setInt(2, attempt);
      Timestamps.set(ps, 3, a.startedAt());
      ps.setLong(4, a.duration().toMillis());
      ps.setObject(5, a.status());
      ps.setString(6, a.error());
      ps.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement("UPDATE alert_outbox SET attempts = ?, state = ?, next_attempt_at = ?,"
        + " delivered_at = ?, last_error = ? WHERE id = ?")) {
      ps.setInt(1, attempt);
      ps.setString(2, state);
      Timestamps.set(ps, 3, nextAttemptAt);
      Timestamps.set(ps, 4, a.succeeded() ? a.startedAt().plus(a.duration()) : null);
      ps.setString(5, a.error());
      ps.setLong(6, id);
      ps.executeUpdate();
    }
  }

  /**
   * Entries that failed and have not raised their alert yet: rejected ones, and pending ones queued
   * before {@code queuedBefore} that have been tried at least once.
   */
  public List<Entry> failingUnalerted(Instant queuedBefore) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM alert_outbox WHERE NOT failure_alerted"
            + " AND (state = 'rejected' OR (state = 'pending' AND attempts > 0 AND created_at < ?)) ORDER BY id")) {
      Timestamps.set(ps, 1, queuedBefore);
      return Rows.read(ps, Outbox::entry);
    } catch (SQLException e) {
      throw new StoreException("could not read failing deliveries: " + e.getMessage(), e);
    }
  }

  public void markFailureAlerted(long id) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("UPDATE alert_outbox SET failure_alerted = true WHERE id = ?")) {
      ps.setLong(1, id);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("could not mark delivery " + id + " as alerted: " + e.getMessage(), e);
    }
  }

  /** Every entry, oldest first (for the CLI and tests). */
  public List<Entry> entries() {
    return Rows.query(dataSource, "the alert outbox", "SELECT " + COLUMNS + " FROM alert_outbox ORDER BY id", Outbox::entry);
  }

  /** The recorded attempts of entry {@code id}, in order. */
  public List<RecordedAttempt> attempts(long id) {
    return Rows.query(dataSource, "delivery attempts of " + id, "SELECT outbox_id, attempt, started_at, duration_ms, http_status, error"
        + " FROM alert_delivery_attempts WHERE outbox_id = ?::bigint ORDER BY attempt",
        rs -> new RecordedAttempt(rs.getLong(1), rs.getInt(2), Timestamps.get(rs, "started_at"), rs.getLong(4),
            (Integer) rs.getObject(5), rs.getString(6)), Long.toString(id));
  }

  private static Entry entry(ResultSet rs) throws SQLException {
    return new Entry(rs.getLong("id"), rs.getString("idempotency_key"), rs.getString("receiver"), rs.getString("tenant"),
        NotificationJson.read(rs.getString("notification")), Timestamps.get(rs, "created_at"),
        Timestamps.get(rs, "next_attempt_at"), rs.getInt("attempts"), rs.getString("state"),
        Timestamps.get(rs, "delivered_at"), rs.getString("last_error"), rs.getBoolean("failure_alerted"));
  }
}
