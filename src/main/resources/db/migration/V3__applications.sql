-- The case: one row per application, its form data as JSON, and its timeline.
CREATE SEQUENCE application_number_seq;

CREATE TABLE application (
    id                  UUID PRIMARY KEY,
    reference           VARCHAR(40)  NOT NULL UNIQUE,
    programme_key       VARCHAR(100) NOT NULL,
    call_key            VARCHAR(100),
    municipality_ags    VARCHAR(8)   NOT NULL REFERENCES municipality (ags),
    status              VARCHAR(20)  NOT NULL,
    data                JSONB        NOT NULL,
    requested_amount    NUMERIC(14, 2),
    granted_amount      NUMERIC(14, 2),
    created_by          VARCHAR(100) NOT NULL,
    created_at          TIMESTAMPTZ  NOT NULL,
    updated_at          TIMESTAMPTZ  NOT NULL,
    submitted_at        TIMESTAMPTZ,
    decided_at          TIMESTAMPTZ,
    final_on            DATE,
    process_instance_id VARCHAR(64),
    version             INTEGER      NOT NULL DEFAULT 0
);

CREATE INDEX application_municipality_idx ON application (municipality_ags, created_at DESC);
CREATE INDEX application_programme_status_idx ON application (programme_key, status);
CREATE INDEX application_process_instance_idx ON application (process_instance_id);

CREATE TABLE application_event (
    id             BIGSERIAL PRIMARY KEY,
    application_id UUID        NOT NULL REFERENCES application (id),
    occurred_at    TIMESTAMPTZ NOT NULL,
    type           VARCHAR(40) NOT NULL,
    actor          VARCHAR(100),
    status         VARCHAR(20) NOT NULL,
    note           TEXT,
    details        JSONB
);

CREATE INDEX application_event_application_idx ON application_event (application_id, id);

-- The working state of the procedure: eligibility, review, decision, deadlines (small values, not documents).
ALTER TABLE application ADD COLUMN assessment JSONB NOT NULL DEFAULT '{}';
