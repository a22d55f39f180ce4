// The PostgreSQL role names `slamon db roles` gives tenants (io.slamon.store.TenantRoles.roleName):
// the same rule here, so each tenant's Grafana datasource logs in as that tenant's RLS role.
import { createHash } from "node:crypto";

export const PROVIDER_ROLE = "slamon_provider_read";

export function tenantRole(prefix: string, tenantId: string): string {
  const name = prefix + tenantId.replaceAll("-", "_");
  if (name.length <= 63) {
    return name;
  }
  return `${name.slice(0, 54)}_${createHash("sha256").update(tenantId, "utf8").digest("hex").slice(0, 8)}`;
}

/** The environment variable holding a role's password, for slamon and for Grafana alike. */
export function passwordVariable(tenantIdOrProvider: string): string {
  return `SLAMON_DB_ROLE_PASSWORD_${tenantIdOrProvider.toUpperCase().replaceAll(/[^A-Z0-9]/g, "_")}`;
}
