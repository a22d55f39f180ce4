package io.slamon.alerts;

import io.slamon.store.StoreException;
import io.slamon.store.internal.Rows;
import io.slamon.store.internal.Timestamps;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Which alerts are firing (table {@code alert_state}), so that each firing and each resolution is one
 * event, also across restarts: a condition that appears fires once, one that stays is only re-sent to
 * Alertmanager, one that is gone is resolved with {@code endsAt}. The transitions are queued in the
 * same transaction that changes the state.
 */
final class AlertLifecycle {
  /** Queues a transition inside the lifecycle's transaction. */
  @FunctionalInterface
  interface Sink {
    void accept(Connection c, Notification n) throws SQLException;
  }

  private final DataSource dataSource;

  AlertLifecycle(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Alertmanager-style identity of a label set. */
  static String fingerprint(Map<String, String> labels) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      new java.util.TreeMap<>(labels).forEach((k, v) -> sha.update((k + "\u0000" + v + "\u0000").getBytes(StandardCharsets.UTF_8)));
      return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  private static Notification notification(AlertSpec s, String fp, Instant startsAt, Instant endsAt) {
    String id = "alert-" + fp + "-" + startsAt.getEpochSecond() + (endsAt == null ? "-firing" : "-resolved");
    return new Notification(id, Notification.Kind.ALERT, endsAt == null ? Notification.Status.FIRING : Notification.Status.RESOLVED,
        s.title(), s.labels(), s.annotations(), startsAt, endsAt, s.incidentId(), s.labels().get("regime"), s.dashboardUrl(), s.runbookUrl());
  }

  private static AlertSpec spec(Notification n) {
    return new AlertSpec(n.title(), n.labels(), n.annotations(), n.dashboardUrl(), n.runbookUrl(), n.incidentId());
  }

  /** Makes {@code firing} the set of firing alerts; queues the transitions to {@code sink}; returns them. */
  List<Notification> update(List<AlertSpec> firing, Instant now, Sink sink) {
    Map<String, AlertSpec> wanted = new HashMap<>();
    firing.forEach(s -> wanted.put(fingerprint(s.labels()), s));
    List<Notification> transitions = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        Map<String, Notification> held = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT fingerprint, alert::text FROM alert_state FOR UPDATE")) {
          Rows.read(ps, rs -> held.put(rs.getString(1), NotificationJson.read(rs.getString(2))));
        }
        for (var e : wanted.entrySet()) {
          Notification old = held.get(e.getKey());
          Instant start = old == null ? now : old.startsAt();
          Notification n = notification(e.getValue(), e.getKey(), start, null);
          try (PreparedStatement ps = c.prepareStatement("INSERT INTO alert_state (fingerprint, alert, starts_at, last_seen_at)"
              + " VALUES (?, ?::jsonb, ?, ?) ON CONFLICT (fingerprint) DO UPDATE SET alert = excluded.alert, last_seen_at = excluded.last_seen_at")) {
            ps.setString(1, e.getKey());
            ps.setString(2, NotificationJson.write(n));
            Timestamps.set(ps, 3, start);
            Timestamps.set(ps, 4, now);
            ps.executeUpdate();
          }
          if (old == null) {
            sink.accept(c, n);
            transitions.add(n);
          }
        }
        for (var e : held.entrySet()) {
          if (!wanted.containsKey(e.getKey())) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM alert_state WHERE fingerprint = ?")) {
              ps.setString(1, e.getKey());
              ps.executeUpdate();
            }
            Notification n = notification(spec(e.getValue()), e.getKey(), e.getValue().startsAt(), now);
            sink.accept(c, n);
            transitions.add(n);
          }
        }
        c.commit();
        return transitions;
      } catch (SQLException | RuntimeException ex) {
        c.rollback();
        throw ex;
      }
    } catch (SQLException e) {
      throw new StoreException("could not update the firing alerts: " + e.getMessage(), e);
    }
  }

  /** The alerts firing now, as Alertmanager must keep seeing them. */
  List<Notification> active() {
    return Rows.query(dataSource, "firing alerts", "SELECT alert::text FROM alert_state ORDER BY fingerprint",
        rs -> NotificationJson.read(rs.getString(1)));
  }
}
