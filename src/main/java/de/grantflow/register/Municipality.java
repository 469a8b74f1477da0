package de.grantflow.register;

import de.grantflow.calendar.FederalState;
import java.util.Locale;

/** An applicant of the register: a Gemeinde (8-digit AGS) or a Kreis (5-digit key). */
public record Municipality(String ags, String name, String nameSuffix, MunicipalityKind kind, String kreisAgs,
        String kreisName, String regierungsbezirk, FederalState state, Integer population) {

    /** The name as an address line: "Stadt Dortmund", "Gemeinde Altenberge", "Kreis Kleve", "Hansestadt Attendorn". */
    public String displayName() {
        if (kind == MunicipalityKind.KREIS) {
            String lower = name.toLowerCase(Locale.GERMAN);
            return lower.contains("kreis") || lower.contains("städteregion") ? name : "Kreis " + name;
        }
        if (nameSuffix == null || nameSuffix.isBlank()) {
            return "Gemeinde " + name;
        }
        String designation = nameSuffix.contains(",") ? nameSuffix.substring(nameSuffix.lastIndexOf(',') + 1).trim()
                : nameSuffix;
        return designation.toLowerCase(Locale.GERMAN).contains("stadt") || designation.endsWith("gemeinde")
                ? designation + " " + name
                : "Gemeinde " + name;
    }
}
