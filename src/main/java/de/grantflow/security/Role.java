package de.grantflow.security;

/** What a user does in the procedure. */
public enum Role {
    APPLICANT,
    REVIEWER,
    APPROVER,
    PROGRAMME_MANAGER,
    ADMIN
}
