-- Tenant isolation at the data layer (docs/portal.md "Database roles"). Row-level security is on
-- for every table that holds tenant data; without a policy a role that is not the table owner sees
-- no rows at all. slamon itself connects as the owner (or a superuser) and is not affected (no
-- FORCE). `slamon db roles` (io.slamon.store.TenantRoles) creates one read-only login role per
-- tenant plus a provider read role and gives each role its own SELECT policies:
--   tables with a tenant column      tenant = '<id>'
--   samples (and rollups)            series_id IN (SELECT id FROM series WHERE tenant = '<id>')
--   incident_* tables                incident_id IN (SELECT id FROM incidents WHERE tenant = '<id>')
--   audit_log                        subject IN (SELECT id FROM incidents WHERE tenant = '<id>')
-- Partitions and TimescaleDB chunks are never granted to these roles, so the only way to the rows
-- is through the parent table and its policies.
ALTER TABLE series ENABLE ROW LEVEL SECURITY;
ALTER TABLE samples ENABLE ROW LEVEL SECURITY;
ALTER TABLE events ENABLE ROW LEVEL SECURITY;
ALTER TABLE slo_status ENABLE ROW LEVEL SECURITY;
ALTER TABLE incidents ENABLE ROW LEVEL SECURITY;
ALTER TABLE incident_classifications ENABLE ROW LEVEL SECURITY;
ALTER TABLE escalations_fired ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;

-- Which database roles slamon manages, and for which tenant (NULL = the provider's read role, which
-- sees every row). `slamon db roles` reconciles this table with the configuration: roles of removed
-- tenants lose their grants and policies and are dropped.
CREATE TABLE tenant_db_roles (
  role_name  text        PRIMARY KEY,
  tenant     text        CHECK (tenant <> ''),
  updated_at timestamptz NOT NULL
);
