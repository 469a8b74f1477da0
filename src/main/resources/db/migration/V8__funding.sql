-- After the grant: the funding period, payouts and returns, change requests, reports and the check of the proof of use.

-- One row per funded case: the period as currently granted, the cost plan, the report schedule and the outcome.
CREATE TABLE funding (
    application_id UUID PRIMARY KEY REFERENCES application (id),
    programme_key  VARCHAR(100)   NOT NULL,
    granted        NUMERIC(14, 2) NOT NULL,
    period_start   DATE           NOT NULL,
    period_end     DATE           NOT NULL,
    finished_on    DATE,
    cost_plan      JSONB          NOT NULL,
    proof_due      DATE,
    in_depth       BOOLEAN,
    outcome        JSONB,
    closed_on      DATE,
    version        INTEGER        NOT NULL DEFAULT 0
);

-- Mittelabruf: what the recipient asked for, and who checked and released it.
CREATE TABLE payment_request (
    id             UUID PRIMARY KEY,
    application_id UUID           NOT NULL REFERENCES funding (application_id),
    number         INTEGER        NOT NULL,
    amount         NUMERIC(14, 2) NOT NULL CHECK (amount > 0),
    needed_on      DATE           NOT NULL,
    purpose        TEXT           NOT NULL,
    status         VARCHAR(20)    NOT NULL,
    requested_by   VARCHAR(100)   NOT NULL,
    requested_at   TIMESTAMPTZ    NOT NULL,
    checked_by     VARCHAR(100),
    released_by    VARCHAR(100),
    paid_on        DATE,
    note           TEXT,
    interest_waived_by VARCHAR(100),
    interest_waiver_reason TEXT,
    UNIQUE (application_id, number)
);

-- The money that moved: payouts to the recipient and returns from it, each booked once.
CREATE TABLE funding_ledger (
    id             BIGSERIAL PRIMARY KEY,
    application_id UUID           NOT NULL REFERENCES funding (application_id),
    programme_key  VARCHAR(100)   NOT NULL,
    kind           VARCHAR(20)    NOT NULL CHECK (kind IN ('PAYOUT', 'RETURN', 'INTEREST')),
    amount         NUMERIC(14, 2) NOT NULL CHECK (amount > 0),
    booked_on      DATE           NOT NULL,
    source_key     VARCHAR(200)   NOT NULL,
    booked_by      VARCHAR(100),
    note           TEXT,
    UNIQUE (application_id, source_key)
);

CREATE INDEX funding_ledger_programme_idx ON funding_ledger (programme_key, booked_on);

-- What the recipient reports as spent, for the two-month rule.
CREATE TABLE funds_usage (
    id             BIGSERIAL PRIMARY KEY,
    application_id UUID           NOT NULL REFERENCES funding (application_id),
    amount         NUMERIC(14, 2) NOT NULL CHECK (amount > 0),
    used_on        DATE           NOT NULL,
    reported_by    VARCHAR(100)   NOT NULL,
    reported_at    TIMESTAMPTZ    NOT NULL
);

-- Änderungsantrag: a new end of the period and/or a new cost plan.
CREATE TABLE change_request (
    id             UUID PRIMARY KEY,
    application_id UUID         NOT NULL REFERENCES funding (application_id),
    number         INTEGER      NOT NULL,
    new_period_end DATE,
    cost_plan      JSONB,
    reason         TEXT         NOT NULL,
    status         VARCHAR(20)  NOT NULL,
    requested_by   VARCHAR(100) NOT NULL,
    requested_at   TIMESTAMPTZ  NOT NULL,
    reviewed_by    VARCHAR(100),
    decided_by     VARCHAR(100),
    decided_at     TIMESTAMPTZ,
    note           TEXT,
    UNIQUE (application_id, number)
);

-- Zwischennachweis and Verwendungsnachweis as filed, and their check.
CREATE TABLE funding_report (
    id             UUID PRIMARY KEY,
    application_id UUID         NOT NULL REFERENCES funding (application_id),
    kind           VARCHAR(20)  NOT NULL CHECK (kind IN ('INTERIM', 'FINAL')),
    period_year    INTEGER,
    due_on         DATE         NOT NULL,
    data           JSONB,
    submitted_by   VARCHAR(100),
    submitted_at   TIMESTAMPTZ,
    status         VARCHAR(20)  NOT NULL,
    checked_by     VARCHAR(100),
    check_result   JSONB
);

CREATE INDEX funding_report_application_idx ON funding_report (application_id, kind);
