package de.grantflow.statistics;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A synthetic history of historic cases for demos and the statistics benchmark: {@code cases} rows spread over 2005 to
 * 2025 and the programme's state's municipalities, with outcomes, amounts and stage dates drawn from a fixed seed (the
 * same call gives the same history), plus one open case in a thousand. Rows are keyed "synthetic:", so a second call
 * replaces them rather than adding to them. The aggregates are rebuilt from the rows afterwards.
 */
@Component
class SyntheticHistory {

    private final JdbcClient jdbc;
    private final StatisticsStore store;

    SyntheticHistory(JdbcClient jdbc, StatisticsStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    @Transactional
    int generate(String programmeKey, String state, int cases) {
        jdbc.sql("DELETE FROM stats_case WHERE programme_key = :programme AND case_key LIKE 'synthetic:%'")
                .param("programme", programmeKey).update();
        jdbc.sql("SELECT setseed(0.42)").query((rs, n) -> Boolean.TRUE).list();
        int inserted = jdbc.sql("""
                WITH places AS (
                    SELECT ags, kind, kreis_name, regierungsbezirk, row_number() OVER (ORDER BY ags) - 1 AS n,
                        COUNT(*) OVER () AS total
                    FROM municipality WHERE state = :state),
                drawn AS (
                    SELECT i, 2005 + (i % 21) AS year, floor(random() * 1000)::int AS roll,
                        floor(random() * 1000000)::int AS place, (5000 + floor(random() * 45000))::numeric AS requested,
                        floor(random() * 120)::int AS decision_days, floor(random() * 90)::int AS payout_days,
                        floor(random() * 60)::int AS check_days, floor(random() * 365)::int AS day_of_year
                    FROM generate_series(1, :cases) AS i)
                INSERT INTO stats_case (case_key, programme_key, year, ags, kreis, regierungsbezirk, kind, priority,
                    outcome, eligible, requested, granted, paid, recovered, submitted_on, decided_on, first_payout_on,
                    proof_due_on, proof_checked_on, stage, stage_since, next_due, historic)
                SELECT 'synthetic:' || d.i, :programme, d.year, p.ags, p.kreis_name, p.regierungsbezirk, p.kind,
                    (ARRAY['transparenz', 'vernetzung', 'strategische-steuerung'])[1 + d.i % 3],
                    CASE WHEN d.roll < 640 THEN 'approved' WHEN d.roll < 880 THEN 'rejected'
                         WHEN d.roll < 940 THEN 'withdrawn' WHEN d.roll < 999 THEN 'lapsed' ELSE 'pending' END,
                    d.roll < 880,
                    d.requested,
                    CASE WHEN d.roll < 640 THEN round(d.requested * 0.8, 2) ELSE 0 END,
                    CASE WHEN d.roll < 640 THEN round(d.requested * 0.8, 2) ELSE 0 END,
                    CASE WHEN d.roll < 40 THEN round(d.requested * 0.1, 2) ELSE 0 END,
                    make_date(d.year, 1, 1) + d.day_of_year,
                    CASE WHEN d.roll < 940 THEN make_date(d.year, 1, 1) + d.day_of_year + d.decision_days END,
                    CASE WHEN d.roll < 640 THEN make_date(d.year, 1, 1) + d.day_of_year + d.decision_days
                        + d.payout_days END,
                    CASE WHEN d.roll < 640 THEN make_date(d.year + 1, 6, 30) END,
                    CASE WHEN d.roll < 640 THEN make_date(d.year + 1, 6, 30) + d.check_days END,
                    CASE WHEN d.roll >= 999 THEN 'IN_REVIEW' END,
                    CASE WHEN d.roll >= 999 THEN make_date(d.year, 1, 1) + d.day_of_year END,
                    NULL, TRUE
                FROM drawn d JOIN places p ON p.n = d.place % p.total""")
                .param("state", state).param("programme", programmeKey).param("cases", cases).update();
        store.rebuild(programmeKey);
        return inserted;
    }
}
