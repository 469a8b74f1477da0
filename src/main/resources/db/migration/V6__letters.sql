-- Letters as issued: stored once, never changed, with the SHA-256 of their bytes.
CREATE TABLE letter (
    id             UUID PRIMARY KEY,
    issue_number   BIGSERIAL    NOT NULL,
    application_id UUID         NOT NULL REFERENCES application (id),
    type           VARCHAR(40)  NOT NULL,
    step_key       VARCHAR(200) NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL,
    sha256         CHAR(64)     NOT NULL,
    size_bytes     INTEGER      NOT NULL,
    content        BYTEA        NOT NULL,
    UNIQUE (application_id, step_key)
);

CREATE INDEX letter_type_idx ON letter (type);

CREATE FUNCTION letter_is_immutable() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'Schreiben sind unveränderlich (letter %)', OLD.id;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER letter_no_update BEFORE UPDATE OR DELETE ON letter
    FOR EACH ROW EXECUTE FUNCTION letter_is_immutable();
