import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, test } from "node:test";

import { ConfigError, loadConfig } from "../src/config.js";
import { fixtureConfig, writeConfig } from "./support.js";

const ACME = "id: acme\ndisplayName: ACME\n";
const slo = (name: string, labels: string, objectives = "    - target: 0.99\n"): string =>
  `apiVersion: openslo/v1\nkind: SLO\nmetadata:\n  name: ${name}\n  labels:\n${labels}\nspec:\n  service: chat\n  objectives:\n${objectives}`;

function rejects(name: string, files: Record<string, string>, message: RegExp): void {
  const dir = writeConfig(name, files);
  assert.throws(() => loadConfig(dir), (error: unknown) => {
    assert.ok(error instanceof ConfigError, String(error));
    assert.match(error.message, message);
    return true;
  });
}

describe("reading the slamon config", () => {
  test("flat and metadata-style tenant files are both read", () => {
    const config = loadConfig(fixtureConfig);
    assert.deepEqual(
      config.tenants.map((t) => [t.id, t.displayName]),
      [
        ["acme-eu", "ACME EU O'Brien & Söhne"],
        ["acme", "ACME Maschinenbau GmbH"],
        ["newco", "NewCo AG"],
      ],
    );
  });

  test("only OpenSLO SLO documents are read, with their tenant label and objective", () => {
    const config = loadConfig(fixtureConfig);
    assert.deepEqual(
      config.slos.map((s) => [s.tenant, s.name, s.objective]),
      [
        ["acme-eu", "chat-availability", 0.99],
        ["acme", "chat-availability", 0.999],
        ["acme", "chat-ttft-p95", 0.95],
      ],
    );
  });

  test("a tenant without displayName is shown by its id", () => {
    const config = loadConfig(writeConfig("no-display-name", { "tenants/a.yaml": "id: acme\n" }));
    assert.equal(config.tenants[0]!.displayName, "acme");
  });

  test("a missing config directory is named in the error", () => {
    const missing = join(fixtureConfig, "does-not-exist");
    assert.throws(() => loadConfig(missing), new RegExp(`config directory ${missing} does not exist`));
  });

  test("a config without tenant files is rejected", () => {
    rejects("no-tenants", { "slos/x.yaml": slo("x", "    tenant: acme") }, /no tenant files \(\*\.yaml\) in .*tenants/);
  });

  test("invalid YAML is rejected with the file name", () => {
    rejects("bad-yaml", { "tenants/broken.yaml": "id: [acme\n" }, /broken\.yaml: invalid YAML/);
  });

  test("a tenant file that is not a mapping is rejected", () => {
    rejects("list-tenant", { "tenants/list.yaml": "- acme\n" }, /list\.yaml: expected a YAML mapping/);
  });

  test("a tenant without id is rejected", () => {
    rejects("no-id", { "tenants/anon.yaml": "displayName: Nobody\n" }, /anon\.yaml: tenant has no 'id'/);
  });

  test("a tenant id that could break SQL or paths is rejected", () => {
    rejects("bad-id", { "tenants/evil.yaml": "id: \"x' OR 1=1 --\"\n" }, /evil\.yaml: tenant id 'x' OR 1=1 --' is not allowed/);
    rejects("dotdot-id", { "tenants/up.yaml": "id: ../etc\n" }, /up\.yaml: tenant id '\.\.\/etc' is not allowed/);
  });

  test("a tenant defined twice is rejected naming both files", () => {
    rejects("dup-tenant", { "tenants/a.yaml": ACME, "tenants/b.yaml": ACME }, /b\.yaml: tenant id 'acme' is already defined in .*a\.yaml/);
  });

  test("an SLO for an unknown tenant is rejected", () => {
    rejects(
      "unknown-tenant",
      { "tenants/a.yaml": ACME, "slos/s.yaml": slo("chat", "    tenant: globex") },
      /s\.yaml: SLO 'chat' names tenant 'globex', which no file in tenants\/ defines \(known: acme\)/,
    );
  });

  test("an SLO without a tenant label is rejected", () => {
    rejects(
      "no-tenant-label",
      { "tenants/a.yaml": ACME, "slos/s.yaml": slo("chat", "    team: sre") },
      /s\.yaml: SLO 'chat' has no single 'metadata\.labels\.tenant'/,
    );
  });

  test("an SLO labelled with two tenants is rejected", () => {
    rejects(
      "two-tenants",
      { "tenants/a.yaml": ACME, "slos/s.yaml": slo("chat", "    tenant: [acme, globex]") },
      /SLO 'chat' has no single 'metadata\.labels\.tenant'/,
    );
  });

  test("an SLO without a name is rejected", () => {
    rejects(
      "no-slo-name",
      { "tenants/a.yaml": ACME, "slos/s.yaml": "apiVersion: openslo/v1\nkind: SLO\nmetadata: {}\n" },
      /s\.yaml: SLO has no 'metadata\.name'/,
    );
  });

  test("an objective target outside (0, 1] is rejected", () => {
    rejects(
      "bad-target",
      { "tenants/a.yaml": ACME, "slos/s.yaml": slo("chat", "    tenant: acme", "    - target: 99.9\n") },
      /SLO 'chat' has objective target 99\.9; expected 0 < target <= 1/,
    );
  });

  test("the same SLO name twice for one tenant is rejected", () => {
    const twice = `${slo("chat", "    tenant: acme")}\n---\n${slo("chat", "    tenant: acme")}`;
    rejects("dup-slo", { "tenants/a.yaml": ACME, "slos/s.yaml": twice }, /SLO 'chat' of tenant 'acme' is already defined/);
  });
});
