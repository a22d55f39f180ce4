// Reads the parts of a slamon config directory that dashboards need: tenants and their SLOs.
// The Java `core` module owns full validation; this reader checks only what would make a
// dashboard wrong (a missing id, an SLO pointing at an unknown tenant) and names the file.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";

export interface Tenant {
  readonly id: string;
  readonly displayName: string;
  /** GPUs reserved by the contract (sum of contract.capacityReservations[].gpus), 0 without reservations. */
  readonly reservedGpus: number;
  /** contract.serviceCredits: credit percent owed when the month's availability percent is below `below`. */
  readonly serviceCredits?: readonly ServiceCredit[];
  /** Config file the tenant came from, for error messages. */
  readonly file: string;
}

export interface ServiceCredit {
  readonly below: number;
  readonly creditPercent: number;
}

export interface Slo {
  /** OpenSLO `metadata.name`; the value slamon writes into `slo_status.slo`. */
  readonly name: string;
  readonly displayName: string;
  readonly tenant: string;
  /** First objective's target as a ratio (0.999), when the document states one. */
  readonly objective?: number;
  /** The slamon SLI kind (availability, ttft-under, ...) of its indicator, inline or by indicatorRef. */
  readonly kind?: string;
  readonly file: string;
}

export interface SlamonConfig {
  readonly dir: string;
  /** portal.databaseRolePrefix of slamon.yaml: tenant roles are named prefix + id with '-' as '_'. */
  readonly databaseRolePrefix: string;
  readonly tenants: readonly Tenant[];
  readonly slos: readonly Slo[];
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

// Tenant ids end up in SQL literals, Grafana uids, folder names and file paths; a narrow
// alphabet keeps every one of those safe without per-use escaping rules.
const TENANT_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/;

type Doc = Record<string, unknown>;

export function loadConfig(dir: string): SlamonConfig {
  if (!isDirectory(dir)) {
    throw new ConfigError(`config directory ${dir} does not exist or is not a directory`);
  }
  const tenants = loadTenants(join(dir, "tenants"));
  const slos = loadSlos(join(dir, "slos"), tenants);
  return { dir, databaseRolePrefix: rolePrefix(join(dir, "slamon.yaml")), tenants, slos };
}

export const DEFAULT_ROLE_PREFIX = "slamon_tenant_";

function rolePrefix(file: string): string {
  let doc: Doc;
  try {
    doc = readDocuments(file)[0] ?? {};
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      return DEFAULT_ROLE_PREFIX; // slamon.yaml is optional for dashboards
    }
    throw error;
  }
  const prefix = asRecord(doc["portal"])["databaseRolePrefix"] ?? DEFAULT_ROLE_PREFIX;
  if (typeof prefix !== "string" || !/^[a-z_][a-z0-9_]{0,39}$/.test(prefix)) {
    throw new ConfigError(`${file}: portal.databaseRolePrefix must be lowercase letters, digits and '_' (at most 40)`);
  }
  return prefix;
}

function loadTenants(dir: string): Tenant[] {
  const files = yamlFiles(dir);
  if (files.length === 0) {
    throw new ConfigError(`no tenant files (*.yaml) in ${dir}`);
  }
  const tenants: Tenant[] = [];
  for (const file of files) {
    for (const doc of readDocuments(file)) {
      const tenant = toTenant(doc, file);
      const clash = tenants.find((t) => t.id === tenant.id);
      if (clash) {
        throw new ConfigError(`${file}: tenant id '${tenant.id}' is already defined in ${clash.file}`);
      }
      tenants.push(tenant);
    }
  }
  return tenants;
}

function toTenant(doc: Doc, file: string): Tenant {
  // Accept both a flat tenant file (id, displayName) and a Kubernetes-style one
  // (metadata.name, metadata.displayName / spec.displayName).
  const metadata = asRecord(doc["metadata"]);
  const spec = asRecord(doc["spec"]);
  const id = doc["id"] ?? metadata["name"];
  if (typeof id !== "string" || id.length === 0) {
    throw new ConfigError(`${file}: tenant has no 'id' (a non-empty string)`);
  }
  if (!TENANT_ID.test(id)) {
    throw new ConfigError(
      `${file}: tenant id '${id}' is not allowed; use letters, digits, '.', '_' or '-' ` +
        `(starting with a letter or digit, at most 63 characters)`,
    );
  }
  const displayName = doc["displayName"] ?? metadata["displayName"] ?? spec["displayName"] ?? id;
  if (typeof displayName !== "string") {
    throw new ConfigError(`${file}: tenant '${id}' has a 'displayName' that is not a string`);
  }
  const contract = asRecord(doc["contract"]);
  const credits = serviceCredits(contract, file, id);
  return { id, displayName, reservedGpus: reservedGpus(contract, file, id), ...(credits.length > 0 ? { serviceCredits: credits } : {}), file };
}

function serviceCredits(contract: Doc, file: string, id: string): ServiceCredit[] {
  const steps = contract["serviceCredits"];
  if (!Array.isArray(steps)) {
    return [];
  }
  return steps.map((step) => {
    const { below, creditPercent } = asRecord(step);
    if (typeof below !== "number" || typeof creditPercent !== "number") {
      throw new ConfigError(`${file}: tenant '${id}' has a service credit step without numeric 'below' and 'creditPercent'`);
    }
    return { below, creditPercent };
  });
}

function reservedGpus(contract: Doc, file: string, id: string): number {
  const reservations = contract["capacityReservations"];
  if (!Array.isArray(reservations)) {
    return 0;
  }
  let total = 0;
  for (const r of reservations) {
    const gpus = asRecord(r)["gpus"] ?? 0;
    if (typeof gpus !== "number" || !Number.isInteger(gpus) || gpus < 0) {
      throw new ConfigError(`${file}: tenant '${id}' has a capacity reservation with gpus ${String(gpus)}; expected a whole number >= 0`);
    }
    total += gpus;
  }
  return total;
}

function loadSlos(dir: string, tenants: readonly Tenant[]): Slo[] {
  const slos: Slo[] = [];
  const sliKinds = new Map<string, string>();
  for (const file of yamlFiles(dir)) {
    for (const doc of readDocuments(file)) {
      const kind = indicatorKind(asRecord(doc["spec"]));
      if (doc["kind"] === "SLI" && kind !== undefined) {
        sliKinds.set(String(asRecord(doc["metadata"])["name"]), kind);
      }
    }
  }
  for (const file of yamlFiles(dir)) {
    for (const doc of readDocuments(file)) {
      // OpenSLO files may also hold SLI, AlertPolicy or slamon's own kinds: only SLOs chart.
      if (doc["kind"] !== "SLO") {
        continue;
      }
      const spec = asRecord(doc["spec"]);
      const kind = indicatorKind(asRecord(spec["indicator"])["spec"] === undefined ? {} : asRecord(asRecord(spec["indicator"])["spec"]))
        ?? sliKinds.get(String(spec["indicatorRef"]));
      const slo = { ...toSlo(doc, file, tenants), ...(kind === undefined ? {} : { kind }) };
      const clash = slos.find((s) => s.tenant === slo.tenant && s.name === slo.name);
      if (clash) {
        throw new ConfigError(
          `${file}: SLO '${slo.name}' of tenant '${slo.tenant}' is already defined in ${clash.file}`,
        );
      }
      slos.push(slo);
    }
  }
  return slos;
}

function toSlo(doc: Doc, file: string, tenants: readonly Tenant[]): Slo {
  const metadata = asRecord(doc["metadata"]);
  const name = metadata["name"];
  if (typeof name !== "string" || name.length === 0) {
    throw new ConfigError(`${file}: SLO has no 'metadata.name'`);
  }
  const tenant = singleLabel(asRecord(metadata["labels"])["tenant"]);
  if (tenant === undefined) {
    throw new ConfigError(
      `${file}: SLO '${name}' has no single 'metadata.labels.tenant', so no tenant dashboard can show it`,
    );
  }
  if (!tenants.some((t) => t.id === tenant)) {
    throw new ConfigError(
      `${file}: SLO '${name}' names tenant '${tenant}', which no file in tenants/ defines ` +
        `(known: ${tenants.map((t) => t.id).join(", ")})`,
    );
  }
  const displayName = metadata["displayName"];
  const objective = firstObjective(asRecord(doc["spec"]), file, name);
  return {
    name,
    displayName: typeof displayName === "string" && displayName.length > 0 ? displayName : name,
    tenant,
    ...(objective === undefined ? {} : { objective }),
    file,
  };
}

/** The slamon metric source kind of an SLI spec (ratioMetric.good / thresholdMetric), if any. */
function indicatorKind(spec: Doc): string | undefined {
  const ratio = asRecord(spec["ratioMetric"]);
  for (const source of [asRecord(ratio["good"]), asRecord(ratio["bad"]), asRecord(spec["thresholdMetric"])]) {
    const kind = asRecord(asRecord(source["metricSource"])["spec"])["kind"];
    if (typeof kind === "string") {
      return kind;
    }
  }
  return undefined;
}

// OpenSLO v1 allows a label to be a string or a list of strings.
function singleLabel(value: unknown): string | undefined {
  if (typeof value === "string" && value.length > 0) {
    return value;
  }
  if (Array.isArray(value) && value.length === 1 && typeof value[0] === "string") {
    return value[0];
  }
  return undefined;
}

function firstObjective(spec: Doc, file: string, name: string): number | undefined {
  const objectives = spec["objectives"];
  if (!Array.isArray(objectives) || objectives.length === 0) {
    return undefined;
  }
  const first = asRecord(objectives[0]);
  const target = first["target"] ?? (typeof first["targetPercent"] === "number" ? first["targetPercent"] / 100 : undefined);
  if (target === undefined) {
    return undefined;
  }
  if (typeof target !== "number" || !(target > 0 && target <= 1)) {
    throw new ConfigError(`${file}: SLO '${name}' has objective target ${String(target)}; expected 0 < target <= 1`);
  }
  return target;
}

function readDocuments(file: string): Doc[] {
  const docs = parseAllDocuments(readFileSync(file, "utf8"));
  if (!Array.isArray(docs)) {
    return []; // an empty stream
  }
  const result: Doc[] = [];
  for (const doc of docs) {
    const error = doc.errors[0];
    if (error) {
      throw new ConfigError(`${file}: invalid YAML: ${error.message}`);
    }
    const value: unknown = doc.toJS();
    if (value === null || value === undefined) {
      continue; // an empty document, e.g. a trailing '---'
    }
    if (typeof value !== "object" || Array.isArray(value)) {
      throw new ConfigError(`${file}: expected a YAML mapping at the top level`);
    }
    result.push(value as Doc);
  }
  return result;
}

function yamlFiles(dir: string): string[] {
  if (!isDirectory(dir)) {
    return [];
  }
  return readdirSync(dir)
    .filter((name) => name.endsWith(".yaml") || name.endsWith(".yml"))
    .sort()
    .map((name) => join(dir, name));
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function asRecord(value: unknown): Doc {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Doc) : {};
}
