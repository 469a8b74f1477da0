package de.grantflow.security;

/** What a user does in the procedure. */
public enum Role {
    APPLICANT,
    REVIEWER,
    APPROVER,
    PROGRAMME_MANAGER,
    /** External evaluation: anonymised programme figures only, never a case. */
    EVALUATOR,
    /**
     * Audit (Innenrevision, Rechnungsprüfung): reads every case, letter, attachment, figure and the audit trail of its
     * authorities and changes nothing; the front door refuses every request of theirs that could change something.
     */
    AUDITOR,
    ADMIN,
    /**
     * Another system of an authority (a Fachverfahren, a reporting tool) reading the engine's REST API with HTTP Basic:
     * only what the engine's authorizations grant its authorities' integration groups; never the pages or the webapps.
     */
    INTEGRATION
}
