package de.grantflow.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.grantflow.ApiClient;
import de.grantflow.TestClock;
import de.grantflow.application.ApplicationStatus;
import de.grantflow.application.CaseFixtures;
import de.grantflow.programme.ProgrammeCatalog;
import de.grantflow.security.TestUsers;
import de.grantflow.security.UserAccounts;
import de.grantflow.statistics.ProgrammeStatistics;
import de.grantflow.statistics.ProgrammeStatistics.Year;
import de.grantflow.statistics.StatisticsTestAccess;
import de.grantflow.web.PageSession;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.test.context.ActiveProfiles;

/**
 * The dashboard as programme managers, evaluators and others open it, over real HTTP on the embedded PostgreSQL, with
 * cases walked through the procedure by the demo users: the page shows what the statistics count.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DashboardPageTest {

    private static final Numbers GERMAN = new Numbers(Locale.GERMAN);

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;
    @Autowired CaseFixtures cases;
    @Autowired TestClock clock;
    @Autowired StatisticsTestAccess statistics;
    @Autowired ProgrammeCatalog programmes;
    @Autowired MessageSource messages;

    @BeforeEach
    void setUp() {
        TestUsers.ensureDemoUsers(accounts);
        cases.ensureUsers();
        clock.reset();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void showsAManagerTheFiguresAsTheStatisticsCountThemWithMunicipalitiesCountedOnceInTheTotal() {
        approved("Lotsen 2026", 12_000, 2026);
        approved("Lotsen 2027", 14_000, 2027);
        UUID open = cases.submit("antrag.duisburg", "kommin-nrw", CaseFixtures.kommIn("Offen in Duisburg", 9_000));

        PageSession manager = new PageSession(port);
        assertThat(manager.loginAndFollow("programm")).endsWith("/dashboard");
        String start = manager.get("/dashboard").body();
        assertThat(start).contains("<title>Programmzahlen – grantflow</title>", "KOMM-IN NRW",
                "href=\"/dashboard/kommin-nrw\"", "<label for=\"programme\">", "<label for=\"from\">");
        assertThat(HtmlTable.read(start, "programmes").row("KOMM-IN NRW – Innovation in der kommunalen"
                + " Integrationsarbeit")).contains("2026–2026");

        HttpResponse<String> page = manager.get("/dashboard/kommin-nrw?from=2026&to=2027");

        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.body();
        ProgrammeStatistics expected = statistics.of(programmes.get("kommin-nrw"), 2026, 2027);
        HtmlTable report = HtmlTable.read(html, "report");
        for (Year y : expected.years()) {
            assertThat(report.row(String.valueOf(y.year()))).containsExactly(String.valueOf(y.year()),
                    GERMAN.count(y.municipalitiesFunded()), GERMAN.count(y.projectsFunded()),
                    GERMAN.millions(y.granted()));
        }
        long sumOfYears = expected.years().stream().mapToLong(Year::municipalitiesFunded).sum();
        long distinct = expected.totals().municipalitiesFundedDistinct();
        assertThat(distinct).as("Dortmund was funded in both years").isLessThan(sumOfYears).isPositive();
        assertThat(report.foot()).containsExactly(List.of("Gesamt", GERMAN.count(distinct),
                GERMAN.count(expected.totals().projectsFunded()), GERMAN.millions(expected.totals().granted())));
        assertThat(html).contains("Summe der Jahreswerte: " + sumOfYears);

        HtmlTable perYear = HtmlTable.read(html, "cases");
        HtmlTable money = HtmlTable.read(html, "money");
        for (Year y : expected.years()) {
            String year = String.valueOf(y.year());
            assertThat(perYear.row(year)).containsExactly(year, GERMAN.count(y.applications()),
                    GERMAN.count(y.eligible()), GERMAN.count(y.approved()), GERMAN.count(y.rejected()),
                    GERMAN.count(y.lapsed()), GERMAN.count(y.withdrawn()), GERMAN.count(y.municipalities()),
                    GERMAN.percent(y.approvalRate()));
            assertThat(money.row(year)).containsExactly(year, GERMAN.money(y.requested()),
                    GERMAN.money(y.granted()), GERMAN.money(y.paid()), GERMAN.money(y.recovered()));
        }
        assertThat(expected.years().get(1).approved()).isPositive();
        assertThat(money.foot().get(0).get(2)).isEqualTo(GERMAN.money(expected.totals().granted()))
                .matches("\\d{1,3}(\\.\\d{3})*,\\d\\d\u00a0€");
        assertThat(HtmlTable.read(html, "funnel").row("bewilligt").get(1))
                .isEqualTo(GERMAN.count(expected.totals().approved()));
        assertThat(HtmlTable.read(html, "durations").row("Eingang bis Entscheidung")).containsExactly(
                "Eingang bis Entscheidung",
                GERMAN.count(expected.durations().get("submissionToDecision").cases()),
                GERMAN.days(expected.durations().get("submissionToDecision").medianDays()),
                GERMAN.days(expected.durations().get("submissionToDecision").p90Days()));
        expected.breakdowns().get("regierungsbezirk").forEach(region -> assertThat(HtmlTable.read(html, "regions")
                .row(region.value())).containsExactly(region.value(), GERMAN.count(region.applications()),
                GERMAN.count(region.approved()), GERMAN.money(region.granted())));
        assertThat(HtmlTable.read(html, "regions").row("Arnsberg").get(2)).isNotEqualTo("0");

        assertThat(cases.status(open)).isEqualTo(ApplicationStatus.SUBMITTED);
        ProgrammeStatistics now = statistics.of(programmes.get("kommin-nrw"), 2026, 2027);
        HtmlTable backlog = HtmlTable.read(html, "backlog-stage");
        assertThat(backlog.body()).hasSize(now.openWork().byStage().size());
        now.openWork().byStage().forEach((stage, count) -> assertThat(backlog.row(messages.getMessage(
                "dashboard.status." + stage, null, Locale.GERMAN)).get(1)).isEqualTo(GERMAN.count(count)));
        assertThat(backlog.row("Eingegangen").get(1)).isNotEqualTo("0");
        assertThat(html).contains("Davon mit überschrittener Frist: " + GERMAN.count(now.openWork().overdue()));

        assertThat(html).contains("<title>KOMM-IN NRW: Zahlen – grantflow</title>", "<caption id=\"report-caption\">",
                "<th scope=\"col\"", "<th scope=\"row\"", "role=\"img\"", "/js/dashboard.js");
        assertThat(html).containsPattern("<script src=\"/webjars/chart.js/[0-9.]+/dist/chart.umd.js\" defer>");
        assertThat(html.split("<h1", -1)).hasSize(2);
        assertThat(html).containsPattern("<canvas id=\"chart-cases\" role=\"img\"[^>]*data-chart=\"\\{[^\"]*"
                + "&quot;labels&quot;:\\[&quot;2026&quot;,&quot;2027&quot;\\]");
        assertThat(html).containsPattern("aria-label=\"Säulendiagramm: Anträge und Bewilligungen je Jahr von 2026 bis"
                + " 2027; insgesamt " + GERMAN.count(expected.totals().applications()) + " Anträge");
        assertThat(webjar(manager).statusCode()).as("the charts' library is served").isEqualTo(200);
    }

    @Test
    void opensWithTheYearsFromTheProgrammesFirstCallToTheCurrentYear() {
        clock.set(LocalDateTime.of(2027, 5, 3, 9, 0));
        PageSession manager = new PageSession(port);
        manager.login("programm", "demo");

        String html = manager.get("/dashboard/kommin-nrw").body();

        assertThat(html).contains("Förderjahre 2026 bis 2027");
        assertThat(HtmlTable.read(html, "report").body()).extracting(row -> row.get(0)).containsExactly("2026",
                "2027");
    }

    @Test
    void showsEvaluatorsTheAnonymisedFiguresOnly() {
        PageSession evaluator = new PageSession(port);
        assertThat(evaluator.loginAndFollow("evaluation")).endsWith("/dashboard");

        HttpResponse<String> page = evaluator.get("/dashboard/kommin-nrw?from=2026&to=2026");

        assertThat(page.statusCode()).isEqualTo(200);
        ProgrammeStatistics expected = statistics.of(programmes.get("kommin-nrw"), 2026, 2026);
        assertThat(HtmlTable.read(page.body(), "report").foot().get(0).get(1))
                .isEqualTo(GERMAN.count(expected.totals().municipalitiesFundedDistinct()));
        assertThat(page.body()).contains("Anonymisierte Zahlen").doesNotContain("id=\"backlog-stage\"",
                "id=\"workload\"", "pruefer", "Offene Vorgänge");
    }

    @Test
    void refusesEveryoneWhomTheStatisticsRulesRefuse() {
        for (String user : List.of("antrag.dortmund", "pruefer", "bewilliger")) {
            PageSession session = new PageSession(port);
            session.login(user, "demo");
            for (String path : List.of("/dashboard", "/dashboard/kommin-nrw")) {
                HttpResponse<String> refused = session.get(path);
                assertThat(refused.statusCode()).as(user + " " + path).isEqualTo(403);
                assertThat(refused.body()).as(user + " " + path).doesNotContain("Mittel in Mio. Euro", "Jahr;");
            }
        }
        assertThat(new PageSession(port).get("/dashboard/kommin-nrw").statusCode()).as("not signed in")
                .isEqualTo(302);
        PageSession manager = new PageSession(port);
        manager.login("programm", "demo");
        assertThat(manager.get("/dashboard/no-such-programme").statusCode()).isEqualTo(404);
    }

    @Test
    void namesAWrongYearAtItsFieldAndChangesToTheChosenProgramme() {
        PageSession manager = new PageSession(port);
        manager.login("programm", "demo");

        HttpResponse<String> reversed = manager.get("/dashboard/kommin-nrw?from=2027&to=2020");
        assertThat(reversed.statusCode()).isEqualTo(400);
        assertThat(reversed.body()).contains("role=\"alert\"", "<a href=\"#from\">",
                "„Von“ darf nicht nach „Bis“ liegen; der Zeitraum umfasst höchstens 100 Jahre.",
                "value=\"2027\" aria-invalid=\"true\" aria-describedby=\"from-error years-hint\"",
                "<p class=\"field-error\" id=\"from-error\">")
                .doesNotContain("id=\"report\"");

        HttpResponse<String> typo = manager.get("/dashboard?programme=kommin-nrw&from=20x6&to=");
        assertThat(typo.statusCode()).isEqualTo(400);
        assertThat(typo.body()).contains("Bitte ein Jahr mit vier Ziffern angeben", "value=\"20x6\"",
                "<option value=\"kommin-nrw\" selected=\"selected\">");

        HttpResponse<String> chosen = manager.get("/dashboard?programme=kommin-nrw&from=2025&to=");
        assertThat(chosen.statusCode()).isEqualTo(302);
        assertThat(chosen.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l)
                .endsWith("/dashboard/kommin-nrw?from=2025&to=2026"));
        assertThat(manager.get("/dashboard?programme=unknown").body()).contains("Bitte ein Programm wählen.");
    }

    @Test
    void writesMoneyInTheReadersLanguage() {
        approved("Lotsen in English", 10_000, 2026);
        PageSession manager = new PageSession(port);
        manager.login("programm", "demo");

        String english = manager.get("/dashboard/kommin-nrw?from=2026&to=2026&lang=en").body();

        assertThat(english).contains("lang=\"en\"", "Funds in million euros", "Create CSV file");
        String granted = HtmlTable.read(english, "money").foot().get(0).get(2);
        assertThat(granted).matches("€\\d{1,3}(,\\d{3})*\\.\\d\\d");
        String german = manager.get("/dashboard/kommin-nrw?from=2026&to=2026&lang=de").body();
        assertThat(HtmlTable.read(german, "money").foot().get(0).get(2)).matches("\\d{1,3}(\\.\\d{3})*,\\d\\d\u00a0€");
    }

    private HttpResponse<String> webjar(PageSession session) {
        return session.get("/webjars/chart.js/dist/chart.umd.js");
    }

    /** A Dortmund application submitted in the year and approved by reviewer and approver, through the API. */
    private void approved(String title, int amount, int year) {
        clock.set(LocalDateTime.of(year, 3, 2, 9, 0));
        Map<String, Object> data = CaseFixtures.kommIn(title, amount);
        data.put("projectStart", year + "-06-01");
        data.put("projectEnd", (year + 1) + "-05-31");
        ApiClient dortmund = new ApiClient(port, "antrag.dortmund", "demo");
        ApiClient pruefer = new ApiClient(port, "pruefer", "demo");
        ApiClient bewilliger = new ApiClient(port, "bewilliger", "demo");
        String id = dortmund.post("/api/applications", Map.of("programme", "kommin-nrw", "data", data)).body()
                .path("id").asText();
        assertThat(dortmund.post("/api/applications/" + id + "/submit", null).status()).isEqualTo(200);
        assertThat(pruefer.post("/api/tasks/" + pruefer.awaitTask(id, "Task_FormalCheck") + "/complete",
                Map.of("data", Map.of("complete", true))).status()).isEqualTo(204);
        assertThat(pruefer.post("/api/tasks/" + pruefer.awaitTask(id, "Task_Review") + "/complete",
                Map.of("data", Map.of("score", 80, "recommendation", "approve", "proposedAmount", amount,
                        "justification", "Tragfähiges Konzept."))).status()).isEqualTo(204);
        assertThat(bewilliger.post("/api/tasks/" + bewilliger.awaitTask(id, "Task_Decide") + "/complete",
                Map.of("data", Map.of("decision", "approve"))).status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).until(() -> cases.status(UUID.fromString(id)),
                status -> status == ApplicationStatus.APPROVED);
        clock.reset();
    }

}
