package de.grantflow.letters;

/** The letters of the procedure. */
public enum LetterType {
    RECEIPT("Eingangsbestätigung"),
    REQUEST_FOR_DOCUMENTS("Nachforderung von Unterlagen"),
    REMINDER("Erinnerung"),
    HEARING("Anhörung"),
    GRANT_DECISION("Zuwendungsbescheid"),
    REJECTION("Ablehnungsbescheid"),
    LAPSE("Mitteilung über die Erledigung des Antrags"),
    EARLY_START_DECISION("Bescheid über den vorzeitigen Maßnahmebeginn"),
    PAYOUT_NOTICE("Auszahlungsmitteilung"),
    CHANGE_DECISION("Änderungsbescheid"),
    DUNNING("Mahnung"),
    CHECK_NOTE("Prüfvermerk zum Verwendungsnachweis"),
    CLOSING_NOTICE("Schlussmitteilung"),
    RECOVERY_HEARING("Anhörung vor Widerruf und Rückforderung"),
    RECOVERY_DECISION("Widerrufs- und Rückforderungsbescheid"),
    EVALUATION_SHEET("Evaluationsbogen");

    private final String germanTitle;

    LetterType(String germanTitle) {
        this.germanTitle = germanTitle;
    }

    public String germanTitle() {
        return germanTitle;
    }
}
