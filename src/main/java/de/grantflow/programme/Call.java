package de.grantflow.programme;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/** A call for applications (Förderaufruf): its window and its budget per year. */
public record Call(String key, String title, LocalDate opens, LocalDate closes, Map<Integer, BigDecimal> budgets) {

    public boolean isOpenOn(LocalDate day) {
        return !day.isBefore(opens) && !day.isAfter(closes);
    }
}
