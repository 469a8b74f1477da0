-- grantflow's own tables; the process engine manages its tables itself.
CREATE TABLE app_setting (
    key   VARCHAR(100) PRIMARY KEY,
    value TEXT NOT NULL
);
