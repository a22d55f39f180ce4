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
  public Activity activity(String id) {
    return Rows.query(dataSource, "incident activity", "SELECT repeats, last_seen_at, merged_into FROM incidents WHERE id = ?",
        rs -> new Activity(rs.getLong(1), Timestamps.get(rs, "last_seen_at"), rs.getString(3)), id)
        .stream().findFirst().orElse(new Activity(0, null, null));
  }

  @Override
  public Optional<IncidentRecord> findLiveMergeTarget(String tenant, String fingerprint) {
    // Follows merged_into to the end of the chain (B merged into A, A later into C: B's repeat
    // belongs to C). Merged incidents are cancelled and cannot absorb others, so there is no cycle;
    // UNION (not UNION ALL) would stop one anyway.
    return Rows.query(dataSource, "merge target of " + fingerprint, "WITH RECURSIVE chain (first_opened, id) AS ("
        + " SELECT b.opened_at, b.merged_into FROM incidents b WHERE coalesce(b.tenant, '') = ? AND b.fingerprint = ?"
        + " AND b.merged_into IS NOT NULL"
        + " UNION SELECT c.first_opened, n.merged_into FROM chain c JOIN incidents n ON n.id = c.id WHERE n.merged_into IS NOT NULL)"
        + " SELECT " + prefixed("s") + " FROM chain c JOIN incidents s ON s.id = c.id WHERE s.merged_into IS NULL"
        + " AND s.state NOT IN ('resolved', 'closed', 'cancelled') ORDER BY c.first_opened DESC LIMIT 1",
        PostgresIncidentStore::incident, tenant == null ? "" : tenant, fingerprint).stream().findFirst();
  }

  @Override
  public Significance significance(String id) {
    return Rows.query(dataSource, "significance of " + id, "SELECT nis2_complete_at, nis2_limited_at FROM incidents WHERE id = ?",
        rs -> new Significance(Timestamps.get(rs, "nis2_complete_at"), Timestamps.get(rs, "nis2_limited_at")), id)
        .stream().findFirst().orElse(new Significance(null, null));
  }

  @Override
  public boolean flagSignificance(String id, boolean complete, java.time.Instant crossedAt) {
    String column = complete ? "nis2_complete_at" : "nis2_limited_at";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("UPDATE incidents SET " + column + " = ? WHERE id = ? AND " + column + " IS NULL")) {
      Timestamps.set(ps, 1, crossedAt);
      ps.setString(2, id);
      return ps.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new StoreException("could not flag incident " + id + " as NIS2-significant: " + e.getMessage(), e);
    }
  }

  @Override
  public void recordRepeat(String id, java.time.Instant at) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("UPDATE incidents SET repeats = repeats + 1,"
            + " last_seen_at = greatest(last_seen_at, ?) WHERE id = ?")) {
      Timestamps.set(ps, 1, at);
      ps.setString(2, id);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("could not count a repeat on incident " + id + ": " + e.getMessage(), e);
    }
  }

  @Override
  public IncidentRecord merge(String survivor, String absorbed, java.time.Instant at) {
    if (survivor.equals(absorbed)) {
      throw new IllegalArgumentException("cannot merge " + survivor + " into itself");
    }
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        // Lock both rows in id order, so two opposite merges cannot deadlock half-way.
        List<IncidentRecord> rows = read(c, "SELECT " + COLUMNS + " FROM incidents WHERE id IN (?, ?) ORDER BY id FOR UPDATE",
            survivor, absorbed);
        if (rows.size() != 2) {
          throw new StoreException("cannot merge: " + (rows.stream().noneMatch(r -> r.id().equals(survivor)) ? survivor : absorbed)
              + " does not exist");
        }
        // Per regime the earlier awareness wins; regimes only the absorbed incident had move over.
        exec(c, "UPDATE incident_classifications s SET aware_at = a.aware_at, aware_source = a.aware_source,"
            + " recorded_by = a.recorded_by, classified_at = least(s.classified_at, a.classified_at)"
            + " FROM incident_classifications a WHERE s.incident_id = ? AND a.incident_id = ? AND a.regime = s.regime"
            + " AND a.aware_at < s.aware_at", survivor, absorbed);
        exec(c, "UPDATE incident_classifications a SET incident_id = ? WHERE a.incident_id = ? AND NOT EXISTS"
            + " (SELECT 1 FROM incident_classifications s WHERE s.incident_id = ? AND s.regime = a.regime)",
            survivor, absorbed, survivor);
        // Both under the AI Act: every Art. 73 case either knew of applies (the shortest limit wins);
        // null is the general case.
        exec(c, "UPDATE incident_classifications s SET ai_act_cases = array_to_string(ARRAY(SELECT DISTINCT x FROM"
            + " unnest(string_to_array(coalesce(s.ai_act_cases, 'SERIOUS_INCIDENT') || ',' || coalesce(a.ai_act_cases,"
            + " 'SERIOUS_INCIDENT'), ',')) AS x ORDER BY x), ',') FROM incident_classifications a WHERE s.incident_id = ?"
            + " AND a.incident_id = ? AND s.regime = 'AI_ACT' AND a.regime = 'AI_ACT'"
            + " AND (s.ai_act_cases IS NOT NULL OR a.ai_act_cases IS NOT NULL)", survivor, absorbed);
        // What is left are regimes the survivor has too (it took the earlier awareness above): the
        // absorbed incident must run no clock of its own; its classify entries stay in the audit log.
        exec(c, "DELETE FROM incident_classifications WHERE incident_id = ?", absorbed);
        exec(c, "UPDATE incident_notifications SET incident_id = ? WHERE incident_id = ?", survivor, absorbed);
        // Copied, not moved: the absorbed incident's record stays as it was, and the survivor must
        // not fire a step again that was already delivered for the absorbed one.
        exec(c, "INSERT INTO escalations_fired (incident_id, step_id, fired_at, late) SELECT ?, step_id, fired_at, late"
            + " FROM escalations_fired WHERE incident_id = ? ON CONFLICT DO NOTHING", survivor, absorbed);
        try (PreparedStatement ps = c.prepareStatement("UPDATE incidents SET state = 'cancelled', merged_into = ?,"
            + " updated_at = ? WHERE id = ?")) {
          ps.setString(1, survivor);
          Timestamps.set(ps, 2, at);
          ps.setString(3, absorbed);
          ps.executeUpdate();
        }
        List<IncidentRecord> merged;
        try (PreparedStatement ps = c.prepareStatement("UPDATE incidents s SET opened_at = least(s.opened_at, a.opened_at),"
            + " repeats = s.repeats + a.repeats, last_seen_at = greatest(s.last_seen_at, a.last_seen_at), updated_at = ?,"
            // the earlier NIS2 significance crossing of either (least() skips nulls)
            + " nis2_complete_at = least(s.nis2_complete_at, a.nis2_complete_at),"
            + " nis2_limited_at = least(s.nis2_limited_at, a.nis2_limited_at)"
            + " FROM incidents a WHERE s.id = ? AND a.id = ? RETURNING " + prefixed("s"))) {
          Timestamps.set(ps, 1, at);
          ps.setString(2, survivor);
          ps.setString(3, absorbed);
          merged = Rows.read(ps, PostgresIncidentStore::incident);
        }
        c.commit();
        return merged.getFirst();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new StoreException("could not merge " + absorbed + " into " + survivor + ": " + e.getMessage(), e);
    }
  }

  private static String prefixed(String alias) {
    return java.util.Arrays.stream(COLUMNS.split(", ")).map(col -> alias + "." + col).collect(java.util.stream.Collectors.joining(", "));
  }

  private static List<IncidentRecord> read(Connection c, String sql, String... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setString(i + 1, params[i]);
      }
      return Rows.read(ps, PostgresIncidentStore::incident);
    }
  }

  private static void exec(Connection c, String sql, String... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setString(i + 1, params[i]);
      }
      ps.executeUpdate();
    }
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
