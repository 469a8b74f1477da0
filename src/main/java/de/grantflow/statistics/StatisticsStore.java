package de.grantflow.statistics;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
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
        Deltas deltas = new Deltas();
        old.ifPresent(o -> deltas.add(o, -1));
        deltas.add(row, 1);
        upsert(row);
        deltas.write();
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

    /** Folds the pending deltas into the aggregates, each table in one statement. */
    void fold() {
        for (Aggregate aggregate : Aggregate.values()) {
            String sums = aggregate.values.stream().map(v -> "SUM(" + v + ")").collect(Collectors.joining(", "));
            String updates = aggregate.values.stream().map(v -> v + " = a." + v + " + EXCLUDED." + v)
                    .collect(Collectors.joining(", "));
            String keys = String.join(", ", aggregate.keys);
            jdbc.sql("WITH moved AS (DELETE FROM " + aggregate.table + "_pending RETURNING *) INSERT INTO "
                    + aggregate.table + " AS a (" + keys + ", " + String.join(", ", aggregate.values) + ") SELECT "
                    + keys + ", " + sums + " FROM moved GROUP BY " + keys + " ON CONFLICT (" + keys
                    + ") DO UPDATE SET " + updates).update();
        }
    }

    /** Recomputes a programme's aggregates from its case rows (after a bulk load, or to check the deltas). */
    void rebuild(String programme) {
        for (Aggregate aggregate : Aggregate.values()) {
            jdbc.sql("DELETE FROM " + aggregate.table + " WHERE programme_key = :p").param("p", programme).update();
            jdbc.sql("DELETE FROM " + aggregate.table + "_pending WHERE programme_key = :p").param("p", programme)
                    .update();
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

    /** The aggregate tables: each has a table of pending deltas with the same columns, folded in every second. */
    private enum Aggregate {
        YEAR("stats_year", List.of("programme_key", "year"), List.of("applications", "eligible", "approved",
                "rejected", "lapsed", "withdrawn", "requested", "granted", "paid", "recovered")),
        MUNICIPALITY_YEAR("stats_municipality_year", List.of("programme_key", "year", "ags"),
                List.of("applications", "funded")),
        BREAKDOWN("stats_breakdown", List.of("programme_key", "year", "dimension", "value"),
                List.of("applications", "approved", "granted")),
        DURATION("stats_duration", List.of("programme_key", "year", "stage", "days"), List.of("cases"));

        final String table;
        final List<String> keys;
        final List<String> values;

        Aggregate(String table, List<String> keys, List<String> values) {
            this.table = table;
            this.keys = keys;
            this.values = values;
        }
    }

    /**
     * The net change of the aggregates when one case row changes: the old row's contribution out (sign -1), the new
     * one's in (sign 1), summed per aggregate row. What cancels out is not written (a case that only moves to its next
     * stage changes no count), the rest goes in one plain insert per table, so that concurrent changes of cases never
     * wait for each other on a year's row.
     */
    private final class Deltas {

        private final Map<Aggregate, Map<List<Object>, List<BigDecimal>>> rows = new EnumMap<>(Aggregate.class);

        void add(StatRow r, int sign) {
            if (!r.counts()) {
                return;
            }
            BigDecimal one = BigDecimal.valueOf(sign);
            BigDecimal approved = r.approved() ? one : BigDecimal.ZERO;
            BigDecimal granted = r.approved() ? r.granted().multiply(one) : BigDecimal.ZERO;
            add(Aggregate.YEAR, Arrays.asList(r.programmeKey(), r.year()), one,
                    Boolean.TRUE.equals(r.eligible()) ? one : BigDecimal.ZERO, approved,
                    StatRow.REJECTED.equals(r.outcome()) ? one : BigDecimal.ZERO,
                    StatRow.LAPSED.equals(r.outcome()) ? one : BigDecimal.ZERO,
                    StatRow.WITHDRAWN.equals(r.outcome()) ? one : BigDecimal.ZERO,
                    r.requested().multiply(one), granted, r.paid().multiply(one), r.recovered().multiply(one));
            add(Aggregate.MUNICIPALITY_YEAR, Arrays.asList(r.programmeKey(), r.year(), r.ags()), one, approved);
            r.dimensions().forEach((dimension, value) -> {
                if (value != null) {
                    add(Aggregate.BREAKDOWN, Arrays.asList(r.programmeKey(), r.year(), dimension, value), one, approved,
                            granted);
                }
            });
            r.durations().forEach((stage, days) -> add(Aggregate.DURATION,
                    Arrays.asList(r.programmeKey(), r.year(), stage, days), one));
        }

        /** The key's and the values' order is that of the aggregate's key and value columns. */
        private void add(Aggregate aggregate, List<Object> key, BigDecimal... values) {
            rows.computeIfAbsent(aggregate, a -> new LinkedHashMap<>()).merge(key, List.of(values),
                    (sum, more) -> IntStream.range(0, sum.size()).mapToObj(i -> sum.get(i).add(more.get(i))).toList());
        }

        void write() {
            rows.forEach((aggregate, deltas) -> {
                List<Object> params = new ArrayList<>();
                deltas.forEach((key, values) -> {
                    if (values.stream().anyMatch(v -> v.signum() != 0)) {
                        params.addAll(key);
                        params.addAll(values);
                    }
                });
                if (params.isEmpty()) {
                    return;
                }
                int columns = aggregate.keys.size() + aggregate.values.size();
                String row = "(" + String.join(", ", Collections.nCopies(columns, "?")) + ")";
                jdbc.sql("INSERT INTO " + aggregate.table + "_pending (" + String.join(", ", aggregate.keys) + ", "
                                + String.join(", ", aggregate.values) + ") VALUES "
                                + String.join(", ", Collections.nCopies(params.size() / columns, row)))
                        .params(params).update();
            });
        }
    }
}
