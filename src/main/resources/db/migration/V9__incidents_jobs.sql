-- Incidents: background imports from the staff UI and re-placement after boundaries change (both db-scheduler jobs).

-- Progress of a background import (bytes of the stored file processed so far; rows_read and rejected grow as well).
-- status gains QUEUED (stored, waiting for its job) and FAILED (the run threw and was rolled back).
ALTER TABLE incident_imports
    ADD COLUMN bytes_total    bigint,
    ADD COLUMN bytes_read     bigint  NOT NULL DEFAULT 0,
    ADD COLUMN feed_gazetteer boolean NOT NULL DEFAULT true;

-- The uploaded file of a background import, in 1 MiB parts so that neither writing nor reading holds it in memory.
-- Kept in the database, not on a disk, so that whichever node revives the job after a crash has it. Deleted when
-- the job ends.
CREATE TABLE incident_import_chunks (
    import_id bigint  NOT NULL REFERENCES incident_imports (id) ON DELETE CASCADE,
    seq       integer NOT NULL,
    data      bytea   NOT NULL,
    PRIMARY KEY (import_id, seq)
);

-- Re-placement requests: one per BoundariesChanged; the job takes every waiting request at once (RUNNING ones too:
-- those of a run that died or failed, which the revived or retried job finishes).
CREATE TABLE incident_replacements (
    id           bigserial PRIMARY KEY,
    level        text        NOT NULL,
    requested_at timestamptz NOT NULL DEFAULT now(),
    status       text        NOT NULL DEFAULT 'QUEUED',
    finished_at  timestamptz,
    incidents    bigint      NOT NULL DEFAULT 0,
    moved        bigint      NOT NULL DEFAULT 0
);
CREATE INDEX incident_replacements_waiting ON incident_replacements (id) WHERE status IN ('QUEUED', 'RUNNING');

-- Days whose incidents a re-placement moved, written with each batch: their daily counts are rebuilt at the end,
-- also when the job ran again after a crash (which finds those rows already moved).
CREATE TABLE incident_replacement_days (
    day date PRIMARY KEY
);
