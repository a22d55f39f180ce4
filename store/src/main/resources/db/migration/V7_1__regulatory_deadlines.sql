-- The running and overdue regulatory deadlines of live incidents, as slamon's rule book computed
-- them (DST, month ends, rule versions: io.slamon.incident.clock), so SQL readers such as the
-- provider's "open clocks nearest deadline" panel can sort by deadline without recomputing the
-- rules. A snapshot: `serve` replaces it after every evaluation round (io.slamon.store.DeadlineBoard).
CREATE TABLE regulatory_deadlines (
  incident_id text        NOT NULL,
  kind        text        NOT NULL,
  regime      text        NOT NULL,
  due         timestamptz NOT NULL,
  legal_due   timestamptz,
  state       text        NOT NULL,
  computed_at timestamptz NOT NULL,
  PRIMARY KEY (incident_id, kind)
);
CREATE INDEX regulatory_deadlines_due ON regulatory_deadlines (due);
-- tenant roles read it through their incidents (io.slamon.store.TenantRoles, like incident_classifications)
ALTER TABLE regulatory_deadlines ENABLE ROW LEVEL SECURITY;
