-- The alert outbox: every notification to deliver is one row per receiver, keyed by its
-- idempotency key (the event id receivers deduplicate by), so enqueueing the same event twice
-- (after a restart, from two processes) is a no-op. The dispatcher claims due rows with
-- FOR UPDATE SKIP LOCKED and keeps the lock while it sends, so no two dispatchers send the same row.
CREATE TABLE alert_outbox (
    id               bigserial   PRIMARY KEY,
    idempotency_key  text        NOT NULL,
    receiver         text        NOT NULL,
    tenant           text,
    notification     jsonb       NOT NULL,
    created_at       timestamptz NOT NULL,
    next_attempt_at  timestamptz NOT NULL,
    attempts         integer     NOT NULL DEFAULT 0,
    state            text        NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'rejected')),
    delivered_at     timestamptz,
    last_error       text,
    failure_alerted  boolean     NOT NULL DEFAULT false,
    UNIQUE (idempotency_key, receiver)
);

CREATE INDEX alert_outbox_due ON alert_outbox (next_attempt_at) WHERE state = 'pending';

-- Every delivery attempt, successful or not: the evidence that a notification went out, and when.
CREATE TABLE alert_delivery_attempts (
    outbox_id   bigint      NOT NULL REFERENCES alert_outbox (id),
    attempt     integer     NOT NULL,
    started_at  timestamptz NOT NULL,
    duration_ms bigint      NOT NULL,
    http_status integer,
    error       text,
    PRIMARY KEY (outbox_id, attempt)
);

-- Alerts slamon currently holds firing (by Alertmanager fingerprint of the label set), so they are
-- re-sent before Alertmanager's resolve_timeout and resolved when the condition clears — also
-- after a restart.
CREATE TABLE alert_state (
    fingerprint  text        PRIMARY KEY,
    alert        jsonb       NOT NULL,
    starts_at    timestamptz NOT NULL,
    last_seen_at timestamptz NOT NULL
);

-- Regulatory escalations handed to the outbox, written in the same transaction as their outbox
-- rows. Escalations are marked fired (escalations_fired, V3) before delivery; the ones fired but
-- not handed over (a crash in between) are found by the difference and handed over once.
CREATE TABLE escalation_handoffs (
    incident_id text        NOT NULL,
    step_id     text        NOT NULL,
    handed_at   timestamptz NOT NULL,
    PRIMARY KEY (incident_id, step_id)
);
