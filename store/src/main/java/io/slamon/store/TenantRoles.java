package io.slamon.store;

import io.slamon.store.internal.LockedTransaction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * Read-only PostgreSQL roles per tenant, confined by row-level security (migration V7): each role
 * gets {@code SELECT} on the tenant-data tables and one policy per table that admits only its
 * tenant's rows, so a Grafana datasource (or anyone) connected as that role cannot read another
 * tenant's rows, whatever SQL it writes. Policies are per role ({@code CREATE POLICY … TO role}),
 * so the rule of each role is visible in {@code \d+ table} and needs no lookup function.
 *
 * <p>{@link #apply} reconciles the database with the wanted roles: creates or updates them, and
 * removes grants, policies and the role itself for tenants that are gone.
 */
public final class TenantRoles {
  /** Advisory lock key: two processes applying roles at once would race on the policy DDL. */
  private static final long LOCK = 0x736c616d6f6e5237L; // "slamonR7"

  /** How a table's rows map to tenants. */
  private enum Scope { TENANT_COLUMN, VIA_SERIES, VIA_INCIDENT, AUDIT_SUBJECT }

  private static final Map<String, Scope> KNOWN_TABLES = new LinkedHashMap<>();

  static {
    KNOWN_TABLES.put("series", Scope.TENANT_COLUMN);
    KNOWN_TABLES.put("samples", Scope.VIA_SERIES);
    KNOWN_TABLES.put("events", Scope.TENANT_COLUMN);
    KNOWN_TABLES.put("slo_status", Scope.TENANT_COLUMN);
    KNOWN_TABLES.put("incidents", Scope.TENANT_COLUMN);
    KNOWN_TABLES.put("incident_classifications", Scope.VIA_INCIDENT);
    KNOWN_TABLES.put("escalations_fired", Scope.VIA_INCIDENT);
    KNOWN_TABLES.put("regulatory_deadlines", Scope.VIA_INCIDENT);
    KNOWN_TABLES.put("audit_log", Scope.AUDIT_SUBJECT);
  }

  /**
   * One wanted role.
   *
   * @param role the PostgreSQL role name
   * @param tenant the tenant it may read, or {@code null} for the provider's read-everything role
   * @param password the login password, or {@code null} for a role that cannot log in (NOLOGIN)
   */
  public record RoleSpec(String role, String tenant, String password) {
    public RoleSpec {
      Objects.requireNonNull(role, "role");
      if (role.isEmpty() || role.length() > 63) {
        throw new IllegalArgumentException("role name must be 1..63 characters: '" + role + "'");
      }
      if (tenant != null && tenant.isEmpty()) {
        throw new IllegalArgumentException("tenant of role " + role + " is empty");
      }
    }

    @Override
    public String toString() {
      return "RoleSpec[role=" + role + ", tenant=" + tenant + ", password=" + (password == null ? "(none)" : "****") + "]";
    }
  }

  private final DataSource dataSource;
  private final InstantSource clock;

  public TenantRoles(DataSource dataSource, InstantSource clock) {
    this.dataSource = dataSource;
    this.clock = clock;
  }

  /**
   * The role name of a tenant: {@code prefix + id} with {@code -} as {@code _}; ids that would make
   * it longer than PostgreSQL's 63 characters are shortened and get a hash suffix, so it stays
   * unique and stable.
   */
  public static String roleName(String prefix, String tenantId) {
    String name = prefix + tenantId.replace('-', '_');
    if (name.length() <= 63) {
      return name;
    }
    return name.substring(0, 54) + "_" + sha256(tenantId).substring(0, 8);
  }

  /** The environment variable {@code slamon db roles} reads a role's password from. */
  public static String passwordVariable(String tenantIdOrProvider) {
    return "SLAMON_DB_ROLE_PASSWORD_" + tenantIdOrProvider.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }

  /**
   * Makes the database hold exactly {@code wanted} among the roles slamon manages. Returns one
   * line per change, for the operator.
   */
  public List<String> apply(List<RoleSpec> wanted) {
    Set<String> names = new LinkedHashSet<>();
    for (RoleSpec r : wanted) {
      if (!names.add(r.role())) {
        throw new IllegalArgumentException("role " + r.role() + " is wanted twice");
      }
    }
    try {
      return LockedTransaction.run(dataSource, LOCK, c -> {
        List<String> log = new ArrayList<>();
        Map<String, Scope> tables = tables(c);
        List<String> stale = managedRoles(c);
        stale.removeAll(names);
        for (String role : stale) {
          dropRole(c, role, tables, log);
        }
        for (RoleSpec r : wanted) {
          applyRole(c, r, tables, log);
        }
        return log;
      });
    } catch (SQLException e) {
      throw new StoreException("could not apply the tenant database roles: " + e.getMessage(), e);
    }
  }

  /**
   * The tables to guard: the known ones that exist, plus any other table of the schema (e.g.
   * rollups added later) with a {@code tenant} or {@code series_id} column — those get RLS
   * switched on here, so a new table cannot be read unguarded by forgetting it in a migration.
   */
  private static Map<String, Scope> tables(Connection c) throws SQLException {
    Map<String, Scope> result = new LinkedHashMap<>();
    Map<String, Set<String>> columns = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement("""
        SELECT cl.relname, a.attname
        FROM pg_class cl
        JOIN pg_namespace n ON n.oid = cl.relnamespace AND n.nspname = current_schema()
        JOIN pg_attribute a ON a.attrelid = cl.oid AND a.attnum > 0 AND NOT a.attisdropped
        WHERE cl.relkind IN ('r', 'p') AND NOT cl.relispartition
        ORDER BY cl.relname""");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        columns.computeIfAbsent(rs.getString(1), k -> new LinkedHashSet<>()).add(rs.getString(2));
      }
    }
    KNOWN_TABLES.forEach((table, scope) -> {
      if (columns.containsKey(table)) {
        result.put(table, scope);
      }
    });
    for (var e : columns.entrySet()) {
      if (result.containsKey(e.getKey()) || e.getKey().equals("tenant_db_roles")) {
        continue;
      }
      if (e.getValue().contains("tenant")) {
        result.put(e.getKey(), Scope.TENANT_COLUMN);
      } else if (e.getValue().contains("series_id")) {
        result.put(e.getKey(), Scope.VIA_SERIES);
      }
    }
    try (Statement st = c.createStatement()) {
      for (String table : result.keySet()) {
        st.execute("ALTER TABLE " + ident(table) + " ENABLE ROW LEVEL SECURITY");
      }
    }
    return result;
  }

  private static List<String> managedRoles(Connection c) throws SQLException {
    List<String> roles = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT role_name FROM tenant_db_roles ORDER BY role_name");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        roles.add(rs.getString(1));
      }
    }
    return roles;
  }

  private void applyRole(Connection c, RoleSpec r, Map<String, Scope> tables, List<String> log) throws SQLException {
    String role = ident(r.role());
    boolean exists;
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
      ps.setString(1, r.role());
      try (ResultSet rs = ps.executeQuery()) {
        exists = rs.next();
      }
    }
    try (Statement st = c.createStatement()) {
      if (!exists) {
        st.execute("CREATE ROLE " + role);
      }
      // read-only and unprivileged, whatever someone changed by hand
      st.execute("ALTER ROLE " + role + (r.password() == null ? " NOLOGIN" : " LOGIN")
          + " NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOREPLICATION NOBYPASSRLS");
      st.execute("GRANT USAGE ON SCHEMA " + ident(currentSchema(c)) + " TO " + role);
      // TimescaleDB copies a hypertable's grants to its chunks but not its policies
      // (timescale/timescaledb#7830): take the chunks' grants away again.
      for (String chunk : timescaleChunks(c)) {
        st.execute("REVOKE ALL ON " + chunk + " FROM " + role);
      }
      for (var t : tables.entrySet()) {
        String table = ident(t.getKey());
        st.execute("REVOKE ALL ON " + table + " FROM " + role);
        st.execute("GRANT SELECT ON " + table + " TO " + role);
        st.execute("DROP POLICY IF EXISTS " + policy(r.role()) + " ON " + table);
        st.execute("CREATE POLICY " + policy(r.role()) + " ON " + table + " AS PERMISSIVE FOR SELECT TO " + role
            + " USING (" + predicate(t.getValue(), r.tenant()) + ")");
      }
    }
    if (r.password() != null) {
      // PgJDBC hashes the password (SCRAM-SHA-256) on the client, so it never appears in SQL or logs.
      c.unwrap(PGConnection.class).alterUserPassword(r.role(), r.password().toCharArray(), "scram-sha-256");
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO tenant_db_roles (role_name, tenant, updated_at)"
        + " VALUES (?, ?, ?) ON CONFLICT (role_name) DO UPDATE SET tenant = excluded.tenant, updated_at = excluded.updated_at")) {
      ps.setString(1, r.role());
      ps.setString(2, r.tenant());
      ps.setObject(3, java.time.OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC));
      ps.executeUpdate();
    }
    log.add((exists ? "updated" : "created") + " role " + r.role() + " reading "
        + (r.tenant() == null ? "every tenant (provider)" : "tenant " + r.tenant()) + " on " + tables.size() + " tables"
        + (r.password() == null ? " (NOLOGIN: no password given)" : ""));
  }

  private static void dropRole(Connection c, String roleName, Map<String, Scope> tables, List<String> log) throws SQLException {
    String role = ident(roleName);
    boolean exists;
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
      ps.setString(1, roleName);
      try (ResultSet rs = ps.executeQuery()) {
        exists = rs.next();
      }
    }
    if (exists) {
      try (Statement st = c.createStatement()) {
        for (String t : tables.keySet()) {
          st.execute("DROP POLICY IF EXISTS " + policy(roleName) + " ON " + ident(t));
          st.execute("REVOKE ALL ON " + ident(t) + " FROM " + role);
        }
        st.execute("REVOKE ALL ON SCHEMA " + ident(currentSchema(c)) + " FROM " + role);
        // Roles are cluster-wide: another database may still grant this one something. Then it is
        // locked (NOLOGIN) instead of dropped, which is as safe for this database.
        st.execute("SAVEPOINT drop_role");
        try {
          st.execute("DROP ROLE " + role);
          log.add("dropped role " + roleName + " (its tenant is no longer configured)");
        } catch (SQLException e) {
          st.execute("ROLLBACK TO SAVEPOINT drop_role");
          st.execute("ALTER ROLE " + role + " NOLOGIN");
          log.add("locked role " + roleName + " (NOLOGIN, no grants here; not dropped: " + e.getMessage() + ")");
        }
      }
    }
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM tenant_db_roles WHERE role_name = ?")) {
      ps.setString(1, roleName);
      ps.executeUpdate();
    }
  }

  /** Qualified names of every TimescaleDB chunk; empty on plain PostgreSQL. */
  private static List<String> timescaleChunks(Connection c) throws SQLException {
    List<String> chunks = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT to_regclass('_timescaledb_catalog.chunk') IS NOT NULL")) {
      rs.next();
      if (!rs.getBoolean(1)) {
        return chunks;
      }
    }
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT schema_name, table_name FROM _timescaledb_catalog.chunk WHERE NOT dropped")) {
      while (rs.next()) {
        chunks.add(ident(rs.getString(1)) + "." + ident(rs.getString(2)));
      }
    }
    return chunks;
  }

  private static String predicate(Scope scope, String tenant) {
    if (tenant == null) {
      return "true";
    }
    String own = "tenant = " + literal(tenant);
    return switch (scope) {
      case TENANT_COLUMN -> own;
      case VIA_SERIES -> "series_id IN (SELECT id FROM series WHERE " + own + ")";
      case VIA_INCIDENT -> "incident_id IN (SELECT id FROM incidents WHERE " + own + ")";
      case AUDIT_SUBJECT -> "subject IN (SELECT id FROM incidents WHERE " + own + ")";
    };
  }

  private static String currentSchema(Connection c) throws SQLException {
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT current_schema()")) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static String policy(String role) {
    return ident(roleName("slamon_rls_", role));
  }

  static String ident(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  private static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
