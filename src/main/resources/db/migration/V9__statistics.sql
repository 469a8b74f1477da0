-- The statistics read model: one row per case, kept current as the case moves, and aggregates kept by deltas so that
-- a programme's figures never need a scan over its cases.

CREATE TABLE stats_case (
    case_key         VARCHAR(120) PRIMARY KEY,
    application_id   UUID,
    programme_key    VARCHAR(100)   NOT NULL,
    year             INTEGER,
    ags              VARCHAR(8)     NOT NULL,
    kreis            VARCHAR(200),
    regierungsbezirk VARCHAR(100),
    kind             VARCHAR(40),
    priority         VARCHAR(100),
    outcome          VARCHAR(20)    NOT NULL,
    eligible         BOOLEAN,
    requested        NUMERIC(14, 2) NOT NULL DEFAULT 0,
    granted          NUMERIC(14, 2) NOT NULL DEFAULT 0,
    paid             NUMERIC(14, 2) NOT NULL DEFAULT 0,
    recovered        NUMERIC(14, 2) NOT NULL DEFAULT 0,
    submitted_on     DATE,
    decided_on       DATE,
    first_payout_on  DATE,
    proof_due_on     DATE,
    proof_checked_on DATE,
    stage            VARCHAR(30),
    stage_since      DATE,
    next_due         DATE,
    reviewer         VARCHAR(100),
    historic         BOOLEAN        NOT NULL DEFAULT FALSE
);

-- open work is read per programme without touching closed cases
CREATE INDEX stats_case_open_idx ON stats_case (programme_key, stage) WHERE stage IS NOT NULL;

CREATE TABLE stats_year (
    programme_key VARCHAR(100)   NOT NULL,
    year          INTEGER        NOT NULL,
    applications  BIGINT         NOT NULL DEFAULT 0,
    eligible      BIGINT         NOT NULL DEFAULT 0,
    approved      BIGINT         NOT NULL DEFAULT 0,
    rejected      BIGINT         NOT NULL DEFAULT 0,
    lapsed        BIGINT         NOT NULL DEFAULT 0,
    withdrawn     BIGINT         NOT NULL DEFAULT 0,
    requested     NUMERIC(16, 2) NOT NULL DEFAULT 0,
    granted       NUMERIC(16, 2) NOT NULL DEFAULT 0,
    paid          NUMERIC(16, 2) NOT NULL DEFAULT 0,
    recovered     NUMERIC(16, 2) NOT NULL DEFAULT 0,
    PRIMARY KEY (programme_key, year)
);

CREATE TABLE stats_municipality_year (
    programme_key VARCHAR(100) NOT NULL,
    year          INTEGER      NOT NULL,
    ags           VARCHAR(8)   NOT NULL,
    applications  BIGINT       NOT NULL DEFAULT 0,
    funded        BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (programme_key, year, ags)
);

CREATE TABLE stats_breakdown (
    programme_key VARCHAR(100)   NOT NULL,
    year          INTEGER        NOT NULL,
    dimension     VARCHAR(30)    NOT NULL,
    value         VARCHAR(200)   NOT NULL,
    applications  BIGINT         NOT NULL DEFAULT 0,
    approved      BIGINT         NOT NULL DEFAULT 0,
    granted       NUMERIC(16, 2) NOT NULL DEFAULT 0,
    PRIMARY KEY (programme_key, year, dimension, value)
);

CREATE TABLE stats_duration (
    programme_key VARCHAR(100) NOT NULL,
    year          INTEGER      NOT NULL,
    stage         VARCHAR(30)  NOT NULL,
    days          INTEGER      NOT NULL,
    cases         BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (programme_key, year, stage, days)
);

-- a municipality's historic cases for its case list
CREATE INDEX stats_case_historic_idx ON stats_case (ags, submitted_on DESC) WHERE historic;

-- Deltas are appended here by the transactions that change cases (no two transactions ever wait on the same row) and
-- folded into the aggregates every second; queries read aggregates and pending deltas together, so nothing is missed.
CREATE TABLE stats_year_pending (LIKE stats_year INCLUDING DEFAULTS);
CREATE TABLE stats_municipality_year_pending (LIKE stats_municipality_year INCLUDING DEFAULTS);
CREATE TABLE stats_breakdown_pending (LIKE stats_breakdown INCLUDING DEFAULTS);
CREATE TABLE stats_duration_pending (LIKE stats_duration INCLUDING DEFAULTS);
