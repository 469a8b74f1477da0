package de.grantflow.jobs;

import de.grantflow.forms.FieldError;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A background job as its owner sees it: the counts of its progress, a German status message, and when finished the
 * name of its result file or the error (with the errors by field, e.g. the rows of a refused import).
 */
public record Job(UUID id, String kind, String owner, String programme, JobStatus status, int done, int total,
        String message, String errorMessage, List<FieldError> errors, String resultName, Instant startedAt,
        Instant finishedAt) {

    public boolean finished() {
        return status != JobStatus.RUNNING;
    }

    public boolean hasResultFile() {
        return status == JobStatus.DONE && resultName != null;
    }

    /** Done in percent, 0 while the total is not known yet. */
    public int percent() {
        return total <= 0 ? 0 : (int) Math.min(100, 100L * done / total);
    }
}
