-- Long work that runs in the background (imports, reports): its progress for the page that polls it, and its result.
-- heartbeat_at is renewed by the node that runs the job; a RUNNING job whose heartbeat stops has lost its node.
CREATE TABLE background_job (
    id            UUID PRIMARY KEY,
    kind          VARCHAR(40)  NOT NULL,
    owner         VARCHAR(100) NOT NULL,
    programme_key VARCHAR(100),
    status        VARCHAR(10)  NOT NULL CHECK (status IN ('RUNNING', 'DONE', 'FAILED')),
    done          INTEGER      NOT NULL DEFAULT 0,
    total         INTEGER      NOT NULL DEFAULT 0,
    message       TEXT,
    error_message TEXT,
    errors        JSONB        NOT NULL DEFAULT '[]',
    result        BYTEA,
    result_type   VARCHAR(120),
    result_name   VARCHAR(255),
    started_at    TIMESTAMPTZ  NOT NULL,
    heartbeat_at  TIMESTAMPTZ  NOT NULL,
    finished_at   TIMESTAMPTZ
);

CREATE INDEX background_job_owner_idx ON background_job (owner, started_at DESC);
