-- Failed logins per user name, so that guessing passwords is slowed down on every node of a cluster alike.
CREATE TABLE login_throttle (
    username      VARCHAR(200) PRIMARY KEY,
    failures      INTEGER     NOT NULL,
    window_start  TIMESTAMPTZ NOT NULL,
    locked_until  TIMESTAMPTZ
);
