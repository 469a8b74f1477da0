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
    APPEAL_WAIVED("Rechtsbehelfsverzicht erklärt"),
    FINAL("Bescheid bestandskräftig"),
    WITHDRAWN("Antrag zurückgenommen"),
    LETTER_ISSUED("Schreiben erstellt");

    private final String germanName;

    CaseEventType(String germanName) {
        this.germanName = germanName;
    }

    public String germanName() {
        return germanName;
    }
}
