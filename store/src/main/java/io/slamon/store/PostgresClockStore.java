package io.slamon.store;

import io.slamon.store.internal.Rows;
import io.slamon.store.internal.Timestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/** Regulatory clock facts in PostgreSQL. */
public final class PostgresClockStore implements ClockStore {
  private final DataSource dataSource;

  PostgresClockStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void classify(ClassificationRow row) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("INSERT INTO incident_classifications"
            + " (incident_id, regime, aware_at, aware_source, recorded_by, classified_at) VALUES (?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, row.incidentId());
      ps.setString(2, row.regime());
      Timestamps.set(ps, 3, row.awareAt());
      ps.setString(4, row.awareSource());
      ps.setString(5, row.recordedBy());
      Timestamps.set(ps, 6, row.classifiedAt());
      ps.executeUpdate();
    } catch (SQLException e) {
      String why = switch (String.valueOf(e.getSQLState())) {
        case "23505" -> "it is classified under " + row.regime() + " already";
        case "23503" -> "there is no such incident";
        default -> e.getMessage();
      };
      throw new StoreException("could not classify " + row.incidentId() + " under " + row.regime() + ": " + why, e);
    }
  }

  @Override
  public List<ClassificationRow> classifications(String incidentId) {
    return Rows.query(dataSource, "classifications of " + incidentId,
        "SELECT incident_id, regime, aware_at, aware_source, recorded_by, classified_at FROM incident_classifications"
            + " WHERE incident_id = ? ORDER BY classified_at, regime",
        PostgresClockStore::row, incidentId);
  }

  @Override
  public List<String> classifiedIncidents() {
    return Rows.query(dataSource, "classified incidents",
        "SELECT DISTINCT incident_id FROM incident_classifications ORDER BY incident_id", rs -> rs.getString(1));
  }

  @Override
  public Set<String> firedSteps(String incidentId) {
    return new HashSet<>(Rows.query(dataSource, "fired escalations of " + incidentId,
        "SELECT step_id FROM escalations_fired WHERE incident_id = ?", rs -> rs.getString(1), incidentId));
  }

  @Override
  public boolean markFired(String incidentId, String stepId, Instant firedAt, boolean late) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("INSERT INTO escalations_fired (incident_id, step_id, fired_at, late)"
            + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
      ps.setString(1, incidentId);
      ps.setString(2, stepId);
      Timestamps.set(ps, 3, firedAt);
      ps.setBoolean(4, late);
      return ps.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new StoreException("could not record escalation " + stepId + " of " + incidentId + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void setAiActCases(String incidentId, List<String> cases) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("UPDATE incident_classifications SET ai_act_cases = ?"
            + " WHERE incident_id = ? AND regime = 'AI_ACT'")) {
      ps.setString(1, cases.isEmpty() ? null : String.join(",", cases));
      ps.setString(2, incidentId);
      if (ps.executeUpdate() != 1) {
        throw new StoreException(incidentId + " is not classified under AI_ACT");
      }
    } catch (SQLException e) {
      throw new StoreException("could not set the AI Act cases of " + incidentId + ": " + e.getMessage(), e);
    }
  }

  @Override
  public List<String> aiActCases(String incidentId) {
    return Rows.query(dataSource, "AI Act cases of " + incidentId, "SELECT ai_act_cases FROM incident_classifications"
            + " WHERE incident_id = ? AND regime = 'AI_ACT' AND ai_act_cases IS NOT NULL", rs -> rs.getString(1), incidentId)
        .stream().flatMap(s -> java.util.Arrays.stream(s.split(","))).toList();
  }

  @Override
  public void correctAwareness(String incidentId, String regime, Instant awareAt, String awareSource, String recordedBy) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("UPDATE incident_classifications SET aware_at = ?, aware_source = ?,"
            + " recorded_by = ? WHERE incident_id = ? AND regime = ?")) {
      Timestamps.set(ps, 1, awareAt);
      ps.setString(2, awareSource);
      ps.setString(3, recordedBy);
      ps.setString(4, incidentId);
      ps.setString(5, regime);
      if (ps.executeUpdate() != 1) {
        throw new StoreException(incidentId + " is not classified under " + regime + "; classify it first");
      }
    } catch (SQLException e) {
      throw new StoreException("could not correct the awareness of " + incidentId + " under " + regime + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void addNotification(NotificationRow n) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("INSERT INTO incident_notifications (incident_id, deadline, sent_at,"
            + " outcome, recipient, recorded_by, recorded_at, reason, content_nature, content_contact, content_consequences,"
            + " content_measures, data_subjects_informed, phase, timeliness, late_by_seconds)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, n.incidentId());
      ps.setString(2, n.deadline());
      Timestamps.set(ps, 3, n.sentAt());
      ps.setString(4, n.outcome());
      ps.setString(5, n.recipient());
      ps.setString(6, n.recordedBy());
      Timestamps.set(ps, 7, n.recordedAt());
      ps.setString(8, n.reason());
      ps.setString(9, n.nature());
      ps.setString(10, n.contact());
      ps.setString(11, n.consequences());
      ps.setString(12, n.measures());
      ps.setBoolean(13, n.dataSubjectsInformed());
      ps.setInt(14, n.phase());
      ps.setString(15, n.timeliness());
      ps.setLong(16, n.lateBySeconds());
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("could not record the notification of " + n.incidentId() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public List<NotificationRow> notifications(String incidentId) {
    return Rows.query(dataSource, "notifications of " + incidentId,
        "SELECT * FROM incident_notifications WHERE incident_id = ? ORDER BY id", rs -> new NotificationRow(
            rs.getString("incident_id"), rs.getString("deadline"), Timestamps.get(rs, "sent_at"), rs.getString("outcome"),
            rs.getString("recipient"), rs.getString("recorded_by"), Timestamps.get(rs, "recorded_at"), rs.getString("reason"),
            rs.getString("content_nature"), rs.getString("content_contact"), rs.getString("content_consequences"),
            rs.getString("content_measures"), rs.getBoolean("data_subjects_informed"), rs.getInt("phase"),
            rs.getString("timeliness"), rs.getLong("late_by_seconds")),
        incidentId);
  }

  private static ClassificationRow row(ResultSet rs) throws SQLException {
    return new ClassificationRow(rs.getString("incident_id"), rs.getString("regime"), Timestamps.get(rs, "aware_at"),
        rs.getString("aware_source"), rs.getString("recorded_by"), Timestamps.get(rs, "classified_at"));
  }
}
