package io.slamon.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.slamon.core.config.ConfigLoader;
import io.slamon.core.config.SlamonConfig;
import io.slamon.store.Database;
import io.slamon.store.DatabaseSettings;
import io.slamon.store.SharedEmbeddedPostgres;
import io.slamon.store.TenantRoles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve} and {@code demo} apply the tenant database roles at start, unless told not to. */
class RolesAtStartIT {
  private static final String ROLE_A = "slamon_tenant_acme_logistik";
  private SlamonConfig config;
  private DatabaseSettings settings;
  private Database db;
  private final StringWriter out = new StringWriter();
  private final Console console = new Console(new PrintWriter(out, true));

  @BeforeEach
  void open() {
    config = ConfigLoader.load(Path.of("../examples/config")).config();
    settings = SharedEmbeddedPostgres.freshDatabase();
    db = Database.open(settings, m -> {});
  }

  @AfterEach
  void close() {
    new TenantRoles(db.dataSource(), InstantSource.system()).apply(List.of());
    db.close();
    SharedEmbeddedPostgres.drop(settings);
  }

  @Test
  void roles_are_applied_at_start_and_applying_them_again_changes_nothing_that_matters() throws Exception {
    List<String> first = RolesAtStart.apply(config, db, false, Map.of(), console);
    assertThat(first).anyMatch(l -> l.contains("role " + ROLE_A + " reading tenant acme-logistik"));
    assertThat(first).anyMatch(l -> l.startsWith("created role " + ROLE_A));
    assertThat(out.toString()).contains("database roles: " + config.tenants().size() + " tenant role(s) and the provider read role applied");
    List<String> second = RolesAtStart.apply(config, db, false, Map.of(), console);
    assertThat(second).isNotEmpty().noneMatch(l -> l.startsWith("created") || l.startsWith("dropped"));
    assertThat(roles()).contains(ROLE_A, "slamon_tenant_hanse_bank", "slamon_provider_read");
  }

  @Test
  void the_flag_or_the_configuration_switches_it_off(@TempDir Path tmp) throws Exception {
    assertThat(RolesAtStart.apply(config, db, true, Map.of(), console)).isEmpty();
    assertThat(out.toString()).contains("not applied at start (--no-db-roles)");
    SlamonConfig off = configWithRolesOff(tmp);
    assertThat(off.portal().applyDatabaseRoles()).isFalse();
    assertThat(RolesAtStart.apply(off, db, false, Map.of(), console)).isEmpty();
    assertThat(out.toString()).contains("not applied at start (portal.applyDatabaseRoles: false)");
    assertThat(roles()).doesNotContain(ROLE_A);
  }

  @Test
  void a_database_user_that_may_not_create_roles_gets_a_warning_and_the_start_goes_on() throws Exception {
    String limited = "it_limited_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    DatabaseSettings fresh = SharedEmbeddedPostgres.freshDatabase();
    String name = fresh.url().substring(fresh.url().lastIndexOf('/') + 1);
    try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
      st.execute("CREATE ROLE " + limited + " LOGIN NOSUPERUSER NOCREATEROLE NOCREATEDB");
      st.execute("ALTER DATABASE " + name + " OWNER TO " + limited);
    }
    try (Database asLimited = Database.open(new DatabaseSettings(fresh.url(), limited, null, null), m -> {})) {
      assertThat(RolesAtStart.apply(config, asLimited, false, Map.of(), console)).isEmpty();
      assertThat(out.toString()).contains("WARNING database roles not applied", "CREATEROLE");
    } finally {
      SharedEmbeddedPostgres.drop(fresh);
      try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
        st.execute("DROP ROLE " + limited);
      }
    }
    assertThat(roles()).doesNotContain(ROLE_A);
  }

  /** The example configuration with {@code portal.applyDatabaseRoles: false}, read through the real loader. */
  private static SlamonConfig configWithRolesOff(Path dir) throws Exception {
    ConfigMappingTest.copyExample(dir);
    Path yaml = dir.resolve("slamon.yaml");
    Files.writeString(yaml, Files.readString(yaml).replace("portal:\n", "portal:\n  applyDatabaseRoles: false\n"));
    var loaded = ConfigLoader.load(dir);
    assertThat(loaded.problems()).isEmpty();
    return loaded.config();
  }

  private List<String> roles() throws Exception {
    List<String> names = new ArrayList<>();
    try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT rolname FROM pg_roles")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }
}
