package de.grantflow.programme;

import java.math.BigDecimal;

/** A programme's budget of one year and how much of it approvals have reserved. */
public record BudgetStatus(String programmeKey, int year, BigDecimal total, BigDecimal reserved) {

    public BigDecimal remaining() {
        return total.subtract(reserved);
    }
}
