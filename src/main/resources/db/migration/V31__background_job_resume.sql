-- A job whose node died is started again on another node (README: Long work in the background): the row keeps what the
-- work needs to be built again (its parameters and, for an import, the uploaded file until the job ends), and the
-- number of the attempt, which fences the writes of a runner that another node has since replaced.
ALTER TABLE background_job
    ADD COLUMN parameters JSONB   NOT NULL DEFAULT '{}',
    ADD COLUMN input      BYTEA,
    ADD COLUMN attempt    INTEGER NOT NULL DEFAULT 1;

-- every node looks for running jobs whose heartbeat stopped
CREATE INDEX background_job_running_idx ON background_job (heartbeat_at) WHERE status = 'RUNNING';
