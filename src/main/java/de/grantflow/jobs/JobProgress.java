package de.grantflow.jobs;

/**
 * How work tells its progress. Each report is written in a short transaction of its own, so the page that polls sees
 * it while the work's own transaction is still open.
 */
@FunctionalInterface
public interface JobProgress {

    /** Done {@code done} of {@code total} steps; {@code message} says in German what happens now (may be null). */
    void report(int done, int total, String message);
}
