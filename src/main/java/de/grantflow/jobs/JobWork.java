package de.grantflow.jobs;

/** The work of a background job. A {@link de.grantflow.forms.FormValidationException} fails the job with its errors. */
@FunctionalInterface
public interface JobWork {

    JobOutcome run(JobProgress progress) throws Exception;
}
