-- The answers to POST requests that carried an Idempotency-Key, per user, so that a client's retry gets the first
-- answer instead of a second application or payout. A row is written in the transaction of the request it answers.
CREATE TABLE idempotent_request (
    username        VARCHAR(100)  NOT NULL,
    idempotency_key VARCHAR(255)  NOT NULL,
    fingerprint     CHAR(64)      NOT NULL,
    created_at      TIMESTAMPTZ   NOT NULL,
    status          INTEGER       NOT NULL,
    content_type    VARCHAR(200),
    location        VARCHAR(1000),
    body            BYTEA,
    PRIMARY KEY (username, idempotency_key)
);

CREATE INDEX idempotent_request_age ON idempotent_request (created_at);
