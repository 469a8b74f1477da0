-- Flash surveys of the municipalities funded in a period, and each municipality's invitation and answers.
CREATE TABLE survey (
    id            UUID PRIMARY KEY,
    programme_key VARCHAR(100) NOT NULL,
    title         VARCHAR(200) NOT NULL,
    funded_from   INTEGER      NOT NULL,
    funded_to     INTEGER      NOT NULL,
    form_key      VARCHAR(100) NOT NULL,
    due_on        DATE         NOT NULL,
    created_by    VARCHAR(100) NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    reminded_on   DATE,
    closed_on     DATE
);

CREATE TABLE survey_invitation (
    survey_id    UUID         NOT NULL REFERENCES survey (id),
    ags          VARCHAR(8)   NOT NULL,
    responded_at TIMESTAMPTZ,
    responded_by VARCHAR(100),
    answers      JSONB,
    PRIMARY KEY (survey_id, ags)
);

CREATE INDEX survey_invitation_ags_idx ON survey_invitation (ags);
