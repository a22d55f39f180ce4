package io.slamon.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tenant roles against a real PostgreSQL: connected as tenant A's role, hand-written SQL on every
 * table returns A's rows and nothing of B's or the provider's.
 */
class TenantRolesIT {
  private static final Instant T = Instant.parse("2026-11-20T10:00:00Z");

  private DatabaseSettings settings;
  private Database db;
  // Roles are cluster-wide and the test server is shared: a unique prefix per test.
  private final String prefix = "it_" + UUID.randomUUID().toString().substring(0, 8) + "_";

  @BeforeEach
  void open() {
    settings = SharedEmbeddedPostgres.freshDatabase();
    db = Database.open(settings, m -> {}, InstantSource.fixed(T));
    fill("tenant-a");
    fill("tenant-b");
    fill(null);
  }

  @AfterEach
  void close() {
    // drop the roles first: a role with grants would keep the database from being dropped cleanly
    new TenantRoles(db.dataSource(), InstantSource.fixed(T)).apply(List.of());
    db.close();
    SharedEmbeddedPostgres.drop(settings);
  }

  private void fill(String tenant) {
    String t = tenant == null ? "provider" : tenant;
    db.sampleStore().write(List.of(new Sample(tenant, "up", Map.of("instance", t + ":9400"), T.toEpochMilli(), 1)));
    db.eventStore().append(new Event("ev-" + t, tenant, "backup.completed", T, "test", Map.of("asset", "db")));
    if (tenant != null) {
      db.sloStatusStore().append(new SloStatus(tenant, "chat-availability", T, T.minusSeconds(3600), T, 99, 100, 0.99, 0.99, 0));
    }
    String id = db.incidentStore().nextId(2026);
    db.incidentStore().openOrGet(new IncidentRecord(id, tenant, "fp-" + t, "P2", "open", "incident of " + t, T, T));
    db.clockStore().classify(new ClockStore.ClassificationRow(id, "NIS2", T, "test", "test", T));
    db.clockStore().markFired(id, "step-" + t, T, false);
    db.auditLog().append(T, "test", id, "opened", null, "open", null);
  }

  private Connection as(String role) throws SQLException {
    return DriverManager.getConnection(settings.url(), role, "secret-" + role);
  }

  private List<TenantRoles.RoleSpec> roles() {
    return List.of(
        new TenantRoles.RoleSpec(TenantRoles.roleName(prefix, "tenant-a"), "tenant-a", "secret-" + TenantRoles.roleName(prefix, "tenant-a")),
        new TenantRoles.RoleSpec(TenantRoles.roleName(prefix, "tenant-b"), "tenant-b", "secret-" + TenantRoles.roleName(prefix, "tenant-b")),
        new TenantRoles.RoleSpec(prefix + "provider", null, "secret-" + prefix + "provider"));
  }

  @Test
  void tenant_role_sees_only_its_own_rows_in_every_table_whatever_the_query() throws Exception {
    List<String> log = new TenantRoles(db.dataSource(), InstantSource.fixed(T)).apply(roles());
    assertThat(log).hasSize(3).allMatch(l -> l.startsWith("created role"));

    try (Connection c = as(TenantRoles.roleName(prefix, "tenant-a"))) {
      assertThat(strings(c, "SELECT DISTINCT coalesce(tenant, '(provider)') FROM series")).containsExactly("tenant-a");
      assertThat(strings(c, "SELECT DISTINCT coalesce(tenant, '(provider)') FROM events")).containsExactly("tenant-a");
      assertThat(strings(c, "SELECT DISTINCT tenant FROM slo_status")).containsExactly("tenant-a");
      assertThat(strings(c, "SELECT title FROM incidents")).containsExactly("incident of tenant-a");
      // samples have no tenant column: only those of A's series come back, even without a join
      assertThat(strings(c, "SELECT count(*)::text FROM samples")).containsExactly("1");
      assertThat(strings(c, "SELECT se.tenant FROM samples s JOIN series se ON se.id = s.series_id")).containsExactly("tenant-a");
      assertThat(strings(c, "SELECT count(*)::text FROM incident_classifications")).containsExactly("1");
      assertThat(strings(c, "SELECT step_id FROM escalations_fired")).containsExactly("step-tenant-a");
      assertThat(strings(c, "SELECT count(*)::text FROM audit_log")).containsExactly("1");
      // asking for B by name does not help
      assertThat(strings(c, "SELECT title FROM incidents WHERE tenant = 'tenant-b' OR tenant IS NULL")).isEmpty();
      assertThat(strings(c, "SELECT count(*)::text FROM series WHERE tenant <> 'tenant-a' OR tenant IS NULL")).containsExactly("0");
    }
  }

  @Test
  void tenant_role_is_read_only_and_cannot_reach_partitions_or_other_tables() throws Exception {
    new TenantRoles(db.dataSource(), InstantSource.fixed(T)).apply(roles());
    String partition;
    try (Connection owner = db.dataSource().getConnection()) {
      partition = strings(owner, "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
          + " WHERE i.inhparent = 'samples'::regclass LIMIT 1").getFirst();
    }
    try (Connection c = as(TenantRoles.roleName(prefix, "tenant-a"))) {
      assertThatThrownBy(() -> strings(c, "SELECT count(*)::text FROM " + partition)).hasMessageContaining("permission denied");
      assertThatThrownBy(() -> strings(c, "SELECT count(*)::text FROM tenant_db_roles")).hasMessageContaining("permission denied");
      assertThatThrownBy(() -> strings(c, "SELECT count(*)::text FROM incident_counters")).hasMessageContaining("permission denied");
      assertThatThrownBy(() -> exec(c, "DELETE FROM incidents")).hasMessageContaining("permission denied");
      assertThatThrownBy(() -> exec(c, "ALTER TABLE incidents DISABLE ROW LEVEL SECURITY")).hasMessageContaining("must be owner");
    }
  }

  @Test
  void provider_role_reads_every_tenant_and_the_owner_is_not_restricted() throws Exception {
    new TenantRoles(db.dataSource(), InstantSource.fixed(T)).apply(roles());
    try (Connection c = as(prefix + "provider")) {
      assertThat(strings(c, "SELECT coalesce(tenant, '(provider)') FROM incidents ORDER BY 1"))
          .containsExactly("(provider)", "tenant-a", "tenant-b");
      assertThat(strings(c, "SELECT count(*)::text FROM samples")).containsExactly("3");
    }
    assertThat(db.incidentStore().list(null)).hasSize(3);
  }

  @Test
  void removed_tenant_loses_its_role_and_reapplying_changes_nothing_else() throws Exception {
    TenantRoles roles = new TenantRoles(db.dataSource(), InstantSource.fixed(T));
    roles.apply(roles());
    List<String> log = roles.apply(roles().subList(0, 1));
    assertThat(log).anyMatch(l -> l.startsWith("dropped role " + TenantRoles.roleName(prefix, "tenant-b")))
        .anyMatch(l -> l.startsWith("updated role " + TenantRoles.roleName(prefix, "tenant-a")));
    assertThatThrownBy(() -> as(TenantRoles.roleName(prefix, "tenant-b")).close()).isInstanceOf(SQLException.class);
    try (Connection c = as(TenantRoles.roleName(prefix, "tenant-a"))) {
      assertThat(strings(c, "SELECT DISTINCT tenant FROM slo_status")).containsExactly("tenant-a");
    }
  }

  @Test
  void long_tenant_ids_get_a_stable_role_name_within_postgres_limits() {
    String id = "a".repeat(63);
    String name = TenantRoles.roleName("slamon_tenant_", id);
    assertThat(name).hasSize(63).isEqualTo(TenantRoles.roleName("slamon_tenant_", id));
    assertThat(TenantRoles.roleName("slamon_tenant_", "acme-logistik")).isEqualTo("slamon_tenant_acme_logistik");
    assertThat(TenantRoles.passwordVariable("acme-logistik")).isEqualTo("SLAMON_DB_ROLE_PASSWORD_ACME_LOGISTIK");
  }

  private static List<String> strings(Connection c, String sql) throws SQLException {
    List<String> result = new ArrayList<>();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        result.add(rs.getString(1));
      }
    }
    return result;
  }

  private static void exec(Connection c, String sql) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }
}
