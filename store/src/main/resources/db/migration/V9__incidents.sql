-- Incidents, part 2 (issue 5): recorded notifications of the regulatory clocks, repeats of a
-- deduplicated signal, and merging.

-- A repeat of the signal that opened a live incident is counted on it instead of opening another
-- (the audit timeline gets no entry per evaluation round, which would bury the real changes).
ALTER TABLE incidents ADD COLUMN repeats      bigint      NOT NULL DEFAULT 0;
ALTER TABLE incidents ADD COLUMN last_seen_at timestamptz;
-- An incident merged into another is cancelled and points at the one that absorbed it.
ALTER TABLE incidents ADD COLUMN merged_into  text REFERENCES incidents (id);

-- Notifications sent (or, GDPR Art. 33(5), documented as not needed) against a deadline. The
-- judgement (phase, on time / late) is stored as made when recorded: a later awareness correction
-- must not silently turn a recorded notification into a different one.
CREATE TABLE incident_notifications (
    id                     bigserial   PRIMARY KEY,
    incident_id            text        NOT NULL REFERENCES incidents (id),
    deadline               text        NOT NULL,
    sent_at                timestamptz NOT NULL,
    outcome                text        NOT NULL,
    recipient              text,
    recorded_by            text        NOT NULL,
    recorded_at            timestamptz NOT NULL,
    reason                 text,
    content_nature         text,
    content_contact        text,
    content_consequences   text,
    content_measures       text,
    data_subjects_informed boolean     NOT NULL DEFAULT false,
    phase                  integer     NOT NULL,
    timeliness             text        NOT NULL,
    late_by_seconds        bigint      NOT NULL DEFAULT 0
);
CREATE INDEX incident_notifications_incident ON incident_notifications (incident_id, id);

-- Which AI Act Art. 73 cases apply to an AI_ACT classification (comma-separated AiActCase names;
-- null: the general 15-day case). The shortest limit of those given wins.
ALTER TABLE incident_classifications ADD COLUMN ai_act_cases text;
