package de.grantflow.application;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/** Cases from earlier systems, imported as history: shown in the case list, never worked on. */
public interface HistoricCases {

    /** Those of one municipality, or of the given programmes when {@code ags} is null (all when both are null). */
    List<HistoricCase> find(String ags, Collection<String> programmes, int limit);

    /** A historic case as the list shows it. */
    record HistoricCase(String reference, String programme, String ags, ApplicationStatus status,
            BigDecimal requested, BigDecimal granted, LocalDate submittedOn) {
    }
}
