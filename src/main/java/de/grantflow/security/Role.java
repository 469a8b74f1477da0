package de.grantflow.security;

/** What a user does in the procedure. */
public enum Role {
    APPLICANT,
    REVIEWER,
    APPROVER,
    PROGRAMME_MANAGER,
    /** External evaluation: anonymised programme figures only, never a case. */
    EVALUATOR,
    ADMIN
}
