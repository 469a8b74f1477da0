package de.grantflow.statistics;

import de.grantflow.programme.Programme;
import de.grantflow.statistics.ProgrammeStatistics.Breakdown;
import de.grantflow.statistics.ProgrammeStatistics.Duration;
import de.grantflow.statistics.ProgrammeStatistics.OpenWork;
import de.grantflow.statistics.ProgrammeStatistics.Totals;
import de.grantflow.statistics.ProgrammeStatistics.Workload;
import de.grantflow.statistics.ProgrammeStatistics.Year;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads a programme's figures from the aggregates (a few rows per year, whatever the number of cases) and its open work
 * from the open cases only.
 */
@Component
class StatisticsQuery {

    private static final ZoneId AUTHORITY_ZONE = ZoneId.of("Europe/Berlin");
    private static final List<String> STAGES = List.of("submissionToDecision", "decisionToFirstPayout",
            "proofDueToProofChecked");

    private final JdbcClient jdbc;
    private final Clock clock;

    StatisticsQuery(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    ProgrammeStatistics of(Programme programme, int from, int to) {
        String key = programme.key();
        Map<Integer, long[]> municipalities = new HashMap<>();
        jdbc.sql("""
                SELECT year, COUNT(*) FILTER (WHERE applications > 0), COUNT(*) FILTER (WHERE funded > 0)
                FROM (SELECT year, ags, SUM(applications) AS applications, SUM(funded) AS funded
                      FROM """ + both("stats_municipality_year") + """
                      WHERE programme_key = :key AND year BETWEEN :from AND :to GROUP BY year, ags) m
                GROUP BY year""")
                .param("key", key).param("from", from).param("to", to)
                .query((rs, n) -> municipalities.put(rs.getInt(1), new long[] {rs.getLong(2), rs.getLong(3)}))
                .list();
        Map<Integer, Year> byYear = new HashMap<>();
        jdbc.sql("""
                SELECT year, SUM(applications) AS applications, SUM(eligible) AS eligible, SUM(approved) AS approved,
                    SUM(rejected) AS rejected, SUM(lapsed) AS lapsed, SUM(withdrawn) AS withdrawn,
                    SUM(requested) AS requested, SUM(granted) AS granted, SUM(paid) AS paid,
                    SUM(recovered) AS recovered
                FROM """ + both("stats_year") + """
                WHERE programme_key = :key AND year BETWEEN :from AND :to GROUP BY year""")
                .param("key", key).param("from", from).param("to", to)
                .query((rs, n) -> {
                    int year = rs.getInt("year");
                    long[] m = municipalities.getOrDefault(year, new long[2]);
                    long approved = rs.getLong("approved");
                    long rejected = rs.getLong("rejected");
                    return byYear.put(year, new Year(year, rs.getLong("applications"), rs.getLong("eligible"),
                            approved, rejected, rs.getLong("lapsed"), rs.getLong("withdrawn"), m[0], m[1], approved,
                            rs.getBigDecimal("requested"), rs.getBigDecimal("granted"), rs.getBigDecimal("paid"),
                            rs.getBigDecimal("recovered"), rate(approved, rejected)));
                }).list();
        List<Year> years = new ArrayList<>();
        for (int year = from; year <= to; year++) {
            years.add(byYear.getOrDefault(year, new Year(year, 0, 0, 0, 0, 0, 0, 0, 0, 0, BigDecimal.ZERO.setScale(2),
                    BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2), null)));
        }
        long[] distinct = jdbc.sql("""
                SELECT COUNT(DISTINCT ags) FILTER (WHERE applications > 0),
                    COUNT(DISTINCT ags) FILTER (WHERE funded > 0)
                FROM (SELECT year, ags, SUM(applications) AS applications, SUM(funded) AS funded
                      FROM """ + both("stats_municipality_year") + """
                      WHERE programme_key = :key AND year BETWEEN :from AND :to GROUP BY year, ags) m""")
                .param("key", key).param("from", from).param("to", to)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        long approved = years.stream().mapToLong(Year::approved).sum();
        long rejected = years.stream().mapToLong(Year::rejected).sum();
        Totals totals = new Totals(years.stream().mapToLong(Year::applications).sum(),
                years.stream().mapToLong(Year::eligible).sum(), approved, rejected,
                years.stream().mapToLong(Year::lapsed).sum(), years.stream().mapToLong(Year::withdrawn).sum(),
                years.stream().mapToLong(Year::municipalities).sum(),
                years.stream().mapToLong(Year::municipalitiesFunded).sum(), distinct[0], distinct[1], approved,
                sum(years, Year::requested), sum(years, Year::granted), sum(years, Year::paid),
                sum(years, Year::recovered), rate(approved, rejected));
        return new ProgrammeStatistics(key, from, to, years, totals, durations(key, from, to), openWork(key),
                breakdowns(key, from, to), workload(programme));
    }

    private Map<String, Duration> durations(String key, int from, int to) {
        Map<String, TreeMap<Integer, Long>> histograms = new HashMap<>();
        jdbc.sql("""
                SELECT stage, days, SUM(cases) FROM """ + both("stats_duration") + """
                WHERE programme_key = :key AND year BETWEEN :from AND :to GROUP BY stage, days
                HAVING SUM(cases) > 0""")
                .param("key", key).param("from", from).param("to", to)
                .query((rs, n) -> histograms.computeIfAbsent(rs.getString(1), s -> new TreeMap<>())
                        .put(rs.getInt(2), rs.getLong(3)))
                .list();
        Map<String, Duration> durations = new LinkedHashMap<>();
        for (String stage : STAGES) {
            TreeMap<Integer, Long> histogram = histograms.getOrDefault(stage, new TreeMap<>());
            long cases = histogram.values().stream().mapToLong(Long::longValue).sum();
            durations.put(stage, new Duration(cases, percentile(histogram, cases, 0.5),
                    percentile(histogram, cases, 0.9)));
        }
        return durations;
    }

    /** The percentile of a histogram of whole days, interpolated between ranks as PostgreSQL's percentile_cont. */
    static Double percentile(TreeMap<Integer, Long> histogram, long cases, double p) {
        if (cases == 0) {
            return null;
        }
        double rank = p * (cases - 1);
        long lower = (long) Math.floor(rank);
        double fraction = rank - lower;
        Integer lowerValue = valueAt(histogram, lower);
        Integer upperValue = valueAt(histogram, Math.min(cases - 1, lower + 1));
        return lowerValue + fraction * (upperValue - lowerValue);
    }

    private static Integer valueAt(TreeMap<Integer, Long> histogram, long index) {
        long seen = 0;
        for (Map.Entry<Integer, Long> bucket : histogram.entrySet()) {
            seen += bucket.getValue();
            if (index < seen) {
                return bucket.getKey();
            }
        }
        return histogram.lastKey();
    }

    private OpenWork openWork(String key) {
        LocalDate today = LocalDate.now(clock.withZone(AUTHORITY_ZONE));
        Map<String, Long> byStage = new TreeMap<>();
        Map<String, Long> byAge = new LinkedHashMap<>();
        for (String bucket : List.of("0-7", "8-30", "31-90", "91+")) {
            byAge.put(bucket, 0L);
        }
        long[] overdue = {0};
        jdbc.sql("""
                SELECT stage, (:today - stage_since) AS age, (next_due IS NOT NULL AND next_due < :today) AS late,
                    COUNT(*) FROM stats_case WHERE programme_key = :key AND stage IS NOT NULL
                GROUP BY stage, age, late""")
                .param("key", key).param("today", today)
                .query((rs, n) -> {
                    long count = rs.getLong(4);
                    byStage.merge(rs.getString(1), count, Long::sum);
                    int age = rs.getInt(2);
                    byAge.merge(age <= 7 ? "0-7" : age <= 30 ? "8-30" : age <= 90 ? "31-90" : "91+", count, Long::sum);
                    if (rs.getBoolean(3)) {
                        overdue[0] += count;
                    }
                    return null;
                }).list();
        return new OpenWork(byStage, byAge, overdue[0]);
    }

    private Map<String, List<Breakdown>> breakdowns(String key, int from, int to) {
        Map<String, List<Breakdown>> breakdowns = new LinkedHashMap<>();
        for (String dimension : List.of("regierungsbezirk", "kreis", "kind", "priority")) {
            breakdowns.put(dimension, new ArrayList<>());
        }
        jdbc.sql("""
                SELECT dimension, value, SUM(applications), SUM(approved), SUM(granted)
                FROM """ + both("stats_breakdown") + """
                WHERE programme_key = :key AND year BETWEEN :from AND :to
                GROUP BY dimension, value HAVING SUM(applications) > 0
                ORDER BY dimension, SUM(applications) DESC, value""")
                .param("key", key).param("from", from).param("to", to)
                .query((rs, n) -> breakdowns.get(rs.getString(1)).add(new Breakdown(rs.getString(2), rs.getLong(3),
                        rs.getLong(4), rs.getBigDecimal(5))))
                .list();
        return breakdowns;
    }

    /**
     * Open tasks of the programme's authority per person (unassigned first), from the engine's runtime tables: the
     * tasks its reviewers and approvers are candidates for, assigned or not. Counted in the database: reading them
     * through the engine's task query took 1.9 s at 105,000 open tasks (twelfth session's page benchmark).
     */
    private List<Workload> workload(Programme programme) {
        String authority = programme.authority().key();
        List<Workload> workload = new ArrayList<>(jdbc.sql("""
                SELECT t.assignee_, count(*) AS open, count(*) FILTER (WHERE t.due_date_ < :now) AS overdue
                FROM act_ru_task t
                WHERE t.suspension_state_ = 1
                  AND EXISTS (SELECT 1 FROM act_ru_identitylink i
                              WHERE i.task_id_ = t.id_ AND i.type_ = 'candidate' AND i.group_id_ IN (:groups))
                GROUP BY t.assignee_""")
                .param("now", Timestamp.from(clock.instant()))
                .param("groups", List.of("reviewer-" + authority, "approver-" + authority))
                .query((rs, n) -> new Workload(rs.getString(1), rs.getLong(2), rs.getLong(3)))
                .list());
        workload.sort(Comparator.comparing(Workload::assignee, Comparator.nullsFirst(Comparator.naturalOrder())));
        return workload;
    }

    /** An aggregate with the deltas not yet folded into it. */
    private static String both(String table) {
        return " (SELECT * FROM " + table + " UNION ALL SELECT * FROM " + table + "_pending) AS s ";
    }

    private static BigDecimal rate(long approved, long rejected) {
        return approved + rejected == 0 ? null : BigDecimal.valueOf(approved)
                .divide(BigDecimal.valueOf(approved + rejected), 3, RoundingMode.HALF_UP);
    }

    private static BigDecimal sum(List<Year> years, java.util.function.Function<Year, BigDecimal> value) {
        return years.stream().map(value).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_UP);
    }
}
