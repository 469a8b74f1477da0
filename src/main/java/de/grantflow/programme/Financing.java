package de.grantflow.programme;

import de.grantflow.money.Euro;
import java.math.BigDecimal;

/** The financing type and its figures; the DMN rules compute the amount from them. */
public record Financing(FinancingType type, BigDecimal ratePercent, BigDecimal minGrant, BigDecimal maxGrant,
        BigDecimal fixedAmount) {

    /** The sentence for part I.2 of the Zuwendungsbescheid. */
    public String describe() {
        return switch (type) {
            case ANTEILFINANZIERUNG -> "Anteilfinanzierung in Höhe von " + percent(ratePercent)
                    + " der zuwendungsfähigen Ausgaben" + (maxGrant == null ? "" : ", höchstens " + Euro.format(maxGrant));
            case FEHLBEDARFSFINANZIERUNG -> "Fehlbedarfsfinanzierung" + (maxGrant == null ? ""
                    : ", höchstens " + Euro.format(maxGrant));
            case FESTBETRAGSFINANZIERUNG -> "Festbetragsfinanzierung in Höhe von " + Euro.format(fixedAmount);
            case VOLLFINANZIERUNG -> "Vollfinanzierung der zuwendungsfähigen Ausgaben";
        };
    }

    private static String percent(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString().replace('.', ',') + " %";
    }
}
