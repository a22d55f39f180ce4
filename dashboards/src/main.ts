// Command line: node build/src/main.js [CONFIG_DIR] [--out DIR] [--grafana-dashboards-dir DIR]
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

import { ConfigError } from "./config.js";
import { generate, type GenerateOptions } from "./generate.js";

// build/src/main.js -> the dashboards/ project directory
const projectDir = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

const USAGE = `usage: npm run build [-- CONFIG_DIR] [--out DIR] [--grafana-dashboards-dir DIR]
  CONFIG_DIR                   slamon config directory (default: $SLAMON_CONFIG, else ../examples/config)
  --out DIR                    output directory (default: dist/)
  --grafana-dashboards-dir DIR path under which Grafana sees <out>/dashboards (default: its absolute path)
environment: SLAMON_GRAFANA_DB_URL (host:port), SLAMON_GRAFANA_DB_NAME, SLAMON_GRAFANA_DB_USER,
  SLAMON_GRAFANA_DB_SSLMODE go into the datasource files (SLAMON_GRAFANA_DB_USER: the provider datasource's user,
  default slamon_provider_read); Grafana reads the passwords from SLAMON_DB_ROLE_PASSWORD_PROVIDER and
  SLAMON_DB_ROLE_PASSWORD_<TENANT> itself (the variables slamon db roles sets the role passwords from).`;

function options(argv: string[], env: NodeJS.ProcessEnv): GenerateOptions {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: "string" },
      "grafana-dashboards-dir": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (positionals.length > 1) {
    throw new ConfigError(`expected at most one config directory, got: ${positionals.join(" ")}`);
  }
  const sslmode = env["SLAMON_GRAFANA_DB_SSLMODE"];
  if (sslmode !== undefined && !["disable", "require", "verify-ca", "verify-full"].includes(sslmode)) {
    throw new ConfigError(`SLAMON_GRAFANA_DB_SSLMODE='${sslmode}'; expected disable, require, verify-ca or verify-full`);
  }
  const database = Object.fromEntries(
    Object.entries({
      url: env["SLAMON_GRAFANA_DB_URL"],
      database: env["SLAMON_GRAFANA_DB_NAME"],
      user: env["SLAMON_GRAFANA_DB_USER"],
      sslmode,
    }).filter(([, v]) => v !== undefined && v !== ""),
  );
  const grafanaDir = values["grafana-dashboards-dir"];
  return {
    configDir: resolve(positionals[0] ?? env["SLAMON_CONFIG"] ?? resolve(projectDir, "..", "examples", "config")),
    outDir: resolve(values.out ?? resolve(projectDir, "dist")),
    ...(grafanaDir === undefined ? {} : { grafanaDashboardsDir: grafanaDir }),
    database,
  };
}

try {
  const opts = options(process.argv.slice(2), process.env);
  const result = generate(opts);
  console.log(`slamon dashboards: read ${opts.configDir}`);
  for (const d of result.dashboards) {
    console.log(`  ${d.uid.padEnd(40)} ${d.file}`);
  }
  console.log(`  provisioning: ${result.datasourcesFile}`);
  console.log(`                ${result.dashboardsProvisioningFile}`);
} catch (error) {
  if (error instanceof ConfigError || (error instanceof TypeError && "code" in error)) {
    console.error(`slamon dashboards: ${error.message}`);
    console.error(USAGE);
    process.exit(2);
  }
  throw error;
}
