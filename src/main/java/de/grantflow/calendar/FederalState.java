package de.grantflow.calendar;

/** The German states (Länder) whose public holidays move deadlines; codes as in ISO 3166-2:DE. */
public enum FederalState {
    BW("Baden-Württemberg"),
    BY("Bayern"),
    BE("Berlin"),
    BB("Brandenburg"),
    HB("Bremen"),
    HH("Hamburg"),
    HE("Hessen"),
    MV("Mecklenburg-Vorpommern"),
    NI("Niedersachsen"),
    NW("Nordrhein-Westfalen"),
    RP("Rheinland-Pfalz"),
    SL("Saarland"),
    SN("Sachsen"),
    ST("Sachsen-Anhalt"),
    SH("Schleswig-Holstein"),
    TH("Thüringen");

    private final String germanName;

    FederalState(String germanName) {
        this.germanName = germanName;
    }

    public String germanName() {
        return germanName;
    }
}
