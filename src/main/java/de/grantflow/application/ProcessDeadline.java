package de.grantflow.application;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A deadline set for the applicant: the last day they may act, when to remind them, and the moment it has expired
 * (the start of the following day at the authority).
 */
public record ProcessDeadline(LocalDate lastDay, Instant remindAt, Instant expiresAt) {

    /** End of the last day, as the due date of the applicant's task. */
    public Instant dueAt() {
        return expiresAt.minusSeconds(1);
    }
}
