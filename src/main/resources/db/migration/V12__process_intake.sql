-- Submitted applications whose procedure has not started yet. The submission stores its row in its own transaction;
-- the intake starts the process instances in batches and deletes their rows in the same transaction, so every
-- submission gets exactly one procedure, also after a crash and on several nodes (rows are claimed with SKIP LOCKED).
CREATE TABLE process_intake (
    application_id   UUID PRIMARY KEY REFERENCES application (id),
    authority_key    VARCHAR(100) NOT NULL,
    municipality_ags VARCHAR(8)   NOT NULL,
    enqueued_at      TIMESTAMPTZ  NOT NULL,
    attempts         INTEGER      NOT NULL DEFAULT 0,
    retry_at         TIMESTAMPTZ,
    last_error       TEXT
);

CREATE INDEX process_intake_order ON process_intake (enqueued_at);
