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

  private static ClassificationRow row(ResultSet rs) throws SQLException {
    return new ClassificationRow(rs.getString("incident_id"), rs.getString("regime"), Timestamps.get(rs, "aware_at"),
        rs.getString("aware_source"), rs.getString("recorded_by"), Timestamps.get(rs, "classified_at"));
  }
}
