package de.grantflow.application;

import java.util.EnumSet;
import java.util.Set;

/** Where a case stands in the procedure. */
public enum ApplicationStatus {
    DRAFT("Entwurf"),
    SUBMITTED("Eingegangen"),
    INCOMPLETE("Unvollständig"),
    IN_REVIEW("In Prüfung"),
    HEARING("Anhörung"),
    APPROVED("Bewilligt"),
    REJECTED("Abgelehnt"),
    LAPSED("Erledigt (unvollständig)"),
    WITHDRAWN("Zurückgenommen"),
    FUNDED("Im Bewilligungszeitraum"),
    RECOVERY("Rückforderung"),
    CLOSED("Abgeschlossen");

    /** The applicant may withdraw until the decision is issued (§ 22 VwVfG: the procedure depends on the application). */
    static final Set<ApplicationStatus> WITHDRAWABLE = EnumSet.of(DRAFT, SUBMITTED, INCOMPLETE, IN_REVIEW, HEARING);
    static final Set<ApplicationStatus> DECIDED = EnumSet.of(APPROVED, REJECTED);
    static final Set<ApplicationStatus> AWAITING_DECISION = EnumSet.of(SUBMITTED, INCOMPLETE, IN_REVIEW, HEARING);

    private final String germanName;

    ApplicationStatus(String germanName) {
        this.germanName = germanName;
    }

    public String germanName() {
        return germanName;
    }
}
