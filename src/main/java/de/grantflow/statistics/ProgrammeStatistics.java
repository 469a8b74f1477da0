package de.grantflow.statistics;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A programme in figures, per year and in total, with durations, open work and breakdowns. */
public record ProgrammeStatistics(String programme, int from, int to, List<Year> years, Totals totals,
        Map<String, Duration> durations, OpenWork openWork, Map<String, List<Breakdown>> breakdowns,
        List<Workload> workload) {

    /**
     * The figures an external evaluator may see: no open work and no workload (they name staff and follow single
     * cases), and no breakdown by Kreis, which can stand for very few municipalities.
     */
    public ProgrammeStatistics anonymised() {
        Map<String, List<Breakdown>> regions = new LinkedHashMap<>(breakdowns);
        regions.remove("kreis");
        return new ProgrammeStatistics(programme, from, to, years, totals, durations, null, regions, List.of());
    }

    /** One year (of submission). */
    public record Year(int year, long applications, long eligible, long approved, long rejected, long lapsed,
            long withdrawn, long municipalities, long municipalitiesFunded, long projectsFunded, BigDecimal requested,
            BigDecimal granted, BigDecimal paid, BigDecimal recovered, BigDecimal approvalRate) {
    }

    /** The range: sums, and municipalities counted once however many years they appear in. */
    public record Totals(long applications, long eligible, long approved, long rejected, long lapsed, long withdrawn,
            long municipalityYears, long municipalityYearsFunded, long municipalitiesDistinct,
            long municipalitiesFundedDistinct,
            long projectsFunded, BigDecimal requested, BigDecimal granted, BigDecimal paid, BigDecimal recovered,
            BigDecimal approvalRate) {
    }

    /** A stage's duration in days over the cases that completed it. */
    public record Duration(long cases, Double medianDays, Double p90Days) {
    }

    /** Cases still open: by stage, by age in their stage, and those past a deadline. */
    public record OpenWork(Map<String, Long> byStage, Map<String, Long> byAge, long overdue) {
    }

    /** Applications, approvals and money for one value of a dimension. */
    public record Breakdown(String value, long applications, long approved, BigDecimal granted) {
    }

    /** Open tasks of one person at the authority (null: nobody has claimed them yet). */
    public record Workload(String assignee, long openTasks, long overdueTasks) {
    }
}
