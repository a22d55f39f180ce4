-- slamon schema v1. Runs unchanged on plain PostgreSQL and on TimescaleDB.
-- The placeholders samples_partitioning and slo_status_partitioning (Flyway syntax) are
-- set by Database from the detected backend: "PARTITION BY RANGE (...)" on plain PostgreSQL,
-- empty on TimescaleDB (the tables then become hypertables in TimescaleSchema, which needs a
-- plain table to start from). See docs/storage.md.

-- One row per (tenant, metric, label set). tenant NULL = provider scope; '' is not a tenant.
CREATE TABLE series (
  id     bigserial PRIMARY KEY,
  tenant text CHECK (tenant <> ''),
  metric text NOT NULL CHECK (metric <> ''),
  labels jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE UNIQUE INDEX series_identity ON series ((coalesce(tenant, '')), metric, labels);
CREATE INDEX series_labels ON series USING gin (labels jsonb_path_ops);

-- Raw samples. No foreign key to series: series rows are never deleted, and a per-row FK
-- check would cost on the hottest write path.
CREATE TABLE samples (
  series_id bigint           NOT NULL,
  ts        timestamptz      NOT NULL,
  value     double precision NOT NULL,
  PRIMARY KEY (series_id, ts)
) ${samples_partitioning};

-- Pushed events, idempotent by the sender's id.
CREATE TABLE events (
  id          text        PRIMARY KEY,
  tenant      text,
  type        text        NOT NULL,
  time        timestamptz NOT NULL,
  source      text        NOT NULL,
  attributes  jsonb       NOT NULL DEFAULT '{}'::jsonb,
  received_at timestamptz NOT NULL
);
CREATE INDEX events_scope_type_time ON events ((coalesce(tenant, '')), type text_pattern_ops, time);

-- SLO evaluations (time series: one row per SLO and evaluation).
CREATE TABLE slo_status (
  tenant           text             NOT NULL,
  slo              text             NOT NULL,
  evaluated_at     timestamptz      NOT NULL,
  window_start     timestamptz,
  window_end       timestamptz,
  good             double precision NOT NULL,
  total            double precision NOT NULL,
  objective        double precision NOT NULL,
  attainment       double precision NOT NULL,
  budget_remaining double precision NOT NULL,
  PRIMARY KEY (tenant, slo, evaluated_at)
) ${slo_status_partitioning};

-- Incidents: a plain table (few rows, updated in place).
CREATE TABLE incidents (
  id          text        PRIMARY KEY,
  tenant      text,
  fingerprint text        NOT NULL,
  severity    text        NOT NULL,
  state       text        NOT NULL,
  title       text,
  opened_at   timestamptz NOT NULL,
  updated_at  timestamptz
);
-- At most one live incident per (tenant, fingerprint): this index is what makes openOrGet atomic.
CREATE UNIQUE INDEX incidents_one_live_per_fingerprint ON incidents ((coalesce(tenant, '')), fingerprint)
  WHERE state NOT IN ('resolved', 'closed', 'cancelled');
CREATE INDEX incidents_tenant_opened ON incidents (tenant, opened_at DESC);

-- Gap-free incident numbers per year: the row lock of the UPSERT serialises concurrent callers.
CREATE TABLE incident_counters (
  year integer PRIMARY KEY,
  last bigint  NOT NULL
);
