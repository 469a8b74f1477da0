package de.grantflow.benchmark;

import static de.grantflow.benchmark.BenchmarkFigures.round;
import static de.grantflow.benchmark.BenchmarkFigures.percentile;
import static org.assertj.core.api.Assertions.assertThat;

import de.grantflow.application.CaseFixtures;
import de.grantflow.programme.ProgrammeCatalog;
import de.grantflow.security.DemoUsers;
import de.grantflow.security.TestUsers;
import de.grantflow.security.UserAccounts;
import de.grantflow.statistics.StatisticsTestAccess;
import de.grantflow.web.PageSession;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.text.NumberFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 5: a page's server time under 100 ms at 100,000 cases. The statistics' synthetic history gives KOMM-IN NRW
 * 100,000 cases over 2005 to 2025, and the case table gets 100,000 more; a signed-in programme manager, applicant and
 * reviewer then ask for their pages one after another, after a warm-up, and the time to the last byte of each answer on the loopback interface is measured (the server's time plus
 * the loopback, which is well under a millisecond). Writes target/benchmark/pages.{md,json}.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = {"grantflow.db.durable=true", "logging.level.root=WARN",
        "camunda.bpm.job-execution.enabled=false"})
class PageBenchmarkTest {

    private static final int CASES = Integer.getInteger("benchmark.pageCases", 100_000);
    private static final int WARM_UP = 30;
    private static final int RUNS = 50;

    @LocalServerPort int port;
    @Autowired StatisticsTestAccess statistics;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired ProgrammeCatalog programmes;
    @Autowired CaseFixtures cases;
    @Autowired DemoUsers demoUsers;

    @Test
    void measure() throws IOException {
        TestUsers.ensureDemoUsers(accounts);
        assertThat(statistics.synthetic("kommin-nrw", "NW", CASES)).isEqualTo(CASES);
        demoUsers.install();
        UUID real = cases.submit("antrag.dortmund", "kommin-nrw", CaseFixtures.kommIn("Seitenmessung", 20_000));
        insertApplications(CASES);
        jdbc.sql("ANALYZE").update();
        PageSession manager = new PageSession(port);
        manager.login("programm", "demo");
        PageSession applicant = new PageSession(port);
        applicant.login("antrag.dortmund", "demo");
        PageSession reviewer = new PageSession(port);
        reviewer.login("pruefer", "demo");

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("cases", CASES);
        figures.put("applicationRows", jdbc.sql("SELECT count(*) FROM application").query(Long.class).single());
        figures.put("dortmundApplications", jdbc.sql("SELECT count(*) FROM application WHERE municipality_ags ="
                + " '05913000'").query(Long.class).single());
        figures.put("requestsPerPage", RUNS);
        measure(figures, manager, "dashboard", "/dashboard");
        measure(figures, manager, "dashboardFigures", "/dashboard/kommin-nrw?from=2005&to=2026");
        measure(figures, applicant, "portal", "/portal");
        measure(figures, applicant, "portalCase", "/portal/applications/" + real);
        measure(figures, reviewer, "workspace", "/workspace");
        measure(figures, reviewer, "workspaceDossier", "/workspace/cases/" + real);
        // the statistics query alone, in process: what of a page's time is the query, and what the page around it
        double[] query = new double[RUNS];
        for (int i = 0; i < WARM_UP + RUNS; i++) {
            long start = System.nanoTime();
            statistics.of(programmes.get("kommin-nrw"), 2005, 2026);
            if (i >= WARM_UP) {
                query[i - WARM_UP] = (System.nanoTime() - start) / 1e6;
            }
        }
        figures.put("statisticsQueryP50Ms", round(percentile(query, 0.50)));
        figures.put("statisticsQueryP95Ms", round(percentile(query, 0.95)));
        figures.put("loadAverage", round(java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage()));
        figures.put("processors", Runtime.getRuntime().availableProcessors());
        long applications = statistics.of(programmes.get("kommin-nrw"), 2005, 2026).totals().applications();
        assertThat(applications).isGreaterThanOrEqualTo(CASES);
        assertThat(manager.get("/dashboard/kommin-nrw?from=2005&to=2026").body())
                .as("the page counts the synthetic history")
                .contains(NumberFormat.getIntegerInstance(Locale.GERMAN).format(applications));
        BenchmarkFigures.write("pages", figures);
        assertThat((double) figures.get("dashboardFiguresP95Ms")).as("figures are checked in the README, not here")
                .isPositive();
    }

    private static void measure(Map<String, Object> figures, PageSession session, String name, String path) {
        double[] times = new double[RUNS];
        for (int i = 0; i < WARM_UP; i++) {
            assertThat(session.get(path).statusCode()).as(path).isEqualTo(200);
        }
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            HttpResponse<String> answer = session.get(path);
            times[i] = (System.nanoTime() - start) / 1e6;
            assertThat(answer.statusCode()).isEqualTo(200);
        }
        figures.put(name + "P50Ms", round(percentile(times, 0.50)));
        figures.put(name + "P95Ms", round(percentile(times, 0.95)));
    }

    /**
     * Cases in the case table itself, spread over the municipalities of North Rhine-Westphalia (Dortmund gets a few
     * hundred), as the portal and the workspace read them: submitted and in review, without a running procedure.
     */
    private void insertApplications(int count) {
        jdbc.sql("""
                WITH m AS (SELECT array_agg(ags ORDER BY ags) AS a FROM municipality WHERE ags LIKE '05%')
                INSERT INTO application (id, reference, programme_key, municipality_ags, status, data,
                                         requested_amount, created_by, created_at, updated_at, submitted_at)
                SELECT gen_random_uuid(), 'KIN-BENCH-' || g, 'kommin-nrw', m.a[1 + g % array_length(m.a, 1)],
                       'IN_REVIEW', jsonb_build_object('projectTitle', 'Projekt ' || g, 'requestedAmount', 20000,
                       'totalCosts', 40000, 'ownContribution', 10000, 'projectStart', '2026-06-01',
                       'projectEnd', '2027-05-31'),
                       20000, 'benchmark', now() - g * interval '1 minute', now(), now() - g * interval '1 minute'
                FROM generate_series(1, ?) g, m""").param(count).update();
    }
}
