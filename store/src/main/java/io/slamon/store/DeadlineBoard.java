package io.slamon.store;

import io.slamon.store.internal.Timestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The table {@code regulatory_deadlines}: a snapshot of the running and overdue deadlines of live
 * incidents, computed by the incident module's rule book and stored for SQL readers (dashboards).
 * Each {@link #replace} swaps the whole snapshot in one transaction, so readers never see half of it.
 */
public final class DeadlineBoard {
  /** One deadline as stored; {@code legalDue} may be null. */
  public record Row(String incidentId, String kind, String regime, Instant due, Instant legalDue, String state) {
    public Row {
      Objects.requireNonNull(incidentId, "incidentId");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(regime, "regime");
      Objects.requireNonNull(due, "due");
      Objects.requireNonNull(state, "state");
    }
  }

  private final DataSource dataSource;

  public DeadlineBoard(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Replaces the snapshot with {@code rows}, computed at {@code computedAt}. */
  public void replace(List<Row> rows, Instant computedAt) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (Statement st = c.createStatement();
          PreparedStatement ps = c.prepareStatement("INSERT INTO regulatory_deadlines"
              + " (incident_id, kind, regime, due, legal_due, state, computed_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        st.execute("DELETE FROM regulatory_deadlines");
        for (Row r : rows) {
          ps.setString(1, r.incidentId());
          ps.setString(2, r.kind());
          ps.setString(3, r.regime());
          Timestamps.set(ps, 4, r.due());
          Timestamps.set(ps, 5, r.legalDue());
          ps.setString(6, r.state());
          Timestamps.set(ps, 7, computedAt);
          ps.addBatch();
        }
        ps.executeBatch();
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("could not store the regulatory deadlines: " + e.getMessage(), e);
    }
  }
}
