-- Finished and failed jobs are deleted with their result files once they are older than grantflow.jobs.keep; the
-- clean-up looks them up by the time they finished (README: Long work in the background).
CREATE INDEX background_job_finished_idx ON background_job (finished_at) WHERE finished_at IS NOT NULL;
