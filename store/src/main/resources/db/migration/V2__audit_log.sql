-- The tamper-evident audit log (incident timelines, notifications, issued reports). Entries are
-- chained by SHA-256 (io.slamon.core.audit.AuditChain); `slamon audit verify` recomputes the chain.
CREATE TABLE audit_log (
    seq        bigint      PRIMARY KEY,
    at         timestamptz NOT NULL,
    actor      text        NOT NULL,
    subject    text        NOT NULL,
    action     text        NOT NULL,
    old_value  text,
    new_value  text,
    reason     text,
    prev_hash  text        NOT NULL,
    hash       text        NOT NULL UNIQUE
);
CREATE INDEX audit_log_subject ON audit_log (subject, seq);

-- Append-only: the application never updates or deletes entries, so the database refuses it too.
-- (A superuser can still disable the trigger; the hash chain is what proves nothing was changed.)
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP;
END
$$;
CREATE TRIGGER audit_log_append_only
    BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
