// Writes every dashboard and provisioning file for one slamon config into an output directory.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, posix, resolve } from "node:path";

import type { Dashboard } from "@grafana/grafana-foundation-sdk/dashboard";

import { loadConfig } from "./config.js";
import { buildFleetDashboard } from "./fleetDashboard.js";
import { dashboardsYaml, datasourcesYaml, type DatabaseSettings, type FolderProvider } from "./provisioning.js";
import { buildTenantDashboard } from "./tenantDashboard.js";
import { PROVIDER_ROLE } from "./roles.js";
import { grafanaUid } from "./uids.js";

export interface GenerateOptions {
  readonly configDir: string;
  readonly outDir: string;
  /**
   * Where Grafana will find `<outDir>/dashboards`; defaults to its absolute local path.
   * Set it when Grafana runs elsewhere (e.g. a container mounting the directory).
   */
  readonly grafanaDashboardsDir?: string;
  readonly database?: Partial<DatabaseSettings>;
}

export interface GeneratedDashboard {
  readonly uid: string;
  readonly title: string;
  /** Tenant id, or undefined for provider dashboards. */
  readonly tenant?: string;
  readonly file: string;
}

export interface GenerateResult {
  readonly dashboards: readonly GeneratedDashboard[];
  readonly datasourcesFile: string;
  readonly dashboardsProvisioningFile: string;
}

export const DEFAULT_DATABASE: DatabaseSettings = {
  url: "127.0.0.1:5432",
  database: "slamon",
  user: PROVIDER_ROLE,
  sslmode: "disable",
};

export function generate(options: GenerateOptions): GenerateResult {
  const config = loadConfig(options.configDir);
  const outDir = resolve(options.outDir);
  const grafanaRoot = options.grafanaDashboardsDir ?? join(outDir, "dashboards");
  // Start from empty directories so a removed tenant's dashboard does not linger.
  for (const owned of ["dashboards", "provisioning"]) {
    rmSync(join(outDir, owned), { recursive: true, force: true });
  }

  const dashboards: GeneratedDashboard[] = [];
  const providers: FolderProvider[] = [];
  const write = (relativeDir: string, name: string, built: Dashboard, tenant?: string): void => {
    const dir = join(outDir, "dashboards", relativeDir);
    mkdirSync(dir, { recursive: true });
    const file = join(dir, name);
    writeFileSync(file, `${JSON.stringify(built, null, 2)}\n`);
    if (dashboards.some((d) => d.uid === built.uid)) {
      throw new Error(`two dashboards share uid ${built.uid}`);
    }
    dashboards.push({ uid: built.uid ?? "", title: built.title ?? "", file, ...(tenant ? { tenant } : {}) });
  };

  write("provider", "fleet-overview.json", buildFleetDashboard());
  providers.push({
    name: "slamon-provider",
    folder: "slamon provider",
    folderUid: "slamon-provider",
    path: posix.join(grafanaRoot, "provider"),
  });

  for (const tenant of config.tenants) {
    write(posix.join("tenants", tenant.id), "sla-overview.json", buildTenantDashboard(tenant, config.slos), tenant.id);
    providers.push({
      name: `slamon-tenant-${tenant.id}`,
      folder: tenant.displayName,
      folderUid: grafanaUid("slamon-tenant", tenant.id),
      path: posix.join(grafanaRoot, "tenants", tenant.id),
    });
  }

  const database = { ...DEFAULT_DATABASE, ...options.database };
  const datasourcesFile = join(outDir, "provisioning", "datasources", "slamon.yaml");
  const dashboardsProvisioningFile = join(outDir, "provisioning", "dashboards", "slamon.yaml");
  mkdirSync(join(outDir, "provisioning", "datasources"), { recursive: true });
  mkdirSync(join(outDir, "provisioning", "dashboards"), { recursive: true });
  writeFileSync(datasourcesFile, datasourcesYaml(database, config.tenants, config.databaseRolePrefix));
  writeFileSync(dashboardsProvisioningFile, dashboardsYaml(providers));
  return { dashboards, datasourcesFile, dashboardsProvisioningFile };
}
