package de.grantflow.register;

import de.grantflow.calendar.FederalState;
import java.util.Locale;

/**
 * An applicant of the register: a Gemeinde (8-digit AGS) or a Kreis (5-digit key). {@code nameSuffix} is the official
 * designation after the name ("Stadt", "Hansestadt", "Stadt der FernUniversität") or null.
 */
public record Municipality(String ags, String name, String nameSuffix, MunicipalityKind kind, String kreisAgs,
        String kreisName, String regierungsbezirk, FederalState state, Integer population) {

    /**
     * The name as an address line: "Stadt Dortmund", "Hansestadt Attendorn", "Gemeinde Altenberge", "Kreis Kleve",
     * "Landkreis Esslingen", "Rhein-Kreis Neuss".
     */
    public String displayName() {
        return kind == MunicipalityKind.KREIS ? kreisDisplayName() : designation() + " " + name;
    }

    private String kreisDisplayName() {
        String lower = name.toLowerCase(Locale.GERMAN);
        if (lower.contains("kreis") || lower.startsWith("städteregion") || lower.startsWith("region")) {
            return name;
        }
        // NRW and Schleswig-Holstein say Kreis; the other states call their districts Landkreis
        return (state == FederalState.NW || state == FederalState.SH ? "Kreis " : "Landkreis ") + name;
    }

    /**
     * A one-word designation names the Gemeinde ("Hansestadt", "Universitätsstadt", "Burggemeinde"); a longer one is an
     * honorary title ("Stadt der FernUniversität", "Tor zur Eifel") and the address says only Stadt or Gemeinde. A
     * Gemeinde is a Stadt exactly when its designation says so.
     */
    private String designation() {
        String designation = nameSuffix == null ? "" : nameSuffix.substring(nameSuffix.lastIndexOf(',') + 1).strip();
        String lower = designation.toLowerCase(Locale.GERMAN);
        boolean oneWord = !designation.isEmpty() && designation.chars().noneMatch(Character::isWhitespace);
        if (oneWord && (lower.endsWith("stadt") || lower.endsWith("gemeinde"))) {
            return designation;
        }
        return lower.contains("stadt") || kind == MunicipalityKind.KREISFREIE_STADT ? "Stadt" : "Gemeinde";
    }
}
