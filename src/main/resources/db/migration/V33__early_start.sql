-- Vorzeitiger Maßnahmebeginn: a municipality asks to start its project before the decision on its application; a
-- reviewer checks, an approver decides (four eyes), a letter answers. A request still open when the case is decided,
-- withdrawn or lapses is settled by that. At most one request of a case is open at a time.
CREATE TABLE early_start_request (
    id             UUID PRIMARY KEY,
    application_id UUID         NOT NULL REFERENCES application (id),
    number         INTEGER      NOT NULL,
    start_on       DATE         NOT NULL,
    reason         TEXT         NOT NULL,
    status         VARCHAR(20)  NOT NULL CHECK (status IN ('PENDING', 'REVIEWED', 'APPROVED', 'REFUSED', 'SETTLED')),
    requested_by   VARCHAR(100) NOT NULL,
    requested_at   TIMESTAMPTZ  NOT NULL,
    recommendation VARCHAR(20),
    reviewed_by    VARCHAR(100),
    decided_by     VARCHAR(100),
    decided_at     TIMESTAMPTZ,
    note           TEXT,
    UNIQUE (application_id, number)
);

CREATE UNIQUE INDEX early_start_request_open ON early_start_request (application_id)
    WHERE status IN ('PENDING', 'REVIEWED');
