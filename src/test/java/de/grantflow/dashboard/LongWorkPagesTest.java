package de.grantflow.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import de.grantflow.ApiClient;
import de.grantflow.ApiClient.Response;
import de.grantflow.calendar.FederalState;
import de.grantflow.register.Municipality;
import de.grantflow.register.MunicipalityRegister;
import de.grantflow.security.TestUsers;
import de.grantflow.security.UserAccounts;
import de.grantflow.web.PageSession;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The programme manager's long work over real HTTP: the import of earlier cases, the programme report and the CSV of
 * the figures run as background jobs whose page shows their progress until they are done; only their owner sees them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LongWorkPagesTest {

    private static final String PROGRAMME = "fluechtlingsdialoge-bw";
    private static final Duration LONG = Duration.ofSeconds(90);
    private static final String HEADER = "reference,ags,year,status,requested,granted,paid,submitted_on,decided_on";

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;
    @Autowired MunicipalityRegister register;

    @BeforeEach
    void users() {
        TestUsers.ensureDemoUsers(accounts);
    }

    @Test
    void importsAnUploadedCsvInTheBackgroundAndTheRowsCountInTheStatistics() {
        List<Municipality> gemeinden = register.all(FederalState.BW).stream().filter(m -> m.ags().length() == 8)
                .toList();
        int n = gemeinden.size();
        assertThat(n).as("Gemeinden of Baden-Württemberg in the register").isGreaterThan(3);
        String run = UUID.randomUUID().toString().substring(0, 8);
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < gemeinden.size(); i++) {
            csv.append("JOB-").append(run).append('-').append(i).append(',').append(gemeinden.get(i).ags())
                    .append(",2014,approved,20000,15000.00,10000.00,2014-02-03,2014-05-06\n");
        }
        long before = applications(2014);

        PageSession manager = new PageSession(port);
        manager.loginAndFollow("programm");
        String figures = manager.get("/dashboard/" + PROGRAMME + "?from=2014&to=2014").body();
        assertThat(figures).contains("<label for=\"legacy-file\">", "enctype=\"multipart/form-data\"",
                "Programmbericht erzeugen");
        HttpResponse<String> started = manager.postFile("/dashboard/" + PROGRAMME + "/legacy-cases",
                manager.csrfFrom(figures), "file", "altfaelle.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(started.statusCode()).isEqualTo(302);
        String jobPage = started.headers().firstValue("Location").orElseThrow();
        assertThat(jobPage).matches(".*/dashboard/jobs/[0-9a-f-]{36}$");
        String path = jobPage.substring(jobPage.indexOf("/dashboard/"));

        String page = manager.get(path).body();
        assertThat(page).contains("<title>Altfälle einlesen – grantflow</title>", "<h1>Altfälle einlesen</h1>",
                "aria-live=\"polite\"", "id=\"job-status\"");
        String done = await().atMost(LONG).pollInterval(Duration.ofMillis(250))
                .until(() -> manager.get(path + "/status").body(), body -> body.contains("Fertig."));
        // the finished fragment no longer polls
        assertThat(done).doesNotContain("hx-trigger").contains(n + " Altfälle eingelesen", "Eingelesene Zeilen: " + n);

        await().atMost(LONG).until(() -> applications(2014) == before + n);
        HtmlTable perYear = HtmlTable.read(manager.get("/dashboard/" + PROGRAMME + "?from=2014&to=2014").body(),
                "cases");
        assertThat(perYear.row("2014").get(1)).isEqualTo(new Numbers(Locale.GERMAN).count(before + n));
        ApiClient api = new ApiClient(port, "programm", "demo");
        JsonNode job = api.get("/api/jobs/" + path.substring(path.lastIndexOf('/') + 1)).body();
        assertThat(job.path("status").asText()).isEqualTo("DONE");
        assertThat(job.path("kind").asText()).isEqualTo("LEGACY_IMPORT");
        assertThat(job.path("total").asInt()).isEqualTo(n);
        assertThat(job.path("done").asInt()).isEqualTo(n);
        assertThat(job.hasNonNull("resultUrl")).isFalse();
        assertThat(manager.get(path + "/result").statusCode()).isEqualTo(409);
    }

    @Test
    void aFileWithABadRowFailsWithItsErrorsInGermanAndImportsNothing() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String csv = HEADER + "\n"
                + "BAD-" + run + "-1,08111000,2013,approved,20000,15000,15000,2013-02-01,2013-05-02\n"
                + "BAD-" + run + "-2,99999999,2013,approved,20000,15000,15000,2013-02-01,2013-05-02\n";
        long before = applications(2013);

        PageSession manager = new PageSession(port);
        manager.loginAndFollow("programm");
        String figures = manager.get("/dashboard/" + PROGRAMME + "?from=2013&to=2013").body();
        String path = jobPath(manager.postFile("/dashboard/" + PROGRAMME + "/legacy-cases",
                manager.csrfFrom(figures), "file", "altfaelle.csv", csv.getBytes(StandardCharsets.UTF_8)));

        String failed = await().atMost(LONG).pollInterval(Duration.ofMillis(250))
                .until(() -> manager.get(path).body(), body -> body.contains("Fehlgeschlagen."));
        assertThat(failed).contains("role=\"alert\"", "es wurde nichts übernommen",
                "Zeile 3, Spalte ags: Keine Gemeinde (8 Stellen) und kein Kreis (5 Stellen)")
                .doesNotContain("hx-trigger", "Zeile 2");
        JsonNode job = new ApiClient(port, "programm", "demo").get("/api/jobs/" + id(path)).body();
        assertThat(job.path("status").asText()).isEqualTo("FAILED");
        assertThat(job.path("errors").findValuesAsText("field")).containsExactly("rows[3].ags");
        assertThat(applications(2013)).isEqualTo(before);
    }

    @Test
    void anUploadWithoutAFileOrWithBinaryContentIsRefusedAtTheField() {
        PageSession manager = new PageSession(port);
        manager.loginAndFollow("programm");
        String figures = manager.get("/dashboard/" + PROGRAMME).body();
        HttpResponse<String> empty = manager.postFile("/dashboard/" + PROGRAMME + "/legacy-cases",
                manager.csrfFrom(figures), "file", "leer.csv", new byte[0]);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("role=\"alert\"", "href=\"#legacy-file\"", "aria-invalid=\"true\"",
                "aria-describedby=\"legacy-file-error legacy-file-hint\"", "Bitte wählen Sie eine CSV-Datei");
        HttpResponse<String> binary = manager.postFile("/dashboard/" + PROGRAMME + "/legacy-cases",
                manager.csrfFrom(figures), "file", "bild.csv", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2});
        assertThat(binary.statusCode()).isEqualTo(400);
        assertThat(binary.body()).contains("keine CSV-Datei in UTF-8");
    }

    @Test
    void theReportJobProducesAPdfThatOnlyItsOwnerSees() {
        PageSession manager = new PageSession(port);
        manager.loginAndFollow("programm");
        String figures = manager.get("/dashboard/" + PROGRAMME + "?from=2013&to=2014").body();
        String path = jobPath(manager.post("/dashboard/" + PROGRAMME + "/report", "from=2013&to=2014&_csrf="
                + URLEncoder.encode(manager.csrfFrom(figures), StandardCharsets.UTF_8)));

        String done = await().atMost(LONG).pollInterval(Duration.ofMillis(250))
                .until(() -> manager.get(path + "/status").body(), body -> body.contains("Fertig."));
        assertThat(done).contains("href=\"" + path + "/result\"", "evaluationsbericht-" + PROGRAMME + "-2013-2014.pdf");
        HttpResponse<String> pdf = manager.get(path + "/result");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.body()).startsWith("%PDF");

        ApiClient api = new ApiClient(port, "programm", "demo");
        JsonNode job = api.get("/api/jobs/" + id(path)).body();
        assertThat(job.path("kind").asText()).isEqualTo("PROGRAMME_REPORT");
        assertThat(job.path("done").asInt()).isEqualTo(job.path("total").asInt()).isPositive();
        assertThat(new String(api.bytes(job.path("resultUrl").asText()), StandardCharsets.ISO_8859_1))
                .startsWith("%PDF");

        PageSession evaluator = new PageSession(port);
        evaluator.loginAndFollow("evaluation");
        assertThat(evaluator.get(path).statusCode()).isEqualTo(404);
        assertThat(evaluator.get(path + "/status").statusCode()).isEqualTo(404);
        assertThat(evaluator.get(path + "/result").statusCode()).isEqualTo(404);
        for (String other : List.of("evaluation", "pruefer", "antrag.dortmund")) {
            ApiClient client = new ApiClient(port, other, "demo");
            assertThat(client.get("/api/jobs/" + id(path)).status()).as(other).isEqualTo(404);
            assertThat(client.get("/api/jobs/" + id(path) + "/result").status()).as(other).isEqualTo(404);
        }
        assertThat(new ApiClient(port, "admin", "demo").get("/api/jobs/" + id(path)).status()).isEqualTo(200);
    }

    @Test
    void theApiStartsJobsWith202AndTellsTheirProgress() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String csv = HEADER + "\n"
                + "API-" + run + "-1,08111000,2012,rejected,9000,,,2012-03-01,2012-04-15\n"
                + "API-" + run + "-2,08111000,2012,withdrawn,7000,,,2012-03-02,\n";
        ApiClient api = new ApiClient(port, "programm", "demo");
        Response started = api.postText("/api/programmes/" + PROGRAMME + "/legacy-cases/jobs", "text/csv", csv);
        assertThat(started.status()).isEqualTo(202);
        String id = started.body().path("id").asText();
        assertThat(started.headers().getLocation()).hasToString("/api/jobs/" + id);
        assertThat(started.body().path("status").asText()).isIn("RUNNING", "DONE");
        JsonNode done = await().atMost(LONG).pollInterval(Duration.ofMillis(250))
                .until(() -> api.get("/api/jobs/" + id).body(), job -> !"RUNNING".equals(job.path("status").asText()));
        assertThat(done.path("status").asText()).isEqualTo("DONE");
        assertThat(done.path("done").asInt()).isEqualTo(2);
        assertThat(done.path("total").asInt()).isEqualTo(2);
        assertThat(done.path("message").asText()).isEqualTo("2 Altfälle eingelesen");

        assertThat(new ApiClient(port, "pruefer", "demo").postText("/api/programmes/" + PROGRAMME
                + "/legacy-cases/jobs", "text/csv", csv).status()).isEqualTo(403);
        Response report = api.post("/api/evaluation/programmes/" + PROGRAMME + "/report/jobs?from=2012&to=2012", null);
        assertThat(report.status()).isEqualTo(202);
        assertThat(api.get("/api/jobs/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void theCsvExportRunsAsAJobThatWritesEveryYearAndTheTotalForExcel() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        ApiClient api = new ApiClient(port, "programm", "demo");
        assertThat(api.postText("/api/programmes/" + PROGRAMME + "/legacy-cases", "text/csv", HEADER + "\n"
                + "CSV-" + run + "-1,08111000,2010,approved,20000,12500.50,12500.50,2010-02-01,2010-05-02\n"
                + "CSV-" + run + "-2,08111000,2010,rejected,9000,,,2010-03-01,2010-04-15\n").status())
                .isEqualTo(200);
        JsonNode expected = api.get("/api/statistics/programmes/" + PROGRAMME + "?from=2009&to=2010").body();

        PageSession manager = new PageSession(port);
        manager.loginAndFollow("programm");
        String figures = manager.get("/dashboard/" + PROGRAMME + "?from=2009&to=2010").body();
        assertThat(figures).contains("action=\"/dashboard/" + PROGRAMME + "/export\"", "CSV-Datei erstellen")
                .doesNotContain("export.csv");
        String path = jobPath(manager.post("/dashboard/" + PROGRAMME + "/export", "from=2009&to=2010&_csrf="
                + URLEncoder.encode(manager.csrfFrom(figures), StandardCharsets.UTF_8)));
        assertThat(manager.get(path).body()).contains("<title>Zahlen als CSV-Datei – grantflow</title>",
                "<h1>Zahlen als CSV-Datei</h1>", "aria-live=\"polite\"");

        String done = await().atMost(LONG).pollInterval(Duration.ofMillis(250))
                .until(() -> manager.get(path + "/status").body(), body -> body.contains("Fertig."));
        assertThat(done).doesNotContain("hx-trigger").contains("3 Zeilen geschrieben (je Jahr und gesamt)",
                "href=\"" + path + "/result\"", "statistik-" + PROGRAMME + "-2009-2010.csv");
        JsonNode job = api.get("/api/jobs/" + id(path)).body();
        assertThat(job.path("kind").asText()).isEqualTo("STATISTICS_EXPORT");
        assertThat(job.path("total").asInt()).as("two years and the total").isEqualTo(3);
        assertThat(job.path("done").asInt()).isEqualTo(3);

        HttpResponse<String> csv = manager.get(path + "/result");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
        assertThat(csv.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"statistik-" + PROGRAMME + "-2009-2010.csv\"");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("\uFEFFJahr;Anträge;förderfähig;Bewilligungen;");
        assertThat(lines.get(1)).startsWith("2009;" + expected.path("years").get(0).path("applications").asLong()
                + ";");
        JsonNode y2010 = expected.path("years").get(1);
        assertThat(y2010.path("approved").asLong()).isPositive();
        assertThat(lines.get(2)).startsWith("2010;" + y2010.path("applications").asLong() + ";"
                + y2010.path("eligible").asLong() + ";" + y2010.path("approved").asLong() + ";")
                .contains(";" + y2010.path("granted").decimalValue().setScale(2).toPlainString().replace('.', ',') + ";")
                .doesNotContain(".");
        assertThat(lines.get(3))
                .startsWith("Gesamt;" + expected.path("totals").path("applications").asLong() + ";");

        PageSession evaluator = new PageSession(port);
        evaluator.loginAndFollow("evaluation");
        assertThat(evaluator.get(path).statusCode()).isEqualTo(404);
        assertThat(evaluator.get(path + "/result").statusCode()).isEqualTo(404);
        String anonymised = evaluator.get("/dashboard/" + PROGRAMME + "?from=2009&to=2010").body();
        String own = jobPath(evaluator.post("/dashboard/" + PROGRAMME + "/export", "from=2009&to=2010&_csrf="
                + URLEncoder.encode(evaluator.csrfFrom(anonymised), StandardCharsets.UTF_8)));
        assertThat(await().atMost(LONG).pollInterval(Duration.ofMillis(250))
                .until(() -> evaluator.get(own + "/status").body(), body -> body.contains("Fertig.")))
                .contains("3 Zeilen geschrieben");
        PageSession reviewer = new PageSession(port);
        reviewer.loginAndFollow("pruefer");
        assertThat(reviewer.post("/dashboard/" + PROGRAMME + "/export", "from=2009&to=2010&_csrf="
                + reviewer.tokenOfAnyPage()).statusCode())
                .isEqualTo(403);
    }

    @Test
    void theApiStartsTheCsvExportWith202AndServesTheFileWhenDone() {
        ApiClient api = new ApiClient(port, "programm", "demo");
        Response started = api.post("/api/statistics/programmes/" + PROGRAMME + "/csv/jobs?from=2008&to=2010", null);
        assertThat(started.status()).isEqualTo(202);
        String id = started.body().path("id").asText();
        assertThat(started.headers().getLocation()).hasToString("/api/jobs/" + id);
        JsonNode done = await().atMost(LONG).pollInterval(Duration.ofMillis(250))
                .until(() -> api.get("/api/jobs/" + id).body(), job -> !"RUNNING".equals(job.path("status").asText()));
        assertThat(done.path("status").asText()).isEqualTo("DONE");
        assertThat(done.path("kind").asText()).isEqualTo("STATISTICS_EXPORT");
        assertThat(done.path("done").asInt()).isEqualTo(4);
        assertThat(done.path("total").asInt()).isEqualTo(4);
        assertThat(done.path("resultUrl").asText()).isEqualTo("/api/jobs/" + id + "/result");
        String csv = new String(api.bytes(done.path("resultUrl").asText()), StandardCharsets.UTF_8);
        assertThat(csv.lines()).hasSize(5).first().asString().startsWith("\uFEFFJahr;");
        assertThat(csv.lines().map(line -> line.substring(0, line.indexOf(';'))).toList().subList(1, 5))
                .containsExactly("2008", "2009", "2010", "Gesamt");

        assertThat(api.post("/api/statistics/programmes/" + PROGRAMME + "/csv/jobs?from=2010&to=2008", null).status())
                .isEqualTo(400);
        Response missing = api.post("/api/statistics/programmes/" + PROGRAMME + "/csv/jobs?from=2010", null);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().path("errors").findValuesAsText("field")).containsExactly("to");
        assertThat(new ApiClient(port, "pruefer", "demo").post("/api/statistics/programmes/" + PROGRAMME
                + "/csv/jobs?from=2008&to=2010", null).status()).isEqualTo(403);
        assertThat(new ApiClient(port, "evaluation", "demo").get("/api/jobs/" + id).status()).isEqualTo(404);
    }

    private long applications(int year) {
        JsonNode statistics = new ApiClient(port, "programm", "demo")
                .get("/api/statistics/programmes/" + PROGRAMME + "?from=" + year + "&to=" + year).body();
        return statistics.path("totals").path("applications").asLong();
    }

    private static String jobPath(HttpResponse<String> started) {
        assertThat(started.statusCode()).isEqualTo(302);
        String location = started.headers().firstValue("Location").orElseThrow();
        return location.substring(location.indexOf("/dashboard/jobs/"));
    }

    private static String id(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
