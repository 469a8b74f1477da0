-- Data protection: when a closed case's personal data were removed after its retention period (README: Data protection).
ALTER TABLE application ADD COLUMN anonymised_at TIMESTAMPTZ;

-- the retention job looks for closed cases not yet anonymised
CREATE INDEX application_retention_idx ON application (programme_key, status, updated_at) WHERE anonymised_at IS NULL;

-- Letters stay unchangeable; they may be deleted only with the case file after its retention period, that is once the
-- case is marked anonymised (in the same transaction, before its letters are deleted).
CREATE OR REPLACE FUNCTION letter_is_immutable() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' AND EXISTS (
            SELECT 1 FROM application WHERE id = OLD.application_id AND anonymised_at IS NOT NULL) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'Schreiben sind unveränderlich (letter %)', OLD.id;
END;
$$ LANGUAGE plpgsql;
