// The SDK ships query builders for many datasources but not for PostgreSQL, so this is the
// SDK's documented extension point ("Defining a custom query type") for Grafana's
// built-in PostgreSQL datasource.
import type { Builder, Dataquery } from "@grafana/grafana-foundation-sdk/cog";
import type { DataSourceRef } from "@grafana/grafana-foundation-sdk/common";

import { grafanaUid } from "./uids.js";

/**
 * The provider's datasource (fleet overview), connected as the provider read role; each tenant's
 * dashboards use that tenant's own datasource instead (tenantDatasource), connected as the
 * tenant's row-level-security role, so even a hand-written query in Grafana sees only its rows.
 */
export const SLAMON_DATASOURCE_UID = "slamon-postgres";
/** Plugin id of Grafana's bundled PostgreSQL datasource (Grafana >= 10.2; older ones call it "postgres"). */
export const POSTGRES_DATASOURCE_TYPE = "grafana-postgresql-datasource";

export const slamonDatasource = (): DataSourceRef => ({
  type: POSTGRES_DATASOURCE_TYPE,
  uid: SLAMON_DATASOURCE_UID,
});

/** The datasource of one tenant: uid `slamon-pg-<tenant>` (hashed when too long). */
export const tenantDatasource = (tenantId: string): DataSourceRef => ({
  type: POSTGRES_DATASOURCE_TYPE,
  uid: grafanaUid("slamon-pg", tenantId),
});

export type PostgresFormat = "time_series" | "table";

export interface PostgresQuery extends Dataquery {
  refId?: string;
  hide?: boolean;
  datasource?: DataSourceRef;
  rawSql: string;
  format: PostgresFormat;
  // Code mode: Grafana runs rawSql as written instead of regenerating it from the visual editor.
  rawQuery: true;
  editorMode: "code";
}

export class PostgresQueryBuilder implements Builder<Dataquery> {
  private readonly internal: PostgresQuery;

  constructor(rawSql: string, datasource: DataSourceRef = slamonDatasource()) {
    if (rawSql.trim().length === 0) {
      throw new Error("a PostgreSQL panel query needs SQL");
    }
    this.internal = {
      refId: "A",
      datasource,
      rawSql,
      format: "time_series",
      rawQuery: true,
      editorMode: "code",
      _implementsDataqueryVariant() {},
    };
  }

  refId(refId: string): this {
    this.internal.refId = refId;
    return this;
  }

  format(format: PostgresFormat): this {
    this.internal.format = format;
    return this;
  }

  build(): PostgresQuery {
    return this.internal;
  }
}
