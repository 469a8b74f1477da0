-- A flash survey's answers and who gave them are kept for the programme's retention.surveyAnswers after the survey
-- closed (README: Data protection). Then the survey keeps only its figures, frozen here, and its invitations (which
-- municipality answered what, and who in it) are deleted; the programme manager who started it is forgotten too.
ALTER TABLE survey
    ADD COLUMN anonymised_at TIMESTAMPTZ,
    ADD COLUMN invited       INTEGER,
    ADD COLUMN responded     INTEGER,
    ADD COLUMN answer_counts JSONB,
    ALTER COLUMN created_by DROP NOT NULL;

CREATE INDEX survey_retention_idx ON survey (programme_key, closed_on) WHERE anonymised_at IS NULL;
