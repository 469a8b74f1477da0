package de.grantflow.letters;

/** The letters of the procedure. */
public enum LetterType {
    RECEIPT("Eingangsbestätigung"),
    REQUEST_FOR_DOCUMENTS("Nachforderung von Unterlagen"),
    REMINDER("Erinnerung"),
    HEARING("Anhörung"),
    GRANT_DECISION("Zuwendungsbescheid"),
    REJECTION("Ablehnungsbescheid"),
    LAPSE("Mitteilung über die Erledigung des Antrags");

    private final String germanTitle;

    LetterType(String germanTitle) {
        this.germanTitle = germanTitle;
    }

    public String germanTitle() {
        return germanTitle;
    }
}
