// All SQL the dashboards run. Tenant scoping lives here and nowhere else, so a review of
// tenant isolation reads one file: every tenant query starts from tenantStatus().
import type { ServiceCredit, Slo, Tenant } from "./config.js";

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

/** `select` over the newest evaluation of one SLO inside the dashboard's time range (default: this month). */
function latestOf(tenant: Tenant, slo: Slo, select: string): string {
  return [
    select,
    tenantStatus(tenant),
    `  AND slo = ${sqlLiteral(slo.name)}`,
    `  AND $__timeFilter(evaluated_at)`,
    `ORDER BY evaluated_at DESC`,
    `LIMIT 1`,
  ].join("\n");
}

export function latestAttainment(tenant: Tenant, slo: Slo): string {
  return latestOf(tenant, slo, `SELECT evaluated_at AS "time", attainment AS "Attainment"`);
}

export function latestBudgetRemaining(tenant: Tenant, slo: Slo): string {
  return latestOf(tenant, slo, `SELECT evaluated_at AS "time", budget_remaining AS "Error budget left"`);
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

// ---- tenant panels beyond SLO status: every query names its tenant once, through ownSeries/ownRows.

function ownSeries(tenant: Tenant, metric: string): string {
  return `se.tenant = ${sqlLiteral(tenant.id)} AND se.metric = ${sqlLiteral(metric)}`;
}

export const TTFT_BUCKET = "vllm:time_to_first_token_seconds_bucket";
export const E2E_BUCKET = "vllm:e2e_request_latency_seconds_bucket";

/**
 * p95 and p99 per endpoint (the vLLM `model_name` label) from a histogram's cumulative buckets,
 * computed like Prometheus' `histogram_quantile`: per time bucket the increase of every `le`
 * counter; the total is the `+Inf` bucket's; the quantile's rank q·total falls into the first
 * bucket whose count reaches it and is interpolated linearly between that bucket's lower bound
 * (the previous `le`, 0 for the first bucket) and its upper bound. A rank in the `+Inf` bucket
 * answers the highest finite bound; a first bucket with a bound <= 0 answers that bound.
 */
export function latencyQuantiles(tenant: Tenant, bucketMetric: string): string {
  return [
    `WITH inc AS (`,
    `  SELECT $__timeGroupAlias(s.ts, $__interval), se.labels->>'model_name' AS endpoint,`,
    `         (se.labels->>'le')::float8 AS le, max(s.value) - min(s.value) AS n`,
    `  FROM samples s JOIN series se ON se.id = s.series_id`,
    `  WHERE ${ownSeries(tenant, bucketMetric)} AND $__timeFilter(s.ts)`,
    `  GROUP BY 1, 2, se.id, 3`,
    `), cum AS (`,
    `  SELECT "time", endpoint, le, sum(n) AS n,`,
    `         max(sum(n)) OVER w AS total, lag(le) OVER (w ORDER BY le) AS prev_le, lag(sum(n)) OVER (w ORDER BY le) AS prev_n`,
    `  FROM inc GROUP BY 1, 2, 3`,
    `  WINDOW w AS (PARTITION BY "time", endpoint)`,
    `), hit AS (`,
    `  SELECT DISTINCT ON ("time", endpoint, q.name) "time", endpoint, q.name, le, prev_le, n, prev_n, q.q * total AS rank`,
    `  FROM cum CROSS JOIN (VALUES (0.95::float8, 'p95'), (0.99::float8, 'p99')) AS q(q, name)`,
    `  WHERE total > 0 AND n >= q.q * total`,
    `  ORDER BY "time", endpoint, q.name, le`,
    `)`,
    `SELECT "time", endpoint || ' ' || name AS metric,`,
    `       CASE WHEN le = 'Infinity' THEN prev_le`,
    `            WHEN prev_le IS NULL AND le <= 0 THEN le`,
    `            ELSE coalesce(prev_le, 0) + (le - coalesce(prev_le, 0)) * (rank - coalesce(prev_n, 0)) / nullif(n - coalesce(prev_n, 0), 0)`,
    `       END AS value`,
    `FROM hit`,
    `ORDER BY 1, 2`,
  ].join("\n");
}

/** GPUs reporting for the tenant (distinct dcgm GPU series per time bucket) next to the GPUs its contract reserves. */
export function gpusVersusReservation(tenant: Tenant): string {
  return [
    `SELECT $__timeGroupAlias(s.ts, $__interval), count(DISTINCT s.series_id) AS "GPUs in service",`,
    `       ${tenant.reservedGpus} AS "GPUs reserved"`,
    `FROM samples s JOIN series se ON se.id = s.series_id`,
    `WHERE ${ownSeries(tenant, GPU_UTIL)} AND $__timeFilter(s.ts)`,
    `GROUP BY 1`,
    `ORDER BY 1`,
  ].join("\n");
}

/** Age of each RAG index at each pushed `rag_index.freshness` event. */
export function ragFreshness(tenant: Tenant): string {
  return [
    `SELECT time AS "time", attributes->>'index' AS metric, (attributes->>'freshnessSeconds')::float8 AS value`,
    `FROM events`,
    `WHERE tenant = ${sqlLiteral(tenant.id)} AND type = 'rag_index.freshness' AND $__timeFilter(time)`,
    `ORDER BY 1, 2`,
  ].join("\n");
}

/** The tenant's incidents: every live one, and those opened in the time range. */
export function tenantIncidents(tenant: Tenant): string {
  return [
    `SELECT opened_at AS "time", id AS "Incident", severity AS "Severity", state AS "State", title AS "Title"`,
    `FROM incidents`,
    `WHERE tenant = ${sqlLiteral(tenant.id)}`,
    `  AND (state IN ('open', 'acknowledged', 'mitigated') OR $__timeFilter(opened_at))`,
    `ORDER BY opened_at DESC`,
  ].join("\n");
}

/**
 * The regulatory clocks of the tenant's live incidents and of those that became known in the
 * time range: regime and awareness (the start of
 * every deadline). The deadlines themselves are computed by slamon's rule book (DST, month ends,
 * rule versions) and shown in the portal; SQL does not repeat those rules.
 */
export function tenantClocks(tenant: Tenant): string {
  return [
    `SELECT c.aware_at AS "time", c.incident_id AS "Incident", c.regime AS "Regime", c.aware_source AS "Aware through",`,
    `       i.state AS "State"`,
    `FROM incident_classifications c JOIN incidents i ON i.id = c.incident_id`,
    `WHERE i.tenant = ${sqlLiteral(tenant.id)}`,
    `  AND (i.state IN ('open', 'acknowledged', 'mitigated') OR $__timeFilter(c.aware_at))`,
    `ORDER BY c.aware_at DESC`,
  ].join("\n");
}

/** Announced maintenance of the tenant as a Grafana annotation query (time, timeend, text). */
export function maintenanceAnnotations(tenant: Tenant): string {
  // Grafana's macro arguments may not contain parentheses, hence the subquery naming the columns.
  return [
    `SELECT starts AS "time", ends AS timeend, 'maintenance ' || id AS text`,
    `FROM (`,
    `  SELECT (attributes->>'plannedStart')::timestamptz AS starts, (attributes->>'plannedEnd')::timestamptz AS ends,`,
    `         attributes->>'maintenanceId' AS id`,
    `  FROM events`,
    `  WHERE tenant = ${sqlLiteral(tenant.id)} AND type = 'maintenance.announced'`,
    `) m`,
    `WHERE $__timeFilter(starts)`,
    `ORDER BY 1`,
  ].join("\n");
}

/** Burn rate of the period so far per SLO: (1 - attainment) / (1 - objective); 1 spends the budget exactly. */
export function burnRateOverTime(tenant: Tenant): string {
  return [
    `SELECT evaluated_at AS "time", slo AS metric, (1 - attainment) / nullif(1 - objective, 0) AS value`,
    tenantStatus(tenant),
    `  AND $__timeFilter(evaluated_at)`,
    `ORDER BY 1, 2`,
  ].join("\n");
}

// ---- provider panels (all tenants; the provider datasource's role reads every row)

export const GPU_FB_USED = "DCGM_FI_DEV_FB_USED";
export const GPU_POWER = "DCGM_FI_DEV_POWER_USAGE";
export const GPU_XID = "DCGM_FI_DEV_XID_ERRORS";

/** Every tenant's SLOs by their newest evaluation in the range, least error budget left first. */
export function sloRiskRanking(): string {
  return [
    `SELECT * FROM (`,
    `  SELECT DISTINCT ON (tenant, slo) tenant AS "Tenant", slo AS "SLO", attainment AS "Attainment",`,
    `         objective AS "Objective", budget_remaining AS "Error budget left", evaluated_at AS "Evaluated"`,
    `  FROM slo_status`,
    `  WHERE $__timeFilter(evaluated_at)`,
    `  ORDER BY tenant, slo, evaluated_at DESC`,
    `) latest`,
    `ORDER BY "Error budget left" ASC, "Tenant", "SLO"`,
  ].join("\n");
}

/**
 * Live incidents' regulatory clocks, one row per incident and regime with its nearest running or
 * overdue deadline, nearest first. The deadlines depend on each regime's rules (DST, month ends,
 * rule versions), so they are not recomputed here: slamon stores them in `regulatory_deadlines`
 * after every evaluation round.
 */
export function openClocks(): string {
  return [
    `SELECT d.due AS "Due", i.id AS "Incident", coalesce(i.tenant, '(provider)') AS "Tenant", i.severity AS "Severity",`,
    `       d.regime AS "Regime", d.kind AS "Deadline", d.state AS "State", d.legal_due AS "Due (legal reading)",`,
    `       c.aware_at AS "Aware since"`,
    `FROM (SELECT DISTINCT ON (incident_id, regime) * FROM regulatory_deadlines ORDER BY incident_id, regime, due) d`,
    `JOIN incidents i ON i.id = d.incident_id`,
    `LEFT JOIN incident_classifications c ON c.incident_id = d.incident_id AND c.regime = d.regime`,
    `WHERE i.state IN ('open', 'acknowledged', 'mitigated')`,
    `ORDER BY d.due ASC, i.id, d.regime`,
  ].join("\n");
}

/**
 * The service credit the contract's credit table gives for the newest attainment of an availability
 * SLO in the range (the most generous step whose `below` the availability percent is under, as
 * io.slamon.core.config.Contract.creditPercentFor does); 0 when none applies.
 */
export function serviceCredit(tenant: Tenant, slo: Slo, credits: readonly ServiceCredit[]): string {
  const steps = [...credits].sort((x, y) => x.below - y.below);
  const cases = steps.map((c) => `    WHEN attainment * 100 < ${c.below} THEN ${c.creditPercent}`);
  return latestOf(tenant, slo, [`SELECT evaluated_at AS "time",`, `  CASE`, ...cases, `    ELSE 0`, `  END AS "Service credit"`].join("\n"));
}
