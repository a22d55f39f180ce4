import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { latestAttainment, sqlIdentifier, sqlLiteral } from "../src/sql.js";
import { grafanaUid } from "../src/uids.js";

describe("SQL text", () => {
  test("string literals double embedded quotes", () => {
    assert.equal(sqlLiteral("o'brien"), "'o''brien'");
  });

  test("identifiers double embedded double quotes", () => {
    assert.equal(sqlIdentifier('GPU "util"'), '"GPU ""util"""');
  });

  test("an SLO name with a quote cannot end the literal early", () => {
    const sql = latestAttainment(
      { id: "acme", displayName: "ACME", reservedGpus: 0, file: "t.yaml" },
      { name: "x' OR tenant <> 'acme", displayName: "x", tenant: "acme", file: "s.yaml" },
    );
    assert.match(sql, /AND slo = 'x'' OR tenant <> ''acme'\n/);
  });
});

describe("Grafana uids", () => {
  test("a short id stays readable", () => {
    assert.equal(grafanaUid("slamon-sla", "acme"), "slamon-sla-acme");
  });

  test("a long or dotted id becomes a stable 40-character hash", () => {
    const long = grafanaUid("slamon-sla", "a-very-long-tenant-identifier-from-the-crm");
    assert.equal(long.length, 40);
    assert.equal(long, grafanaUid("slamon-sla", "a-very-long-tenant-identifier-from-the-crm"));
    assert.match(grafanaUid("slamon-sla", "acme.eu"), /^slamon-sla-[0-9a-f]{29}$/);
    assert.notEqual(grafanaUid("slamon-sla", "acme.eu"), grafanaUid("slamon-sla", "acme-eu"));
  });
});
