package io.slamon.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.slamon.store.Database;
import io.slamon.store.DatabaseSettings;
import io.slamon.store.SharedEmbeddedPostgres;
import io.slamon.store.SloStatus;
import io.slamon.store.TenantRoles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code slamon db roles} creates the example configuration's tenant roles with working row-level security. */
class DbRolesCommandIT {
  private DatabaseSettings settings;
  private Database db;

  @BeforeEach
  void open() {
    settings = SharedEmbeddedPostgres.freshDatabase();
    db = Database.open(settings, m -> {});
    Instant t = Instant.parse("2026-11-24T10:00:00Z");
    for (String tenant : List.of("acme-logistik", "hanse-bank")) {
      db.sloStatusStore().append(new SloStatus(tenant, tenant + "-chat-availability", t, t, t, 1, 1, 0.999, 1, 1));
    }
  }

  @AfterEach
  void close() {
    new TenantRoles(db.dataSource(), InstantSource.system()).apply(List.of());
    db.close();
    SharedEmbeddedPostgres.drop(settings);
  }

  @Test
  void db_roles_creates_one_role_per_configured_tenant_that_reads_only_that_tenant() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cmd = Main.commandLine();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    int code = cmd.execute("db", "roles", "--config", "../examples/config", "--db-url", settings.url(), "--db-user", settings.user());
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("role slamon_tenant_acme_logistik reading tenant acme-logistik")
        .contains("role slamon_tenant_hanse_bank reading tenant hanse-bank")
        .contains("role slamon_provider_read reading every tenant (provider)")
        .contains("(NOLOGIN: no password given)");
    try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
      // RLS applies to current_user, so SET ROLE shows exactly what a login as that role would see
      st.execute("SET ROLE slamon_tenant_hanse_bank");
      List<String> tenants = new ArrayList<>();
      try (ResultSet rs = st.executeQuery("SELECT tenant FROM slo_status")) {
        while (rs.next()) {
          tenants.add(rs.getString(1));
        }
      }
      st.execute("RESET ROLE");
      assertThat(tenants).containsExactly("hanse-bank");
    }
  }

  @Test
  void db_roles_without_config_says_what_is_missing() {
    StringWriter err = new StringWriter();
    CommandLine cmd = Main.commandLine();
    cmd.setErr(new PrintWriter(err, true));
    assertThat(cmd.execute("db", "roles", "--db-url", settings.url())).isEqualTo(2);
    assertThat(err.toString()).contains("db roles needs --config DIR");
  }
}
