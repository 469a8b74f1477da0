-- Every evaluation of a programme's rules for a case: inputs, outputs and the rule that fired.
CREATE TABLE decision_record (
    id               UUID PRIMARY KEY,
    application_id   UUID         NOT NULL REFERENCES application (id),
    decision_key     VARCHAR(200) NOT NULL,
    decision_version INTEGER      NOT NULL,
    inputs           JSONB        NOT NULL,
    outputs          JSONB        NOT NULL,
    rule_id          VARCHAR(200),
    reason           TEXT,
    evaluated_at     TIMESTAMPTZ  NOT NULL
);

CREATE INDEX decision_record_application_idx ON decision_record (application_id, evaluated_at);
