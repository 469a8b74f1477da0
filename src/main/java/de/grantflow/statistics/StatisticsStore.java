package de.grantflow.statistics;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The read model's tables. Every change of a case row is applied to the aggregates as a delta (the old row's
 * contribution out, the new one's in), in the transaction that changed the case, so the aggregates always agree with
 * the rows.
 */
@Repository
class StatisticsStore {

    private final JdbcClient jdbc;

    StatisticsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the row and moves the aggregates; a row that did not change costs one read. */
    void put(StatRow row) {
        Optional<StatRow> old = jdbc.sql("SELECT * FROM stats_case WHERE case_key = :key FOR UPDATE")
                .param("key", row.caseKey()).query(StatisticsStore::row).optional();
        if (old.isPresent() && old.get().equals(row)) {
            return;
        }
        old.ifPresent(o -> apply(o, -1));
        upsert(row);
        apply(row, 1);
    }

    private void upsert(StatRow r) {
        jdbc.sql("""
                INSERT INTO stats_case (case_key, application_id, programme_key, year, ags, kreis, regierungsbezirk,
                    kind, priority, outcome, eligible, requested, granted, paid, recovered, submitted_on, decided_on,
                    first_payout_on, proof_due_on, proof_checked_on, stage, stage_since, next_due, reviewer, historic)
                VALUES (:key, :application, :programme, :year, :ags, :kreis, :rb, :kind, :priority, :outcome,
                    :eligible, :requested, :granted, :paid, :recovered, :submitted, :decided, :firstPayout, :proofDue,
                    :proofChecked, :stage, :stageSince, :nextDue, :reviewer, :historic)
                ON CONFLICT (case_key) DO UPDATE SET programme_key = EXCLUDED.programme_key, year = EXCLUDED.year,
                    ags = EXCLUDED.ags, kreis = EXCLUDED.kreis, regierungsbezirk = EXCLUDED.regierungsbezirk,
                    kind = EXCLUDED.kind, priority = EXCLUDED.priority, outcome = EXCLUDED.outcome,
                    eligible = EXCLUDED.eligible, requested = EXCLUDED.requested, granted = EXCLUDED.granted,
                    paid = EXCLUDED.paid, recovered = EXCLUDED.recovered, submitted_on = EXCLUDED.submitted_on,
                    decided_on = EXCLUDED.decided_on, first_payout_on = EXCLUDED.first_payout_on,
                    proof_due_on = EXCLUDED.proof_due_on, proof_checked_on = EXCLUDED.proof_checked_on,
                    stage = EXCLUDED.stage, stage_since = EXCLUDED.stage_since, next_due = EXCLUDED.next_due,
                    reviewer = EXCLUDED.reviewer, historic = EXCLUDED.historic""")
                .param("key", r.caseKey()).param("application", r.applicationId()).param("programme", r.programmeKey())
                .param("year", r.year()).param("ags", r.ags()).param("kreis", r.kreis())
                .param("rb", r.regierungsbezirk()).param("kind", r.kind()).param("priority", r.priority())
                .param("outcome", r.outcome()).param("eligible", r.eligible()).param("requested", r.requested())
                .param("granted", r.granted()).param("paid", r.paid()).param("recovered", r.recovered())
                .param("submitted", r.submittedOn()).param("decided", r.decidedOn())
                .param("firstPayout", r.firstPayoutOn()).param("proofDue", r.proofDueOn())
                .param("proofChecked", r.proofCheckedOn()).param("stage", r.stage())
                .param("stageSince", r.stageSince()).param("nextDue", r.nextDue()).param("reviewer", r.reviewer())
                .param("historic", r.historic()).update();
    }

    /**
     * Adds (sign 1) or removes (sign -1) the row's contribution to every aggregate, as pending deltas: plain inserts,
     * so that concurrent changes of cases never wait for each other on a year's row.
     */
    private void apply(StatRow r, int sign) {
        if (!r.counts()) {
            return;
        }
        long one = sign;
        BigDecimal factor = BigDecimal.valueOf(sign);
        jdbc.sql("""
                INSERT INTO stats_year_pending (programme_key, year, applications, eligible, approved, rejected,
                    lapsed, withdrawn, requested, granted, paid, recovered)
                VALUES (:programme, :year, :applications, :eligible, :approved, :rejected, :lapsed, :withdrawn,
                    :requested, :granted, :paid, :recovered)""")
                .param("programme", r.programmeKey()).param("year", r.year()).param("applications", one)
                .param("eligible", Boolean.TRUE.equals(r.eligible()) ? one : 0L)
                .param("approved", r.approved() ? one : 0L)
                .param("rejected", StatRow.REJECTED.equals(r.outcome()) ? one : 0L)
                .param("lapsed", StatRow.LAPSED.equals(r.outcome()) ? one : 0L)
                .param("withdrawn", StatRow.WITHDRAWN.equals(r.outcome()) ? one : 0L)
                .param("requested", r.requested().multiply(factor))
                .param("granted", r.approved() ? r.granted().multiply(factor) : BigDecimal.ZERO)
                .param("paid", r.paid().multiply(factor)).param("recovered", r.recovered().multiply(factor))
                .update();
        jdbc.sql("""
                INSERT INTO stats_municipality_year_pending (programme_key, year, ags, applications, funded)
                VALUES (:programme, :year, :ags, :applications, :funded)""")
                .param("programme", r.programmeKey()).param("year", r.year()).param("ags", r.ags())
                .param("applications", one).param("funded", r.approved() ? one : 0L).update();
        for (Map.Entry<String, String> dimension : r.dimensions().entrySet()) {
            if (dimension.getValue() == null) {
                continue;
            }
            jdbc.sql("""
                    INSERT INTO stats_breakdown_pending (programme_key, year, dimension, value, applications,
                        approved, granted)
                    VALUES (:programme, :year, :dimension, :value, :applications, :approved, :granted)""")
                    .param("programme", r.programmeKey()).param("year", r.year())
                    .param("dimension", dimension.getKey()).param("value", dimension.getValue())
                    .param("applications", one).param("approved", r.approved() ? one : 0L)
                    .param("granted", r.approved() ? r.granted().multiply(factor) : BigDecimal.ZERO).update();
        }
        for (Map.Entry<String, Integer> duration : r.durations().entrySet()) {
            jdbc.sql("""
                    INSERT INTO stats_duration_pending (programme_key, year, stage, days, cases)
                    VALUES (:programme, :year, :stage, :days, :cases)""")
                    .param("programme", r.programmeKey()).param("year", r.year()).param("stage", duration.getKey())
                    .param("days", duration.getValue()).param("cases", one).update();
        }
    }

    /** Folds the pending deltas into the aggregates, each table in one statement. */
    void fold() {
        fold("stats_year", "programme_key, year", "applications, eligible, approved, rejected, lapsed, withdrawn,"
                + " requested, granted, paid, recovered");
        fold("stats_municipality_year", "programme_key, year, ags", "applications, funded");
        fold("stats_breakdown", "programme_key, year, dimension, value", "applications, approved, granted");
        fold("stats_duration", "programme_key, year, stage, days", "cases");
    }

    private void fold(String table, String keys, String values) {
        String sums = java.util.Arrays.stream(values.split(",\\s*")).map(v -> "SUM(" + v + ")")
                .collect(java.util.stream.Collectors.joining(", "));
        String updates = java.util.Arrays.stream(values.split(",\\s*")).map(v -> v + " = a." + v + " + EXCLUDED." + v)
                .collect(java.util.stream.Collectors.joining(", "));
        jdbc.sql("WITH moved AS (DELETE FROM " + table + "_pending RETURNING *) INSERT INTO " + table + " AS a ("
                + keys + ", " + values + ") SELECT " + keys + ", " + sums + " FROM moved GROUP BY " + keys
                + " ON CONFLICT (" + keys + ") DO UPDATE SET " + updates).update();
    }

    /** Recomputes a programme's aggregates from its case rows (after a bulk load, or to check the deltas). */
    void rebuild(String programme) {
        for (String table : new String[] {"stats_year", "stats_municipality_year", "stats_breakdown", "stats_duration"}) {
            jdbc.sql("DELETE FROM " + table + " WHERE programme_key = :p").param("p", programme).update();
            jdbc.sql("DELETE FROM " + table + "_pending WHERE programme_key = :p").param("p", programme).update();
        }
        jdbc.sql("""
                INSERT INTO stats_year (programme_key, year, applications, eligible, approved, rejected, lapsed,
                    withdrawn, requested, granted, paid, recovered)
                SELECT programme_key, year, COUNT(*), COUNT(*) FILTER (WHERE eligible),
                    COUNT(*) FILTER (WHERE outcome = 'approved'), COUNT(*) FILTER (WHERE outcome = 'rejected'),
                    COUNT(*) FILTER (WHERE outcome = 'lapsed'), COUNT(*) FILTER (WHERE outcome = 'withdrawn'),
                    SUM(requested), COALESCE(SUM(granted) FILTER (WHERE outcome = 'approved'), 0), SUM(paid),
                    SUM(recovered)
                FROM stats_case WHERE programme_key = :p AND year IS NOT NULL GROUP BY programme_key, year""")
                .param("p", programme).update();
        jdbc.sql("""
                INSERT INTO stats_municipality_year (programme_key, year, ags, applications, funded)
                SELECT programme_key, year, ags, COUNT(*), COUNT(*) FILTER (WHERE outcome = 'approved')
                FROM stats_case WHERE programme_key = :p AND year IS NOT NULL GROUP BY programme_key, year, ags""")
                .param("p", programme).update();
        jdbc.sql("""
                INSERT INTO stats_breakdown (programme_key, year, dimension, value, applications, approved, granted)
                SELECT programme_key, year, dimension, value, COUNT(*), COUNT(*) FILTER (WHERE outcome = 'approved'),
                    COALESCE(SUM(granted) FILTER (WHERE outcome = 'approved'), 0)
                FROM stats_case, LATERAL (VALUES ('regierungsbezirk', regierungsbezirk), ('kreis', kreis),
                    ('kind', kind), ('priority', priority)) AS d (dimension, value)
                WHERE programme_key = :p AND year IS NOT NULL AND value IS NOT NULL
                GROUP BY programme_key, year, dimension, value""")
                .param("p", programme).update();
        jdbc.sql("""
                INSERT INTO stats_duration (programme_key, year, stage, days, cases)
                SELECT c.programme_key, c.year, d.stage_name, d.days, COUNT(*)
                FROM stats_case c, LATERAL (VALUES
                    -- GREATEST ignores NULL, so an unfinished stage must stay NULL explicitly
                    ('submissionToDecision', CASE WHEN c.decided_on IS NOT NULL AND c.submitted_on IS NOT NULL
                        THEN GREATEST(0, c.decided_on - c.submitted_on) END),
                    ('decisionToFirstPayout', CASE WHEN c.first_payout_on IS NOT NULL AND c.decided_on IS NOT NULL
                        THEN GREATEST(0, c.first_payout_on - c.decided_on) END),
                    ('proofDueToProofChecked', CASE WHEN c.proof_checked_on IS NOT NULL AND c.proof_due_on IS NOT NULL
                        THEN GREATEST(0, c.proof_checked_on - c.proof_due_on) END)) AS d (stage_name, days)
                WHERE c.programme_key = :p AND c.year IS NOT NULL AND d.days IS NOT NULL
                GROUP BY c.programme_key, c.year, d.stage_name, d.days""")
                .param("p", programme).update();
    }

    static StatRow row(ResultSet rs, int n) throws SQLException {
        return new StatRow(rs.getString("case_key"), rs.getObject("application_id", UUID.class),
                rs.getString("programme_key"), (Integer) rs.getObject("year"), rs.getString("ags"),
                rs.getString("kreis"), rs.getString("regierungsbezirk"), rs.getString("kind"),
                rs.getString("priority"), rs.getString("outcome"), (Boolean) rs.getObject("eligible"),
                rs.getBigDecimal("requested"), rs.getBigDecimal("granted"), rs.getBigDecimal("paid"),
                rs.getBigDecimal("recovered"), date(rs, "submitted_on"), date(rs, "decided_on"),
                date(rs, "first_payout_on"), date(rs, "proof_due_on"), date(rs, "proof_checked_on"),
                rs.getString("stage"), date(rs, "stage_since"), date(rs, "next_due"), rs.getString("reviewer"),
                rs.getBoolean("historic"));
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }
}
