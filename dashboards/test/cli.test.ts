import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";

import { fixtureConfig, projectDir, scratchDir, writeConfig } from "./support.js";

const main = join(projectDir, "build", "src", "main.js");

function run(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [main, ...args], {
    encoding: "utf8",
    env: { PATH: process.env["PATH"] ?? "", ...env },
  });
}

describe("command line", () => {
  test("reads the config directory named by SLAMON_CONFIG", () => {
    const out = scratchDir("cli-env");
    const result = run(["--out", out], { SLAMON_CONFIG: fixtureConfig, SLAMON_GRAFANA_DB_URL: "db.internal:6432" });
    assert.equal(result.status, 0, result.stderr);
    assert.ok(existsSync(join(out, "dashboards", "tenants", "acme", "sla-overview.json")));
    assert.match(readFileSync(join(out, "provisioning", "datasources", "slamon.yaml"), "utf8"), /url: db\.internal:6432/);
  });

  test("an argument overrides SLAMON_CONFIG", () => {
    const out = scratchDir("cli-arg");
    const other = writeConfig("cli-arg-config", { "tenants/o.yaml": "id: other\n" });
    const result = run([other, "--out", out], { SLAMON_CONFIG: fixtureConfig });
    assert.equal(result.status, 0, result.stderr);
    assert.ok(existsSync(join(out, "dashboards", "tenants", "other")));
    assert.ok(!existsSync(join(out, "dashboards", "tenants", "acme")));
  });

  test("a bad config directory exits 2 with the reason and writes nothing", () => {
    const out = scratchDir("cli-bad");
    const result = run([join(fixtureConfig, "nope"), "--out", out]);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /slamon dashboards: config directory .*nope does not exist/);
    assert.ok(!existsSync(join(out, "dashboards")));
  });

  test("an unknown option exits 2 with usage", () => {
    const result = run(["--outt", "x"]);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /usage: npm run build/);
  });

  test("an invalid sslmode is rejected", () => {
    const result = run([fixtureConfig, "--out", scratchDir("cli-ssl")], { SLAMON_GRAFANA_DB_SSLMODE: "maybe" });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /SLAMON_GRAFANA_DB_SSLMODE='maybe'/);
  });
});
