import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";

import type { Dashboard } from "@grafana/grafana-foundation-sdk/dashboard";
import { parse } from "yaml";

import { loadConfig } from "../src/config.js";
import { generate } from "../src/generate.js";
import { SLAMON_DATASOURCE_UID, tenantDatasource } from "../src/postgresQuery.js";
import { fixtureConfig, panelsOf, projectDir, scratchDir, targetsOf, writeConfig } from "./support.js";

const readJson = (file: string): Dashboard => JSON.parse(readFileSync(file, "utf8")) as Dashboard;

describe("generated dashboards", () => {
  const out = scratchDir("generate");
  const result = generate({ configDir: fixtureConfig, outDir: out });
  const config = loadConfig(fixtureConfig);
  const tenantDashboards = result.dashboards.filter((d) => d.tenant !== undefined);

  test("every tenant gets exactly one SLA overview dashboard", () => {
    assert.deepEqual(tenantDashboards.map((d) => d.tenant).sort(), ["acme", "acme-eu", "newco"]);
    for (const d of tenantDashboards) {
      assert.equal(readJson(d.file).title?.startsWith("SLA overview – "), true);
    }
  });

  test("each SLO of a tenant gets an attainment and an error budget stat", () => {
    const acme = readJson(tenantDashboards.find((d) => d.tenant === "acme")!.file);
    const stats = panelsOf(acme).filter((p) => p.type === "stat").map((p) => p.title);
    assert.deepEqual(stats, [
      "Chat API availability: attainment this period",
      "Chat API availability: error budget left",
      "Chat time to first token: attainment this period",
      "Chat time to first token: error budget left",
    ]);
    assert.ok(panelsOf(acme).some((p) => p.type === "timeseries" && p.title === "Attainment"));
  });

  test("the attainment stat turns green at the SLO's objective", () => {
    const acme = readJson(tenantDashboards.find((d) => d.tenant === "acme")!.file);
    const ttft = panelsOf(acme).find((p) => p.title === "Chat time to first token: attainment this period")!;
    assert.deepEqual(ttft.fieldConfig?.defaults.thresholds?.steps, [
      { value: null, color: "red" },
      { value: 0.95, color: "green" },
    ]);
  });

  test("every query of a tenant dashboard filters by that tenant and names no other tenant", () => {
    for (const d of tenantDashboards) {
      const others = config.tenants.filter((t) => t.id !== d.tenant);
      const panels = panelsOf(readJson(d.file));
      const queries = panels.flatMap(targetsOf);
      assert.ok(queries.length >= 2, `${d.tenant} has queries`);
      for (const q of queries) {
        // the tenant predicate (on slo_status, events, incidents or the series of samples)
        assert.match(q.rawSql, new RegExp(`(WHERE|AND) (\\w+\\.)?tenant = '${d.tenant}'( AND|\\n)`), q.rawSql);
        assert.match(q.rawSql, /\$__timeFilter\(/);
        // Every tenant predicate, wherever it appears, is this tenant's.
        for (const m of q.rawSql.matchAll(/tenant\s*=\s*'([^']*)'/g)) {
          assert.equal(m[1], d.tenant, q.rawSql);
        }
        for (const other of others) {
          assert.ok(!q.rawSql.includes(`'${other.id}'`), `${d.tenant} query names ${other.id}: ${q.rawSql}`);
        }
      }
      const text = readFileSync(d.file, "utf8");
      for (const other of others) {
        assert.ok(!text.includes(JSON.stringify(other.displayName).slice(1, -1)), `${d.tenant} shows ${other.displayName}`);
      }
    }
  });

  test("tenant panels, queries and annotations use the tenant's own datasource, provider panels the provider's", () => {
    for (const d of result.dashboards) {
      const uid = d.tenant === undefined ? SLAMON_DATASOURCE_UID : tenantDatasource(d.tenant).uid;
      const json = readJson(d.file);
      for (const panel of panelsOf(json)) {
        if (panel.type === "text") {
          continue;
        }
        assert.equal(panel.datasource?.uid, uid, `${d.uid}: ${panel.title}`);
        for (const q of targetsOf(panel)) {
          assert.deepEqual(q.datasource, { type: "grafana-postgresql-datasource", uid });
        }
      }
      for (const a of json.annotations?.list ?? []) {
        if (a.builtIn !== 1) {
          assert.equal(a.datasource?.uid, uid, `${d.uid}: annotation ${a.name}`);
        }
      }
    }
  });

  test("each tenant dashboard has the issue's panels and the fleet overview the provider's", () => {
    const titles = (file: string): string[] => panelsOf(readJson(file)).map((p) => p.title ?? "");
    const acme = result.dashboards.find((d) => d.tenant === "acme")!;
    for (const t of ["Attainment", "Error budget left", "Burn rate", "Time to first token p95 / p99", "End-to-end latency p95 / p99",
      "GPU capacity vs reservation", "RAG index freshness", "Incidents", "Regulatory clocks"]) {
      assert.ok(titles(acme.file).includes(t), `acme lacks ${t}`);
    }
    assert.ok((readJson(acme.file).annotations?.list ?? []).some((a) => a.name === "Announced maintenance"));
    const fleet = result.dashboards.find((d) => d.tenant === undefined)!;
    for (const t of ["GPU utilisation per node", "GPU temperature per node", "GPU memory used per node", "GPU power per node",
      "XID errors per node", "SLO risk ranking", "Open regulatory clocks"]) {
      assert.ok(titles(fleet.file).includes(t), `fleet lacks ${t}`);
    }
  });

  test("panel ids are unique within each dashboard", () => {
    for (const d of result.dashboards) {
      const ids = (readJson(d.file).panels ?? []).map((p) => p.id);
      assert.equal(new Set(ids).size, ids.length, `${d.uid}: ${ids.join(",")}`);
    }
  });

  test("a tenant without SLOs gets a dashboard that says so", () => {
    const newco = readJson(tenantDashboards.find((d) => d.tenant === "newco")!.file);
    const textPanel = panelsOf(newco).find((p) => p.type === "text");
    assert.match(JSON.stringify(textPanel?.options), /tenant: newco/);
  });

  test("the fleet overview charts GPU utilisation and temperature per Hostname", () => {
    const fleet = readJson(result.dashboards.find((d) => d.tenant === undefined)!.file);
    const sqlOf = (title: string): string =>
      targetsOf(panelsOf(fleet).find((p) => p.title === title)!)
        .map((q) => q.rawSql)
        .join("\n");
    assert.match(sqlOf("GPU utilisation per node"), /se\.metric = 'DCGM_FI_DEV_GPU_UTIL'/);
    assert.match(sqlOf("GPU temperature per node"), /se\.metric = 'DCGM_FI_DEV_GPU_TEMP'/);
    for (const title of ["GPU utilisation per node", "GPU temperature per node"]) {
      assert.match(sqlOf(title), /JOIN series se ON se\.id = s\.series_id/);
      assert.match(sqlOf(title), /labels->>'Hostname' AS metric/);
      assert.match(sqlOf(title), /\$__timeFilter\(s\.ts\)/);
    }
  });

  test("the datasource provisioning file creates the uids the panels use, one per tenant role, without a password", () => {
    const file = join(out, "provisioning", "datasources", "slamon.yaml");
    assert.equal(result.datasourcesFile, file);
    const [ds, ...tenants] = parse(readFileSync(file, "utf8")).datasources;
    assert.equal(ds.uid, SLAMON_DATASOURCE_UID);
    assert.equal(ds.type, "grafana-postgresql-datasource");
    assert.equal(ds.user, "slamon_provider_read");
    assert.equal(ds.secureJsonData.password, "$SLAMON_DB_ROLE_PASSWORD_PROVIDER");
    const acmeEu = tenants.find((t: { uid: string }) => t.uid === tenantDatasource("acme-eu").uid);
    assert.equal(acmeEu.user, "slamon_tenant_acme_eu");
    assert.equal(acmeEu.secureJsonData.password, "$SLAMON_DB_ROLE_PASSWORD_ACME_EU");
    assert.equal(acmeEu.editable, false);
    assert.equal(tenants.length, config.tenants.length);
  });

  test("the dashboard provisioning file has one folder per tenant that holds exactly its dashboard", () => {
    const file = join(out, "provisioning", "dashboards", "slamon.yaml");
    assert.equal(result.dashboardsProvisioningFile, file);
    const providers: { folder: string; folderUid: string; options: { path: string } }[] = parse(
      readFileSync(file, "utf8"),
    ).providers;
    for (const d of result.dashboards) {
      const holding = providers.filter((p) => existsSync(join(p.options.path, d.file.split("/").pop()!)) && d.file.startsWith(`${p.options.path}/`));
      assert.equal(holding.length, 1, `${d.file} is in exactly one provider path`);
      const tenant = config.tenants.find((t) => t.id === d.tenant);
      assert.equal(holding[0]!.folder, tenant ? tenant.displayName : "slamon provider");
    }
    for (const p of providers) {
      assert.equal(readdirSync(p.options.path).length, 1, `${p.options.path} holds one dashboard`);
      assert.match(p.folderUid, /^[A-Za-z0-9_-]{1,40}$/);
    }
    assert.equal(new Set(providers.map((p) => p.folderUid)).size, providers.length);
  });

  test("the Grafana-side dashboards directory can differ from the output directory", () => {
    const elsewhere = generate({
      configDir: fixtureConfig,
      outDir: scratchDir("generate-container"),
      grafanaDashboardsDir: "/var/lib/grafana/dashboards/slamon",
    });
    const providers = parse(readFileSync(elsewhere.dashboardsProvisioningFile, "utf8")).providers;
    assert.ok(providers.some((p: { options: { path: string } }) => p.options.path === "/var/lib/grafana/dashboards/slamon/tenants/acme"));
  });

  test("regenerating drops the dashboard of a removed tenant", () => {
    const tenants = {
      "tenants/a.yaml": "id: alpha\ndisplayName: Alpha\n",
      "tenants/b.yaml": "id: beta\ndisplayName: Beta\n",
    };
    const dir = writeConfig("removed-tenant", tenants);
    const target = scratchDir("removed-tenant-out");
    generate({ configDir: dir, outDir: target });
    assert.ok(existsSync(join(target, "dashboards", "tenants", "beta", "sla-overview.json")));
    const shrunk = writeConfig("removed-tenant", { "tenants/a.yaml": tenants["tenants/a.yaml"] });
    generate({ configDir: shrunk, outDir: target });
    assert.ok(!existsSync(join(target, "dashboards", "tenants", "beta")));
    assert.doesNotMatch(readFileSync(join(target, "provisioning", "dashboards", "slamon.yaml"), "utf8"), /beta/);
  });

  const examples = join(projectDir, "..", "examples", "config");
  test(
    "the project's example config generates a dashboard per example tenant",
    { skip: existsSync(examples) ? false : `no example config at ${examples} yet` },
    () => {
      const exampleResult = generate({ configDir: examples, outDir: scratchDir("examples") });
      const exampleTenants = loadConfig(examples).tenants.map((t) => t.id).sort();
      assert.deepEqual(exampleResult.dashboards.flatMap((d) => (d.tenant ? [d.tenant] : [])).sort(), exampleTenants);
    },
  );
});

describe("service credits", () => {
  test("an availability SLO of a tenant with a credit table gets a credit stat applying that table", () => {
    const dir = writeConfig("credits", {
      "tenants/bank.yaml": [
        "id: bank",
        "contract:",
        "  serviceCredits:",
        "    - {below: 99.9, creditPercent: 25}",
        "    - {below: 99.99, creditPercent: 10}",
        "    - {below: 99.0, creditPercent: 50}",
        "  capacityReservations:",
        "    - {name: a, gpus: 8}",
        "    - {name: b, gpus: 2}",
        "",
      ].join("\n"),
      "slos/bank.yaml": [
        "apiVersion: openslo/v1",
        "kind: SLI",
        "metadata: {name: non-5xx, labels: {tenant: bank}}",
        "spec: {ratioMetric: {good: {metricSource: {type: slamon, spec: {kind: availability}}}}}",
        "---",
        "apiVersion: openslo/v1",
        "kind: SLO",
        "metadata: {name: chat-availability, displayName: Chat availability, labels: {tenant: bank}}",
        "spec: {service: chat, indicatorRef: non-5xx, objectives: [{target: 0.9999}]}",
        "---",
        "apiVersion: openslo/v1",
        "kind: SLO",
        "metadata: {name: chat-ttft, labels: {tenant: bank}}",
        "spec: {service: chat, indicator: {spec: {ratioMetric: {good: {metricSource: {type: slamon, spec: {kind: ttft-under}}}}}}, objectives: [{target: 0.95}]}",
        "",
      ].join("\n"),
    });
    const config = loadConfig(dir);
    assert.equal(config.tenants[0]!.reservedGpus, 10);
    assert.deepEqual(config.slos.map((s) => s.kind), ["availability", "ttft-under"]);
    const result = generate({ configDir: dir, outDir: scratchDir("credits-out") });
    const panels = panelsOf(JSON.parse(readFileSync(result.dashboards.find((d) => d.tenant === "bank")!.file, "utf8")) as Dashboard);
    const credits = panels.filter((p) => (p.title ?? "").endsWith(": service credit"));
    assert.deepEqual(credits.map((p) => p.title), ["Chat availability: service credit"]);
    const sql = targetsOf(credits[0]!)[0]!.rawSql;
    // the most generous step first, so the first WHEN that matches is the one the contract means
    assert.match(sql, /WHEN attainment \* 100 < 99 THEN 50\n\s+WHEN attainment \* 100 < 99\.9 THEN 25\n\s+WHEN attainment \* 100 < 99\.99 THEN 10\n\s+ELSE 0/);
    assert.match(sql, /WHERE tenant = 'bank'\n/);
  });
});
