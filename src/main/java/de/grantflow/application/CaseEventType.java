package de.grantflow.application;

/** What happened on a case; each entry of the timeline has one. */
public enum CaseEventType {
    CREATED("Antrag angelegt"),
    UPDATED("Entwurf geändert"),
    SUBMITTED("Antrag eingereicht"),
    ELIGIBILITY_CHECKED("Förderfähigkeit geprüft"),
    FORMAL_CHECK("Formale Prüfung"),
    DOCUMENTS_REQUESTED("Unterlagen nachgefordert"),
    REMINDER_SENT("Erinnerung versandt"),
    DOCUMENTS_SUPPLIED("Unterlagen nachgereicht"),
    LAPSED("Antrag erledigt (Frist abgelaufen)"),
    REVIEWED("Fachliche Prüfung abgeschlossen"),
    DECISION_PROPOSED("Entscheidung getroffen"),
    HEARING_SENT("Anhörung versandt"),
    HEARING_ANSWERED("Stellungnahme zur Anhörung"),
    HEARING_EXPIRED("Anhörungsfrist abgelaufen"),
    APPROVED("Zuwendungsbescheid erlassen"),
    REJECTED("Ablehnungsbescheid erlassen"),
    EARLY_START_REQUESTED("Vorzeitiger Maßnahmebeginn beantragt"),
    EARLY_START_REVIEWED("Antrag auf vorzeitigen Maßnahmebeginn geprüft"),
    EARLY_START_DECIDED("Über den vorzeitigen Maßnahmebeginn entschieden"),
    EARLY_START_SETTLED("Antrag auf vorzeitigen Maßnahmebeginn erledigt"),
    APPEAL_WAIVED("Rechtsbehelfsverzicht erklärt"),
    FINAL("Bescheid bestandskräftig"),
    WITHDRAWN("Antrag zurückgenommen"),
    LETTER_ISSUED("Schreiben erstellt"),
    FUNDING_STARTED("Bewilligungszeitraum begonnen"),
    PAYMENT_REQUESTED("Mittelabruf eingegangen"),
    PAYMENT_CHECKED("Mittelabruf sachlich geprüft"),
    PAYMENT_REFUSED("Mittelabruf abgelehnt"),
    PAID("Auszahlung angeordnet"),
    FUNDS_USED("Mittelverwendung gemeldet"),
    FUNDS_UNUSED("Mittel nicht fristgerecht verwendet"),
    INTEREST_WAIVED("Auf Zinsen verzichtet"),
    CHANGE_REQUESTED("Änderungsantrag eingegangen"),
    CHANGE_ACCEPTED("Änderung ohne Bescheid angenommen"),
    CHANGE_REVIEWED("Änderungsantrag geprüft"),
    CHANGE_DECIDED("Änderungsbescheid erlassen"),
    PROJECT_FINISHED("Projektende angezeigt"),
    REPORT_DUE("Nachweis angefordert"),
    REPORT_SUBMITTED("Nachweis eingereicht"),
    REPORT_ACCEPTED("Nachweis angenommen"),
    REPORT_INCOMPLETE("Nachweis ergänzungsbedürftig"),
    REPORT_OVERDUE("Nachweis überfällig (Mahnung)"),
    REPORT_CHASED("Überfälliger Nachweis nachgehalten"),
    RECEIPTS_REQUESTED("Belege angefordert (vertiefte Prüfung)"),
    RECEIPTS_SUPPLIED("Belege vorgelegt"),
    PROOF_CHECKED("Verwendungsnachweis geprüft"),
    RECOVERY_HEARING_SENT("Anhörung zur Rückforderung versandt"),
    RECOVERY_DECIDED("Über die Rückforderung entschieden"),
    RECOVERY_ORDERED("Widerrufs- und Rückforderungsbescheid erlassen"),
    REPAID("Rückzahlung eingegangen"),
    CLOSED("Vorgang abgeschlossen"),
    SELF_EVALUATION_SUBMITTED("Selbstevaluation eingereicht"),
    EVALUATION_RATED("Zielerreichung bewertet"),
    ANONYMISED("Aufbewahrungsfrist abgelaufen: personenbezogene Daten gelöscht");

    private final String germanName;

    CaseEventType(String germanName) {
        this.germanName = germanName;
    }

    public String germanName() {
        return germanName;
    }
}
