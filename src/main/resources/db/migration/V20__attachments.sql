-- Documents an applicant hands in with a case (cost plans, statutes, quotes): typed by their content, kept unchanged.
CREATE TABLE attachment (
    id             UUID PRIMARY KEY,
    application_id UUID         NOT NULL REFERENCES application (id),
    file_name      VARCHAR(255) NOT NULL,
    media_type     VARCHAR(120) NOT NULL,
    size_bytes     INTEGER      NOT NULL,
    sha256         CHAR(64)     NOT NULL,
    content        BYTEA        NOT NULL,
    uploaded_by    VARCHAR(100) NOT NULL,
    uploaded_at    TIMESTAMPTZ  NOT NULL
);

CREATE INDEX attachment_application_idx ON attachment (application_id, uploaded_at);

CREATE FUNCTION attachment_is_immutable() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'Anlagen sind unveränderlich (attachment %)', OLD.id;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER attachment_no_update BEFORE UPDATE ON attachment
    FOR EACH ROW EXECUTE FUNCTION attachment_is_immutable();
