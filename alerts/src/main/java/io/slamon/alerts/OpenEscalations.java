package io.slamon.alerts;

import io.slamon.incident.clock.DeadlineKind;
import io.slamon.store.internal.Rows;
import io.slamon.store.internal.Timestamps;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Regulatory escalations handed over ({@code escalation_handoffs}) and not resolved yet. A step is
 * a condition, not a one-off message: "the statutory notification is due and not recorded". It
 * clears when a notification against its deadline is recorded ({@code incident_notifications}) or
 * the incident ends (resolved, closed, cancelled e.g. by a merge, whose notifications move to the
 * surviving incident).
 */
final class OpenEscalations {
  private static final Set<String> ENDED = Set.of("resolved", "closed", "cancelled");

  /** One open step with what the database says about its incident. */
  record Open(String incidentId, String stepId, String tenant, Instant firedAt, boolean late, String incidentState,
      Set<String> notifiedDeadlines) {
    /** Why the condition no longer holds, or empty while it does. */
    Optional<String> clearedBecause() {
      String deadline = deadlineName(stepId);
      if (deadline != null && notifiedDeadlines.contains(deadline)) {
        return Optional.of("the notification for this deadline was recorded");
      }
      if (ENDED.contains(incidentState)) {
        return Optional.of("incident " + incidentId + " is " + incidentState);
      }
      return Optional.empty();
    }
  }

  private final DataSource dataSource;

  OpenEscalations(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  List<Open> list() {
    return Rows.query(dataSource, "open escalations",
        "SELECT h.incident_id, h.step_id, i.tenant, f.fired_at, f.late, i.state,"
            + " ARRAY(SELECT DISTINCT n.deadline FROM incident_notifications n WHERE n.incident_id = h.incident_id) AS notified"
            + " FROM escalation_handoffs h JOIN incidents i ON i.id = h.incident_id"
            + " JOIN escalations_fired f ON f.incident_id = h.incident_id AND f.step_id = h.step_id"
            + " WHERE h.resolved_at IS NULL ORDER BY f.fired_at, h.incident_id, h.step_id",
        rs -> {
          Array notified = rs.getArray("notified");
          return new Open(rs.getString(1), rs.getString(2), rs.getString(3), Timestamps.get(rs, "fired_at"), rs.getBoolean(5),
              rs.getString(6), Set.copyOf(Arrays.asList((String[]) notified.getArray())));
        });
  }

  /** Marks the step resolved in {@code c}'s transaction; false when another process did first. */
  static boolean markResolved(Connection c, Open o, Instant at) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE escalation_handoffs SET resolved_at = ?"
        + " WHERE incident_id = ? AND step_id = ? AND resolved_at IS NULL")) {
      Timestamps.set(ps, 1, at);
      ps.setString(2, o.incidentId());
      ps.setString(3, o.stepId());
      return ps.executeUpdate() == 1;
    }
  }

  /** The {@link DeadlineKind} name ({@code incident_notifications.deadline}) of step {@code REGIME/slug/percent}. */
  static String deadlineName(String stepId) {
    int slash = stepId.lastIndexOf('/');
    String key = slash < 0 ? stepId : stepId.substring(0, slash);
    return Arrays.stream(DeadlineKind.values()).filter(k -> k.key().equals(key)).map(DeadlineKind::name).findFirst().orElse(null);
  }
}
