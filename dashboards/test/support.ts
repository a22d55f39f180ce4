// Shared test helpers: fixture paths and per-test output directories under target/.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import type { Dashboard, Panel, RowPanel } from "@grafana/grafana-foundation-sdk/dashboard";

// build/test/support.js -> project directory
export const projectDir = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const fixtureConfig = join(projectDir, "test", "fixtures", "config");

/** A fresh directory under target/ for one test; pid-qualified so parallel runs never share one. */
export function scratchDir(name: string): string {
  const dir = join(projectDir, "target", "test-out", `${name}-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Writes a config directory from a map of relative path -> file content. */
export function writeConfig(name: string, files: Record<string, string>): string {
  const dir = scratchDir(name);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

export interface PostgresTarget {
  refId: string;
  rawSql: string;
  format: string;
  datasource: { type: string; uid: string };
}

/** Every non-row panel, including those nested in collapsed rows. */
export function panelsOf(dashboard: Dashboard): Panel[] {
  const result: Panel[] = [];
  for (const p of dashboard.panels ?? []) {
    if (p.type === "row") {
      result.push(...((p as RowPanel).panels ?? []));
    } else {
      result.push(p as Panel);
    }
  }
  return result;
}

export function targetsOf(panel: Panel): PostgresTarget[] {
  return (panel.targets ?? []) as unknown as PostgresTarget[];
}
