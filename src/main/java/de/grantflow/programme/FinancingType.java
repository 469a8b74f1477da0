package de.grantflow.programme;

/** How a grant is computed (Finanzierungsart). */
public enum FinancingType {
    ANTEILFINANZIERUNG("Anteilfinanzierung"),
    FEHLBEDARFSFINANZIERUNG("Fehlbedarfsfinanzierung"),
    FESTBETRAGSFINANZIERUNG("Festbetragsfinanzierung"),
    VOLLFINANZIERUNG("Vollfinanzierung");

    private final String germanName;

    FinancingType(String germanName) {
        this.germanName = germanName;
    }

    public String germanName() {
        return germanName;
    }
}
