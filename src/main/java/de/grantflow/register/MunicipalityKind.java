package de.grantflow.register;

/** The kind of a municipality, which programmes use to decide who may apply. */
public enum MunicipalityKind {
    KREISFREIE_STADT("kreisfreie Stadt"),
    KREISANGEHOERIGE_GEMEINDE("kreisangehörige Gemeinde"),
    KREIS("Kreis");

    private final String germanName;

    MunicipalityKind(String germanName) {
        this.germanName = germanName;
    }

    public String germanName() {
        return germanName;
    }

    static MunicipalityKind fromGerman(String text) {
        for (MunicipalityKind kind : values()) {
            if (kind.germanName.equals(text)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("Unbekannte Gebietsart: " + text);
    }
}
