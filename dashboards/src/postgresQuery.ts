// The SDK ships query builders for many datasources but not for PostgreSQL, so this is the
// SDK's documented extension point ("Defining a custom query type") for Grafana's
// built-in PostgreSQL datasource.
import type { Builder, Dataquery } from "@grafana/grafana-foundation-sdk/cog";
import type { DataSourceRef } from "@grafana/grafana-foundation-sdk/common";

/** The datasource uid every generated panel points at; the provisioning file creates it. */
export const SLAMON_DATASOURCE_UID = "slamon-postgres";
/** Plugin id of Grafana's bundled PostgreSQL datasource (Grafana >= 10.2; older ones call it "postgres"). */
export const POSTGRES_DATASOURCE_TYPE = "grafana-postgresql-datasource";

export const slamonDatasource = (): DataSourceRef => ({
  type: POSTGRES_DATASOURCE_TYPE,
  uid: SLAMON_DATASOURCE_UID,
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

  constructor(rawSql: string) {
    if (rawSql.trim().length === 0) {
      throw new Error("a PostgreSQL panel query needs SQL");
    }
    this.internal = {
      refId: "A",
      datasource: slamonDatasource(),
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
