-- Monthly period results (written by the engine's period job, read by reports, which never
-- recompute) and the archive of issued reports.

-- One row per tenant and calendar month (in the contract's time zone). `result` is the canonical
-- JSON of io.slamon.slo.period.PeriodResult (sorted keys, fixed number format) kept as text so its
-- bytes — and `result_sha256` — stay exactly as computed; `snapshot` names the data it was computed
-- from (max sample timestamp, event count, audit sequence) so a report can say what it is based on.
-- A recomputation (late data) replaces the row; issued reports keep their own copy in the archive.
CREATE TABLE period_results (
    tenant        text        NOT NULL CHECK (tenant <> ''),
    month         text        NOT NULL CHECK (month ~ '^[0-9]{4}-[0-9]{2}$'),
    zone          text        NOT NULL,
    period_start  timestamptz NOT NULL,
    period_end    timestamptz NOT NULL,
    computed_at   timestamptz NOT NULL,
    snapshot      text        NOT NULL,
    result        text        NOT NULL,
    result_sha256 text        NOT NULL,
    PRIMARY KEY (tenant, month)
);

-- Issued reports: immutable, hash-chained in issue order (seq) like audit_log. A correction is a
-- new version of the same (tenant, month, lang) that names the version it supersedes.
CREATE TABLE report_archive (
    seq          bigint      PRIMARY KEY,
    report_id    text        NOT NULL UNIQUE,
    tenant       text        NOT NULL CHECK (tenant <> ''),
    month        text        NOT NULL,
    lang         text        NOT NULL,
    version      integer     NOT NULL CHECK (version >= 1),
    supersedes   text        REFERENCES report_archive (report_id),
    reason       text,
    issued_at    timestamptz NOT NULL,
    snapshot     text        NOT NULL,
    json         text        NOT NULL,
    json_sha256  text        NOT NULL,
    pdf          bytea       NOT NULL,
    pdf_sha256   text        NOT NULL,
    prev_hash    text        NOT NULL,
    hash         text        NOT NULL UNIQUE,
    UNIQUE (tenant, month, lang, version),
    CHECK ((version = 1) = (supersedes IS NULL))
);
CREATE INDEX report_archive_tenant ON report_archive (tenant, month, lang, version);

CREATE FUNCTION report_archive_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'report_archive is append-only: % refused', TG_OP;
END
$$;
CREATE TRIGGER report_archive_append_only
    BEFORE UPDATE OR DELETE ON report_archive
    FOR EACH ROW EXECUTE FUNCTION report_archive_append_only();
