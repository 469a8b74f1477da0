package de.grantflow.statistics;

import de.grantflow.application.ApplicationStatus;
import de.grantflow.application.HistoricCases;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The imported history, read back for the case lists. */
@Component
class ImportedCases implements HistoricCases {

    private static final Map<String, ApplicationStatus> STATUS = Map.of(StatRow.APPROVED, ApplicationStatus.APPROVED,
            StatRow.REJECTED, ApplicationStatus.REJECTED, StatRow.WITHDRAWN, ApplicationStatus.WITHDRAWN,
            StatRow.LAPSED, ApplicationStatus.LAPSED);

    private final JdbcClient jdbc;

    ImportedCases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<HistoricCase> find(String ags, Collection<String> programmes, int limit) {
        if (ags == null && programmes != null && programmes.isEmpty()) {
            return List.of();
        }
        String where = ags != null ? "ags = :ags" : programmes == null ? "TRUE" : "programme_key IN (:programmes)";
        var query = jdbc.sql("SELECT * FROM stats_case WHERE historic AND case_key LIKE 'legacy:%' AND " + where
                + " ORDER BY submitted_on DESC, case_key LIMIT :limit").param("limit", limit);
        if (ags != null) {
            query = query.param("ags", ags);
        } else if (programmes != null) {
            query = query.param("programmes", programmes);
        }
        return query.query(StatisticsStore::row).list().stream()
                .map(r -> new HistoricCase(r.caseKey().substring(("legacy:" + r.programmeKey() + ":").length()),
                        r.programmeKey(), r.ags(), STATUS.get(r.outcome()), r.requested(), r.granted(),
                        r.submittedOn()))
                .toList();
    }
}
