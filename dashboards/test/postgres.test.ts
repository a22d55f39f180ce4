// Runs every generated panel query against a real, throwaway PostgreSQL with the slo_status,
// series and samples tables, after expanding Grafana's macros the way its PostgreSQL
// datasource does. Catches SQL that only Grafana would otherwise reject, and proves that a
// tenant's panels return only that tenant's rows.
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";

import type { Dashboard } from "@grafana/grafana-foundation-sdk/dashboard";

import { generate } from "../src/generate.js";
import { fixtureConfig, panelsOf, scratchDir, targetsOf } from "./support.js";

const FROM = "2026-03-01T00:00:00Z";
const TO = "2026-03-31T23:59:59Z";

/** Grafana's expansion for the macros the dashboards use (interval fixed at 1 minute). */
export function expandMacros(sql: string): string {
  return sql
    .replace(/\$__timeGroupAlias\(([^,]+),\s*\$__interval\)/g, (_, col: string) => `floor(extract(epoch from ${col.trim()})/60)*60 AS "time"`)
    .replace(/\$__timeFilter\(([^)]+)\)/g, (_, col: string) => `${col.trim()} BETWEEN '${FROM}' AND '${TO}'`);
}

interface Postgres {
  bin: string;
  asUser: string[];
  uid?: number;
  gid?: number;
}

function findPostgres(): Postgres | string {
  const bin =
    process.env["PG_BIN"] ??
    (() => {
      try {
        return execFileSync("pg_config", ["--bindir"], { encoding: "utf8" }).trim();
      } catch {
        const root = "/usr/lib/postgresql";
        const versions = existsSync(root) ? readdirSync(root).sort() : [];
        return versions.length > 0 ? join(root, versions[versions.length - 1]!, "bin") : "";
      }
    })();
  if (!existsSync(join(bin, "initdb")) || !existsSync(join(bin, "pg_ctl"))) {
    return "no PostgreSQL server binaries (initdb, pg_ctl) found; set PG_BIN or apt-get install postgresql";
  }
  if (process.getuid?.() !== 0) {
    return { bin, asUser: [] };
  }
  // initdb refuses to run as root: drop to the packaged 'postgres' account for the server.
  const id = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
  const gid = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
  if (id.status !== 0) {
    return "running as root and no 'postgres' user exists to run the server as";
  }
  return {
    bin,
    asUser: ["setpriv", "--reuid=postgres", "--regid=postgres", "--clear-groups"],
    uid: Number(id.stdout.trim()),
    gid: Number(gid.stdout.trim()),
  };
}

const found = findPostgres();
const skip = typeof found === "string" ? found : false;

const SCHEMA = `
CREATE TABLE slo_status (tenant text NOT NULL, slo text NOT NULL, evaluated_at timestamptz NOT NULL,
  window_start timestamptz NOT NULL, window_end timestamptz NOT NULL, good bigint NOT NULL, total bigint NOT NULL,
  objective double precision NOT NULL, attainment double precision, budget_remaining double precision);
CREATE TABLE series (id bigint PRIMARY KEY, tenant text, metric text NOT NULL, labels jsonb NOT NULL);
CREATE TABLE samples (series_id bigint NOT NULL REFERENCES series(id), ts timestamptz NOT NULL, value double precision NOT NULL);
CREATE TABLE events (id text PRIMARY KEY, tenant text, type text NOT NULL, time timestamptz NOT NULL, source text NOT NULL,
  attributes jsonb NOT NULL, received_at timestamptz NOT NULL);
CREATE TABLE incidents (id text PRIMARY KEY, tenant text, fingerprint text NOT NULL, severity text NOT NULL, state text NOT NULL,
  title text, opened_at timestamptz NOT NULL, updated_at timestamptz);
CREATE TABLE incident_classifications (incident_id text NOT NULL, regime text NOT NULL, aware_at timestamptz NOT NULL,
  aware_source text NOT NULL, recorded_by text NOT NULL, classified_at timestamptz NOT NULL);
CREATE TABLE regulatory_deadlines (incident_id text NOT NULL, kind text NOT NULL, regime text NOT NULL, due timestamptz NOT NULL,
  legal_due timestamptz, state text NOT NULL, computed_at timestamptz NOT NULL, PRIMARY KEY (incident_id, kind));
-- INC-1 became known first but its nearest deadline (NIS2 notification, 72 h) is later than INC-2's
-- (NIS2 early warning, 24 h); INC-3 is resolved and INC-1's final report is further away.
INSERT INTO incidents VALUES
  ('INC-1', 'acme', 'fp1', 'P2', 'acknowledged', 'one', '2026-03-09T00:00:00Z', NULL),
  ('INC-2', 'acme-eu', 'fp2', 'P1', 'open', 'two', '2026-03-10T00:00:00Z', NULL),
  ('INC-3', 'acme', 'fp3', 'P1', 'resolved', 'three', '2026-03-08T00:00:00Z', NULL);
INSERT INTO incident_classifications VALUES
  ('INC-1', 'NIS2', '2026-03-09T00:00:00Z', 'ticket', 'it', '2026-03-09T00:00:00Z'),
  ('INC-2', 'NIS2', '2026-03-10T00:00:00Z', 'ticket', 'it', '2026-03-10T00:00:00Z'),
  ('INC-3', 'NIS2', '2026-03-08T00:00:00Z', 'ticket', 'it', '2026-03-08T00:00:00Z');
INSERT INTO regulatory_deadlines VALUES
  ('INC-1', 'NIS2/notification', 'NIS2', '2026-03-12T00:00:00Z', '2026-03-12T01:00:00Z', 'RUNNING', '2026-03-10T01:00:00Z'),
  ('INC-1', 'NIS2/final-report', 'NIS2', '2026-04-12T00:00:00Z', '2026-04-12T01:00:00Z', 'RUNNING', '2026-03-10T01:00:00Z'),
  ('INC-2', 'NIS2/early-warning', 'NIS2', '2026-03-11T00:00:00Z', '2026-03-11T01:00:00Z', 'RUNNING', '2026-03-10T01:00:00Z'),
  ('INC-3', 'NIS2/early-warning', 'NIS2', '2026-03-09T00:00:00Z', NULL, 'OVERDUE', '2026-03-10T01:00:00Z');
-- acme and acme-eu share an SLO name; only the tenant column tells them apart.
INSERT INTO slo_status VALUES
  ('acme', 'chat-availability', '2026-03-10T00:00:00Z', '2026-03-01', '2026-04-01', 9990, 10000, 0.999, 0.999, 0.0),
  ('acme', 'chat-availability', '2026-03-11T00:00:00Z', '2026-03-01', '2026-04-01', 19995, 20000, 0.999, 0.99975, 0.75),
  ('acme', 'chat-ttft-p95', '2026-03-11T00:00:00Z', '2026-03-01', '2026-04-01', 96, 100, 0.95, 0.96, 0.2),
  ('acme-eu', 'chat-availability', '2026-03-11T00:00:00Z', '2026-03-01', '2026-04-01', 50, 100, 0.99, 0.5, -49.0),
  ('acme', 'chat-availability', '2026-02-11T00:00:00Z', '2026-02-01', '2026-03-01', 1, 2, 0.999, 0.5, -499.0);
INSERT INTO series VALUES
  (1, 'acme', 'DCGM_FI_DEV_GPU_UTIL', '{"Hostname": "gpu-node-1", "gpu": "0"}'),
  (2, 'acme', 'DCGM_FI_DEV_GPU_UTIL', '{"Hostname": "gpu-node-1", "gpu": "1"}'),
  (3, 'acme-eu', 'DCGM_FI_DEV_GPU_UTIL', '{"Hostname": "gpu-node-2", "gpu": "0"}'),
  (4, 'acme', 'DCGM_FI_DEV_GPU_TEMP', '{"Hostname": "gpu-node-1", "gpu": "0"}'),
  (5, 'acme', 'DCGM_FI_DEV_GPU_TEMP', '{"Hostname": "gpu-node-1", "gpu": "1"}'),
  (6, 'acme', 'vllm:time_to_first_token_seconds_bucket', '{"model_name": "chat", "le": "0.1"}'),
  (7, 'acme', 'vllm:time_to_first_token_seconds_bucket', '{"model_name": "chat", "le": "0.5"}'),
  (8, 'acme', 'vllm:time_to_first_token_seconds_bucket', '{"model_name": "chat", "le": "1"}'),
  (9, 'acme', 'vllm:time_to_first_token_seconds_bucket', '{"model_name": "chat", "le": "+Inf"}'),
  (10, 'acme-eu', 'vllm:time_to_first_token_seconds_bucket', '{"model_name": "chat", "le": "+Inf"}');
INSERT INTO samples VALUES
  (1, '2026-03-10T12:00:10Z', 40), (2, '2026-03-10T12:00:20Z', 80), (3, '2026-03-10T12:00:15Z', 10),
  (1, '2026-03-10T12:05:10Z', 50),
  (4, '2026-03-10T12:00:10Z', 61), (5, '2026-03-10T12:00:20Z', 83),
  -- a known histogram: in one minute 100 requests, 50 <= 0.1 s, 90 <= 0.5 s, 98 <= 1 s
  (6, '2026-03-10T12:00:05Z', 1000), (6, '2026-03-10T12:00:35Z', 1050),
  (7, '2026-03-10T12:00:05Z', 2000), (7, '2026-03-10T12:00:35Z', 2090),
  (8, '2026-03-10T12:00:05Z', 3000), (8, '2026-03-10T12:00:35Z', 3098),
  (9, '2026-03-10T12:00:05Z', 4000), (9, '2026-03-10T12:00:35Z', 4100),
  (10, '2026-03-10T12:00:05Z', 0), (10, '2026-03-10T12:00:35Z', 7);
`;

describe("generated SQL against PostgreSQL", { skip }, () => {
  const pg = found as Postgres;
  const dir = scratchDir("postgres");
  const data = join(dir, "data");
  let dashboards: Dashboard[] = [];
  let tenantOf = new Map<Dashboard, string | undefined>();

  const asServer = (cmd: string, args: string[]): string => {
    const [exe, ...rest] = [...pg.asUser, join(pg.bin, cmd), ...args];
    return execFileSync(exe!, rest, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  };
  // Unix socket in the scratch dir, no TCP: parallel runs never collide on a port.
  const psql = (sql: string): string[][] =>
    execFileSync(join(pg.bin, "psql"), ["-h", dir, "-U", "slamon", "-d", "postgres", "-X", "-q", "-At", "-F", "|", "-v", "ON_ERROR_STOP=1"], {
      input: sql,
      encoding: "utf8",
    })
      .split("\n")
      .filter((line) => line.length > 0)
      .map((line) => line.split("|"));

  before(() => {
    if (pg.uid !== undefined) {
      chownSync(dir, pg.uid, pg.gid!);
    }
    asServer("initdb", ["-D", data, "-A", "trust", "-U", "slamon", "--no-sync", "-E", "UTF8"]);
    asServer("pg_ctl", ["-D", data, "-l", join(dir, "server.log"), "-w", "-o", `-c listen_addresses='' -k ${dir} -c fsync=off`, "start"]);
    psql(SCHEMA);
    const result = generate({ configDir: fixtureConfig, outDir: scratchDir("postgres-out") });
    dashboards = result.dashboards.map((d) => JSON.parse(readFileSync(d.file, "utf8")) as Dashboard);
    tenantOf = new Map(dashboards.map((d, i) => [d, result.dashboards[i]!.tenant]));
  });

  after(() => {
    if (existsSync(join(data, "postmaster.pid"))) {
      asServer("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
    }
  });

  const queryOf = (tenant: string | undefined, title: string): string[][] => {
    const d = dashboards.find((x) => tenantOf.get(x) === tenant)!;
    const panel = panelsOf(d).find((p) => p.title === title);
    assert.ok(panel, `${tenant ?? "fleet"} has panel ${title}`);
    return psql(expandMacros(targetsOf(panel).map((q) => q.rawSql).join(";\n")));
  };

  test("every generated query runs", () => {
    for (const d of dashboards) {
      for (const q of panelsOf(d).flatMap(targetsOf)) {
        assert.doesNotThrow(() => psql(expandMacros(q.rawSql)), q.rawSql);
      }
    }
  });

  test("the attainment stat shows the tenant's latest evaluation in the time range", () => {
    assert.deepEqual(queryOf("acme", "Chat API availability: attainment this period").map((r) => r[1]), ["0.99975"]);
    assert.deepEqual(queryOf("acme-eu", "chat-availability: attainment this period").map((r) => r[1]), ["0.5"]);
  });

  test("the error budget stat shows the tenant's own budget", () => {
    assert.deepEqual(queryOf("acme", "Chat API availability: error budget left").map((r) => r[1]), ["0.75"]);
    assert.deepEqual(queryOf("acme-eu", "chat-availability: error budget left").map((r) => r[1]), ["-49"]);
  });

  test("the attainment trend holds only the tenant's rows, one series per SLO", () => {
    assert.deepEqual(queryOf("acme", "Attainment").map((r) => [r[1], r[2]]), [
      ["chat-availability", "0.999"],
      ["chat-availability", "0.99975"],
      ["chat-ttft-p95", "0.96"],
    ]);
    assert.deepEqual(queryOf("acme-eu", "Attainment").map((r) => [r[1], r[2]]), [["chat-availability", "0.5"]]);
    assert.deepEqual(queryOf("newco", "Attainment"), []);
  });

  test("the fleet charts average utilisation and hottest temperature per node and minute", () => {
    assert.deepEqual(queryOf(undefined, "GPU utilisation per node").map((r) => [r[1], r[2]]), [
      ["gpu-node-1", "60"],
      ["gpu-node-2", "10"],
      ["gpu-node-1", "50"],
    ]);
    assert.deepEqual(queryOf(undefined, "GPU temperature per node").map((r) => [r[1], r[2]]), [["gpu-node-1", "83"]]);
    // Newest sample per GPU: 50 (node 1, GPU 0 at 12:05), 80 and 10.
    const [[mean]] = queryOf(undefined, "Mean GPU utilisation") as [[string]];
    assert.ok(Math.abs(Number(mean) - 140 / 3) < 1e-9, mean);
    assert.deepEqual(queryOf(undefined, "Hottest GPU"), [["83"]]);
  });

  test("latency quantiles interpolate inside the bucket like histogram_quantile", () => {
    const rows = queryOf("acme", "Time to first token p95 / p99").map((r) => [r[1], Number(r[2])]);
    // p95: rank 95 lies in (0.5, 1] holding requests 91..98: 0.5 + 0.5 * (95 - 90) / (98 - 90)
    // p99: rank 99 lies in (1, +Inf]: the highest finite bound, as Prometheus answers
    assert.deepEqual(rows, [
      ["chat p95", 0.8125],
      ["chat p99", 1],
    ]);
  });

  test("open clocks are sorted by their nearest deadline, not by awareness", () => {
    assert.deepEqual(queryOf(undefined, "Open regulatory clocks").map((r) => [r[1], r[5]]), [
      ["INC-2", "NIS2/early-warning"],
      ["INC-1", "NIS2/notification"],
    ]);
  });
});
