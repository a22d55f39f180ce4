-- Regulatory clocks of incidents: the classifications (regime + awareness) the deadlines are
-- computed from, and the escalation steps already fired — the primary key is what makes a step
-- fire once, across restarts and across processes.
CREATE TABLE incident_classifications (
    incident_id   text        NOT NULL REFERENCES incidents (id),
    regime        text        NOT NULL,
    aware_at      timestamptz NOT NULL,
    aware_source  text        NOT NULL,
    recorded_by   text        NOT NULL,
    classified_at timestamptz NOT NULL,
    PRIMARY KEY (incident_id, regime)
);

CREATE TABLE escalations_fired (
    incident_id text        NOT NULL REFERENCES incidents (id),
    step_id     text        NOT NULL,
    fired_at    timestamptz NOT NULL,
    late        boolean     NOT NULL,
    PRIMARY KEY (incident_id, step_id)
);
