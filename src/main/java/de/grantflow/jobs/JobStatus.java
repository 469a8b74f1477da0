package de.grantflow.jobs;

/** Where a background job stands. */
public enum JobStatus {
    RUNNING, DONE, FAILED
}
