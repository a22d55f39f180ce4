package io.slamon.store;

import io.slamon.store.internal.Rows;
import io.slamon.store.internal.Timestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Incident rows. Deduplication is enforced by a partial unique index (one live incident per
 * tenant and fingerprint), so two collectors opening the same incident at once get one row.
 */
public final class PostgresIncidentStore implements IncidentStore {
  private static final String COLUMNS = "id, tenant, fingerprint, severity, state, title, opened_at, updated_at";
  private static final String LIVE = "state NOT IN ('resolved', 'closed', 'cancelled')";

  private final DataSource dataSource;

  PostgresIncidentStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public IncidentRecord openOrGet(IncidentRecord candidate) {
    Objects.requireNonNull(candidate, "candidate");
    PostgresSampleStore.requireTenant(candidate.tenant());
    try (Connection c = dataSource.getConnection()) {
      // loop: the live incident we conflicted with may be closed before we read it
      for (int attempt = 0; attempt < 5; attempt++) {
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO incidents (" + COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT ((coalesce(tenant, '')), fingerprint) WHERE " + LIVE
            + " DO NOTHING RETURNING " + COLUMNS)) {
          ins.setString(1, candidate.id());
          ins.setString(2, candidate.tenant());
          ins.setString(3, candidate.fingerprint());
          ins.setString(4, candidate.severity());
          ins.setString(5, candidate.state());
          ins.setString(6, candidate.title());
          Timestamps.set(ins, 7, candidate.openedAt());
          Timestamps.set(ins, 8, candidate.updatedAt());
          List<IncidentRecord> inserted = Rows.read(ins, PostgresIncidentStore::incident);
          if (!inserted.isEmpty()) {
            return inserted.getFirst();
          }
        }
        try (PreparedStatement sel = c.prepareStatement("SELECT " + COLUMNS + " FROM incidents"
            + " WHERE coalesce(tenant, '') = ? AND fingerprint = ? AND " + LIVE)) {
          sel.setString(1, candidate.tenant() == null ? "" : candidate.tenant());
          sel.setString(2, candidate.fingerprint());
          List<IncidentRecord> existing = Rows.read(sel, PostgresIncidentStore::incident);
          if (!existing.isEmpty()) {
            return existing.getFirst();
          }
        }
      }
      throw new StoreException("could not open or find incident " + candidate.fingerprint()
          + ": it kept changing state concurrently");
    } catch (SQLException e) {
      String reason = "23505".equals(e.getSQLState()) ? " (an incident with id " + candidate.id() + " exists already)" : "";
      throw new StoreException("could not open incident " + candidate.id() + " (" + candidate.fingerprint() + ")"
          + reason + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<IncidentRecord> find(String id) {
    Objects.requireNonNull(id, "id");
    return Rows.query(dataSource, "incidents", "SELECT " + COLUMNS + " FROM incidents WHERE id = ?",
        PostgresIncidentStore::incident, id).stream().findFirst();
  }

  @Override
  public Optional<IncidentRecord> findLive(String tenant, String fingerprint) {
    Objects.requireNonNull(fingerprint, "fingerprint");
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM incidents"
            + " WHERE coalesce(tenant, '') = ? AND fingerprint = ? AND " + LIVE)) {
      ps.setString(1, tenant == null ? "" : tenant);
      ps.setString(2, fingerprint);
      return Rows.read(ps, PostgresIncidentStore::incident).stream().findFirst();
    } catch (SQLException e) {
      throw new StoreException("could not read incident " + fingerprint + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<IncidentRecord> updateState(String id, String expectedState, String newState, java.time.Instant at) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("UPDATE incidents SET state = ?, updated_at = ? WHERE id = ? AND state = ?"
            + " RETURNING " + COLUMNS)) {
      ps.setString(1, newState);
      Timestamps.set(ps, 2, at);
      ps.setString(3, id);
      ps.setString(4, expectedState);
      return Rows.read(ps, PostgresIncidentStore::incident).stream().findFirst();
    } catch (SQLException e) {
      throw new StoreException("could not change incident " + id + " to " + newState + ": " + e.getMessage(), e);
    }
  }

  @Override
  public List<IncidentRecord> list(String tenant) {
    if (tenant == null) {
      return Rows.query(dataSource, "incidents", "SELECT " + COLUMNS + " FROM incidents ORDER BY opened_at DESC, id DESC",
          PostgresIncidentStore::incident);
    }
    return Rows.query(dataSource, "incidents",
        "SELECT " + COLUMNS + " FROM incidents WHERE tenant = ? ORDER BY opened_at DESC, id DESC",
        PostgresIncidentStore::incident, tenant);
  }

  @Override
  public String nextId(int year) {
    if (year < 1970 || year > 9999) {
      throw new IllegalArgumentException("incident year must be between 1970 and 9999, got " + year);
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("INSERT INTO incident_counters (year, last) VALUES (?, 1)"
            + " ON CONFLICT (year) DO UPDATE SET last = incident_counters.last + 1 RETURNING last")) {
      ps.setInt(1, year);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return "INC-%d-%06d".formatted(year, rs.getLong(1));
      }
    } catch (SQLException e) {
      throw new StoreException("could not allocate an incident id for " + year + ": " + e.getMessage(), e);
    }
  }

  private static IncidentRecord incident(ResultSet rs) throws SQLException {
    return new IncidentRecord(rs.getString("id"), rs.getString("tenant"), rs.getString("fingerprint"),
        rs.getString("severity"), rs.getString("state"), rs.getString("title"), Timestamps.get(rs, "opened_at"),
        Timestamps.get(rs, "updated_at"));
  }
}
