-- The audit trail: who did what, when, from where. Rows are appended, never changed; a sealer links them into a
-- SHA-256 hash chain afterwards (chain_no, prev_hash, hash), so that any later change or removal is detected.
CREATE TABLE audit_event (
    id             BIGSERIAL PRIMARY KEY,
    occurred_at    TIMESTAMPTZ  NOT NULL,
    actor          VARCHAR(200),
    action         VARCHAR(80)  NOT NULL,
    subject        VARCHAR(200),
    details        JSONB,
    remote_address VARCHAR(100),
    chain_no       BIGINT UNIQUE,
    prev_hash      CHAR(64),
    hash           CHAR(64)
);

CREATE INDEX audit_event_unsealed_idx ON audit_event (id) WHERE chain_no IS NULL;
CREATE INDEX audit_event_subject_idx ON audit_event (subject);

-- Only the seal may be added, once; nothing else changes and nothing is deleted.
CREATE FUNCTION audit_event_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'Der Prüfpfad ist unveränderlich (audit_event %)', OLD.id;
    END IF;
    IF OLD.chain_no IS NOT NULL
       OR NEW.id <> OLD.id OR NEW.occurred_at <> OLD.occurred_at OR NEW.action <> OLD.action
       OR NEW.actor IS DISTINCT FROM OLD.actor OR NEW.subject IS DISTINCT FROM OLD.subject
       OR NEW.details IS DISTINCT FROM OLD.details OR NEW.remote_address IS DISTINCT FROM OLD.remote_address THEN
        RAISE EXCEPTION 'Der Prüfpfad ist unveränderlich (audit_event %)', OLD.id;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_event_no_change BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
