package de.grantflow.funding;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A report the recipient owes: which one, its last day, when to remind, and when it is overdue (the start of the day
 * after the last day, at the authority).
 */
public record ReportSchedule(UUID reportId, boolean interim, LocalDate lastDay, Instant remindAt, Instant overdueAt) {

    /** End of the last day, the due date of the recipient's task. */
    public Instant dueAt() {
        return overdueAt.minusSeconds(1);
    }
}
