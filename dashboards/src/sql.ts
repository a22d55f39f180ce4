// All SQL the dashboards run. Tenant scoping lives here and nowhere else, so a review of
// tenant isolation reads one file: every tenant query starts from tenantStatus().
import type { Slo, Tenant } from "./config.js";

/** A PostgreSQL string literal; standard_conforming_strings (on since 9.1) makes '' the only escape. */
export function sqlLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** A quoted PostgreSQL identifier, used for column aliases that become panel field names. */
export function sqlIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function tenantStatus(tenant: Tenant): string {
  return `FROM slo_status\nWHERE tenant = ${sqlLiteral(tenant.id)}`;
}

/** Latest evaluation of one SLO inside the dashboard's time range (default: this month). */
export function latestAttainment(tenant: Tenant, slo: Slo): string {
  return [
    `SELECT evaluated_at AS "time", attainment AS "Attainment"`,
    tenantStatus(tenant),
    `  AND slo = ${sqlLiteral(slo.name)}`,
    `  AND $__timeFilter(evaluated_at)`,
    `ORDER BY evaluated_at DESC`,
    `LIMIT 1`,
  ].join("\n");
}

export function latestBudgetRemaining(tenant: Tenant, slo: Slo): string {
  return [
    `SELECT evaluated_at AS "time", budget_remaining AS "Error budget left"`,
    tenantStatus(tenant),
    `  AND slo = ${sqlLiteral(slo.name)}`,
    `  AND $__timeFilter(evaluated_at)`,
    `ORDER BY evaluated_at DESC`,
    `LIMIT 1`,
  ].join("\n");
}

/**
 * One series per SLO (the "metric" column names it) of an `slo_status` column over time, for
 * time_series format: `attainment` or `budget_remaining`.
 */
export function statusOverTime(tenant: Tenant, column: "attainment" | "budget_remaining"): string {
  return [
    `SELECT evaluated_at AS "time", slo AS metric, ${column} AS value`,
    tenantStatus(tenant),
    `  AND $__timeFilter(evaluated_at)`,
    `ORDER BY 1, 2`,
  ].join("\n");
}

export const GPU_UTIL = "DCGM_FI_DEV_GPU_UTIL";
export const GPU_TEMP = "DCGM_FI_DEV_GPU_TEMP";

/**
 * One series per node: dcgm-exporter labels every GPU with `Hostname`, and a node has several
 * GPUs, so samples are aggregated per node and time bucket.
 */
export function perNode(metric: string, aggregate: "avg" | "max"): string {
  return [
    `SELECT $__timeGroupAlias(s.ts, $__interval), se.labels->>'Hostname' AS metric, ${aggregate}(s.value) AS value`,
    `FROM samples s`,
    `JOIN series se ON se.id = s.series_id`,
    `WHERE se.metric = ${sqlLiteral(metric)}`,
    `  AND $__timeFilter(s.ts)`,
    `GROUP BY 1, 2`,
    `ORDER BY 1, 2`,
  ].join("\n");
}

/** Fleet-wide aggregate over each GPU's newest sample in the time range. */
export function latestAcrossFleet(metric: string, aggregate: "avg" | "max", label: string): string {
  return [
    `SELECT ${aggregate}(latest.value) AS ${sqlIdentifier(label)}`,
    `FROM (`,
    `  SELECT DISTINCT ON (s.series_id) s.value`,
    `  FROM samples s`,
    `  JOIN series se ON se.id = s.series_id`,
    `  WHERE se.metric = ${sqlLiteral(metric)}`,
    `    AND $__timeFilter(s.ts)`,
    `  ORDER BY s.series_id, s.ts DESC`,
    `) latest`,
  ].join("\n");
}
