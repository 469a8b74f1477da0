package de.grantflow.jobs;

/**
 * A kind of work that can be started again: builds the work from its request as the signed-in user (the job's owner),
 * checking that user's access as a request would. Work built again must be safe to repeat: reading, or an import that
 * changes nothing the second time.
 */
@FunctionalInterface
public interface JobKind {

    JobWork work(JobRequest request);
}
