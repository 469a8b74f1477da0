package de.grantflow.benchmark;

import static de.grantflow.benchmark.BenchmarkFigures.round;
import static de.grantflow.benchmark.BenchmarkFigures.percentile;
import static org.assertj.core.api.Assertions.assertThat;

import de.grantflow.programme.Programme;
import de.grantflow.programme.ProgrammeCatalog;
import de.grantflow.statistics.ProgrammeStatistics;
import de.grantflow.statistics.StatisticsTestAccess;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * The statistics of a programme with a million cases (the synthetic history generator), on the embedded PostgreSQL
 * with durable settings: the API's query from the aggregates against a baseline that computes the same per-year
 * figures and distinct counts by scanning the cases, in the same run. Writes target/benchmark/statistics.{md,json}.
 */
@Tag("benchmark")
@SpringBootTest
@ActiveProfiles("test")
@TestPropertySource(properties = {"grantflow.db.durable=true", "logging.level.root=WARN",
        "camunda.bpm.job-execution.enabled=false"})
class StatisticsBenchmarkTest {

    private static final int CASES = Integer.getInteger("benchmark.statisticsCases", 1_000_000);
    private static final int RUNS = 200;

    @Autowired StatisticsTestAccess statistics;
    @Autowired ProgrammeCatalog programmes;
    @Autowired JdbcClient jdbc;

    @Test
    void measure() throws IOException {
        Programme programme = programmes.get("kommin-nrw");
        long start = System.nanoTime();
        int generated = statistics.synthetic(programme.key(), "NW", CASES);
        double generateSeconds = (System.nanoTime() - start) / 1e9;
        jdbc.sql("ANALYZE").update();

        for (int i = 0; i < 20; i++) {
            statistics.of(programme, 2005, 2026);
        }
        double[] ours = new double[RUNS];
        ProgrammeStatistics result = null;
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            result = statistics.of(programme, 2005, 2026);
            ours[i] = (System.nanoTime() - t) / 1e6;
        }
        double[] scan = new double[10];
        List<Long> scannedApplications = new ArrayList<>();
        long scannedDistinct = 0;
        for (int i = 0; i < scan.length; i++) {
            long t = System.nanoTime();
            scannedApplications = jdbc.sql("""
                    SELECT year, COUNT(*), COUNT(*) FILTER (WHERE outcome = 'approved'), COUNT(DISTINCT ags),
                        SUM(granted) FROM stats_case WHERE programme_key = :p AND year BETWEEN 2005 AND 2026
                    GROUP BY year ORDER BY year""").param("p", programme.key())
                    .query((rs, n) -> rs.getLong(2)).list();
            scannedDistinct = jdbc.sql("SELECT COUNT(DISTINCT ags) FROM stats_case WHERE programme_key = :p"
                    + " AND year BETWEEN 2005 AND 2026").param("p", programme.key()).query(Long.class).single();
            scan[i] = (System.nanoTime() - t) / 1e6;
        }
        assertThat(generated).isEqualTo(CASES);
        assertThat(result.totals().applications()).isGreaterThanOrEqualTo(CASES);
        assertThat(result.years().stream().filter(y -> y.applications() > 0).map(y -> y.applications()).toList())
                .isEqualTo(scannedApplications);
        assertThat(result.totals().municipalitiesDistinct()).isEqualTo(scannedDistinct);

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("statisticsCases", CASES);
        figures.put("statisticsGenerateSeconds", round(generateSeconds));
        figures.put("statisticsP50Ms", round(percentile(ours, 0.50)));
        figures.put("statisticsP95Ms", round(percentile(ours, 0.95)));
        figures.put("statisticsP99Ms", round(percentile(ours, 0.99)));
        figures.put("scanBaselineP50Ms", round(percentile(scan, 0.50)));
        figures.put("scanToReadModelRatio", round(percentile(scan, 0.50) / percentile(ours, 0.50)));
        figures.put("durablePostgres", true);
        BenchmarkFigures.write("statistics", figures);
        assertThat(percentile(ours, 0.95)).as("figures are checked in the README, not here").isPositive();
    }
}
