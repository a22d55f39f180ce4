package io.slamon.app;

import io.slamon.core.config.SlamonConfig;
import io.slamon.store.Database;
import io.slamon.store.StoreException;
import io.slamon.store.TenantRoles;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;

/**
 * {@code serve} and {@code demo} apply the tenant database roles at start (what {@code slamon db
 * roles} does; idempotent), so a tenant added to the configuration gets its role and a removed one
 * loses it on the next start, and TimescaleDB chunks created since the last run are revoked again.
 * Off with {@code portal.applyDatabaseRoles: false} or {@code --no-db-roles}.
 */
final class RolesAtStart {
  private RolesAtStart() {}

  /**
   * Applies the roles and reports each change through {@code console}. A database user that may
   * not create roles does not stop the start: the roles are for Grafana's datasources, not for
   * slamon, so it warns and says how to apply them by hand.
   *
   * @return the changes made (empty when skipped or refused)
   */
  static List<String> apply(SlamonConfig config, Database db, boolean skip, Map<String, String> env, Console console) {
    if (skip || !config.portal().applyDatabaseRoles()) {
      console.step("database roles: not applied at start (%s); run 'slamon db roles' after changing tenants",
          skip ? "--no-db-roles" : "portal.applyDatabaseRoles: false");
      return List.of();
    }
    try {
      List<String> changes = new TenantRoles(db.dataSource(), InstantSource.system()).apply(DbCommand.roles(config, env));
      console.step("database roles: %d tenant role(s) and the provider read role applied (portal.applyDatabaseRoles)",
          config.tenants().size());
      changes.forEach(c -> console.step("  %s", c));
      return changes;
    } catch (StoreException e) {
      console.step("WARNING database roles not applied: %s; run 'slamon db roles' as a user with CREATEROLE,"
          + " or set portal.applyDatabaseRoles: false", e.getMessage());
      return List.of();
    }
  }
}
