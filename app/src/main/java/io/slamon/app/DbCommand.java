package io.slamon.app;

import io.slamon.core.config.SlamonConfig;
import io.slamon.core.config.Tenant;
import io.slamon.store.Database;
import io.slamon.store.DatabaseSettings;
import io.slamon.store.TenantRoles;
import java.io.PrintWriter;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code slamon db …}: database administration. */
@Command(name = "db", mixinStandardHelpOptions = true, description = "Database administration.", subcommands = DbCommand.Roles.class)
final class DbCommand {
  /** The provider's read role: every tenant's rows (fleet dashboards, auditors). */
  static final String PROVIDER_ROLE = "slamon_provider_read";

  /** The roles a configuration asks for, with passwords from the environment. */
  static List<TenantRoles.RoleSpec> roles(SlamonConfig config, Map<String, String> env) {
    List<TenantRoles.RoleSpec> roles = new ArrayList<>();
    for (Tenant t : config.tenants()) {
      roles.add(new TenantRoles.RoleSpec(TenantRoles.roleName(config.portal().databaseRolePrefix(), t.id()), t.id(),
          env.get(TenantRoles.passwordVariable(t.id()))));
    }
    roles.add(new TenantRoles.RoleSpec(PROVIDER_ROLE, null, env.get(TenantRoles.passwordVariable("provider"))));
    return roles;
  }

  @Command(
      name = "roles",
      mixinStandardHelpOptions = true,
      description = {
        "Create or update one read-only PostgreSQL role per tenant (row-level security admits only that tenant's rows)"
            + " and the provider read role " + PROVIDER_ROLE + "; drop the roles of tenants no longer configured.",
        "Role names: portal.databaseRolePrefix + tenant id with '-' as '_' (default slamon_tenant_acme_logistik).",
        "Passwords come from SLAMON_DB_ROLE_PASSWORD_<TENANT> (e.g. SLAMON_DB_ROLE_PASSWORD_ACME_LOGISTIK) and"
            + " SLAMON_DB_ROLE_PASSWORD_PROVIDER; a role without one is created NOLOGIN.",
        "Needs --config (for the tenants). Run it after every change of tenants; it is idempotent.",
      })
  static final class Roles implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin DatabaseOptions database;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      if (database.configDir == null) {
        spec.commandLine().getErr().println("slamon: db roles needs --config DIR (the tenants decide which roles exist)");
        return 2;
      }
      SlamonConfig config = ConfigCommand.loadOrReport(database.configDir, spec.commandLine().getErr());
      DatabaseSettings settings = database.settings(spec.commandLine().getErr());
      if (config == null || settings == null) {
        return 2;
      }
      try (Database db = Database.open(settings, msg -> {})) {
        new TenantRoles(db.dataSource(), InstantSource.system()).apply(roles(config, System.getenv())).forEach(out::println);
      }
      return 0;
    }
  }
}
