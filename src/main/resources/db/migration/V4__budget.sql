-- Each programme's budget per year and what approvals have reserved from it.
CREATE TABLE programme_budget (
    programme_key VARCHAR(100)   NOT NULL,
    year          INTEGER        NOT NULL,
    total         NUMERIC(14, 2) NOT NULL,
    reserved      NUMERIC(14, 2) NOT NULL DEFAULT 0,
    PRIMARY KEY (programme_key, year),
    CHECK (reserved >= 0)
);
