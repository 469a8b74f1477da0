package de.grantflow.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.grantflow.ApiClient;
import de.grantflow.ApiClient.Response;
import de.grantflow.application.CaseFixtures;
import de.grantflow.calendar.FederalState;
import de.grantflow.programme.ProgrammeCatalog;
import de.grantflow.register.Municipality;
import de.grantflow.register.MunicipalityRegister;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.Lifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The statistics API with a KOMM-IN-like history imported in the legacy format: seed 002 reports 2005 to 2010 as
 * municipalities per year 39, 48, 50, 57, 71, 70 ("335 (123)": 335 municipality-years, 123 different municipalities) and
 * 359 projects. The history below has exactly these counts and must come back exactly, distinct counts included.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class StatisticsApiTest {

    static final int[] YEARS = {2005, 2006, 2007, 2008, 2009, 2010};
    static final int[] MUNICIPALITIES = {39, 48, 50, 57, 71, 70};
    static final int[] PROJECTS = {39, 64, 52, 58, 74, 72};

    @LocalServerPort int port;
    @Autowired CaseFixtures cases;
    @Autowired MunicipalityRegister register;
    @Autowired JdbcClient jdbc;
    @Autowired TaskService tasks;
    @Autowired ProgrammeCatalog programmes;
    @Autowired java.time.Clock clock;
    @Autowired ApplicationContext context;

    ApiClient manager;

    @BeforeEach
    void setUp() {
        cases.ensureUsers();
        manager = new ApiClient(port, "programm", "demo");
    }

    /**
     * A draft counts in no figure, and a submission counts once its procedure starts: with the intake stopped, a
     * submitted draft has no row yet; it gets it in the transaction that starts its procedure.
     */
    @Test
    void givesADraftItsRowWhenItsProcedureStarts() {
        java.util.UUID draft = cases.draft("antrag.dortmund", "kommin-nrw",
                CaseFixtures.kommIn("Entwurf für die Statistik", 10_000));
        assertThat(rowsOf(draft)).isZero();
        Lifecycle intake = intake();
        intake.stop();
        try {
            Response submitted = new ApiClient(port, "antrag.dortmund", "demo")
                    .post("/api/applications/" + draft + "/submit", null);
            assertThat(submitted.status()).isEqualTo(200);
            assertThat(rowsOf(draft)).isZero();
        } finally {
            intake.start();
        }
        awaitRowWithItsProcedure(draft);
    }

    @Test
    void givesAnApplicationSubmittedInOneStepItsRowWhenItsProcedureStarts() {
        java.util.UUID id;
        Lifecycle intake = intake();
        intake.stop();
        try {
            Response submitted = new ApiClient(port, "antrag.dortmund", "demo").post("/api/applications",
                    java.util.Map.of("programme", "kommin-nrw", "data",
                            CaseFixtures.kommIn("In einem Schritt für die Statistik", 10_000), "submit", true));
            assertThat(submitted.status()).isEqualTo(201);
            id = java.util.UUID.fromString(submitted.body().path("id").asText());
            assertThat(rowsOf(id)).isZero();
        } finally {
            intake.start();
        }
        awaitRowWithItsProcedure(id);
    }

    private Lifecycle intake() {
        return context.getBean("processIntake", Lifecycle.class);
    }

    /** The row appears together with the procedure (same transaction), counted as pending in the year of submission. */
    private void awaitRowWithItsProcedure(java.util.UUID application) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> cases.processInstanceId(application) != null);
        assertThat(rowsOf(application)).isOne();
        assertThat(jdbc.sql("SELECT outcome FROM stats_case WHERE application_id = :id").param("id", application)
                .query(String.class).single()).isEqualTo("pending");
    }

    /**
     * The workload per person is what the engine's task query finds: the tasks the authority's reviewers and
     * approvers are candidates for, assigned or not, with the overdue ones counted apart.
     */
    @Test
    void countsTheOpenTasksOfTheAuthorityPerPersonAsTheEngineSeesThem() {
        java.util.UUID claimed = cases.submit("antrag.dortmund", "kommin-nrw",
                CaseFixtures.kommIn("Arbeitslast übernommen", 10_000));
        cases.submit("antrag.dortmund", "kommin-nrw", CaseFixtures.kommIn("Arbeitslast offen", 10_000));
        Task check = org.awaitility.Awaitility.await().until(() -> tasks.createTaskQuery()
                .processInstanceBusinessKey(claimed.toString()).singleResult(), java.util.Objects::nonNull);
        check.setDueDate(java.util.Date.from(clock.instant().minus(java.time.Duration.ofDays(1))));
        tasks.saveTask(check);
        tasks.claim(check.getId(), "pruefer");

        JsonNode workload = manager.get("/api/statistics/programmes/kommin-nrw").body().path("workload");

        String authority = programmes.get("kommin-nrw").authority().key();
        java.util.Date now = java.util.Date.from(clock.instant());
        java.util.Map<String, List<Task>> byAssignee = new java.util.TreeMap<>();
        tasks.createTaskQuery().active().taskCandidateGroupIn(List.of("reviewer-" + authority, "approver-" + authority))
                .includeAssignedTasks().list()
                .forEach(t -> byAssignee.computeIfAbsent(t.getAssignee() == null ? "" : t.getAssignee(),
                        k -> new ArrayList<>()).add(t));
        List<String> expected = byAssignee.entrySet().stream().map(e -> e.getKey() + " " + e.getValue().size() + " "
                + e.getValue().stream().filter(t -> t.getDueDate() != null && t.getDueDate().before(now)).count())
                .toList();
        List<String> counted = StreamSupport.stream(workload.spliterator(), false)
                .map(w -> (w.path("assignee").isNull() ? "" : w.path("assignee").asText()) + " "
                        + w.path("openTasks").asLong() + " " + w.path("overdueTasks").asLong())
                .toList();
        assertThat(counted).isEqualTo(expected);
        assertThat(counted).anySatisfy(w -> assertThat(w).startsWith("pruefer ").doesNotEndWith(" 0"));
        assertThat(counted.get(0)).as("unassigned first").startsWith(" ");
    }

    private int rowsOf(java.util.UUID application) {
        return jdbc.sql("SELECT count(*) FROM stats_case WHERE application_id = :id").param("id", application)
                .query(Integer.class).single();
    }

    @Test
    void reproducesTheKommInFiguresFromAnImportedHistoryDistinctCountsIncluded() {
        String csv = kommInHistory();
        Response imported = manager.postText("/api/programmes/kommin-nrw/legacy-cases", "text/csv", csv);
        assertThat(imported.status()).isEqualTo(200);
        assertThat(imported.body().path("rows").asInt()).isEqualTo(359);

        JsonNode statistics = manager.get("/api/statistics/programmes/kommin-nrw?from=2005&to=2010").body();
        List<Integer> municipalities = new ArrayList<>();
        List<Integer> projects = new ArrayList<>();
        statistics.path("years").forEach(y -> {
            municipalities.add(y.path("municipalitiesFunded").asInt());
            projects.add(y.path("projectsFunded").asInt());
        });
        assertThat(municipalities).containsExactly(39, 48, 50, 57, 71, 70);
        assertThat(projects).containsExactly(39, 64, 52, 58, 74, 72);
        JsonNode totals = statistics.path("totals");
        assertThat(totals.path("municipalityYearsFunded").asInt()).isEqualTo(335);
        assertThat(totals.path("municipalitiesFundedDistinct").asInt()).isEqualTo(123);
        assertThat(totals.path("projectsFunded").asInt()).isEqualTo(359);
        assertThat(totals.path("granted").decimalValue()).isEqualByComparingTo("14700000.00");

        // the same history in the programme evaluation report, in the layout of the seed's table
        ApiClient evaluator = new ApiClient(port, "evaluation", "demo");
        JsonNode anonymised = evaluator.get("/api/evaluation/programmes/kommin-nrw?from=2005&to=2010").body();
        assertThat(anonymised.path("totals").path("municipalitiesFundedDistinct").asInt()).isEqualTo(123);
        assertThat(anonymised.path("breakdowns").has("kreis")).isFalse();
        assertThat(anonymised.has("workload")).isFalse();
        assertThat(anonymised.toString()).doesNotContain("KIN-ALT").doesNotContainPattern("\"05\\d{6}\"");
        byte[] report = evaluator.bytes("/api/evaluation/programmes/kommin-nrw/report?from=2005&to=2010");
        de.grantflow.letters.PdfA.assertValid(report);
        try {
            java.nio.file.Files.write(java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "letters"))
                    .resolve("Evaluationsbericht.pdf"), report);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(de.grantflow.letters.PdfA.text(report)).contains("Evaluationsbericht", "335 (123)", "359",
                "14,7", "Anträge und Bewilligungen je Jahr");

        Response again = manager.postText("/api/programmes/kommin-nrw/legacy-cases", "text/csv", csv);
        assertThat(again.status()).isEqualTo(200);
        assertThat(manager.get("/api/statistics/programmes/kommin-nrw?from=2005&to=2010").body().path("totals"))
                .isEqualTo(totals);

        String table = manager.getAs("/api/statistics/programmes/kommin-nrw?from=2005&to=2010", "text/csv").body()
                .asText();
        assertThat(table).startsWith("year,applications,").contains("\n2007,52,0,52,0,0,0,50,50,52,")
                .contains("\ntotal,359,0,359,0,0,0,123,123,359,");
    }

    @Test
    void refusesAWholeFileForOneBadRowNamingEachErrorByLine() {
        long before = jdbc.sql("SELECT COUNT(*) FROM stats_case WHERE historic").query(Long.class).single();
        String csv = String.join("\n", LegacyImport.HEADER.stream().reduce((a, b) -> a + "," + b).orElseThrow(),
                "ALT-1,05913000,2009,approved,10000,8000,8000,2009-02-01,2009-05-01",
                "ALT-2,99999999,2009,approved,10000,8000,9000,2009-02-01,2009-01-01",
                "ALT-3,05913000,2009,bewilligt,10000.123,,,01.02.2009,");
        Response refused = manager.postText("/api/programmes/kommin-nrw/legacy-cases", "text/csv", csv);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(StreamSupport.stream(refused.body().path("errors").spliterator(), false)
                .map(e -> e.path("field").asText()).toList())
                .contains("rows[3].ags", "rows[3].paid", "rows[3].decided_on", "rows[4].status", "rows[4].requested",
                        "rows[4].submitted_on")
                .noneMatch(field -> field.startsWith("rows[2]"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM stats_case WHERE historic").query(Long.class).single())
                .isEqualTo(before);
    }

    @Test
    void showsImportedCasesInTheMunicipalitysCaseListAsHistoric() {
        String csv = String.join(",", LegacyImport.HEADER) + "\n"
                + "ALT-DO-2012-1,05913000,2012,approved,20000,15000,15000,2012-02-01,2012-05-02\n"
                + "ALT-DO-2012-2,05913000,2012,rejected,9000,,,2012-03-01,2012-04-15\n";
        assertThat(manager.postText("/api/programmes/kommin-nrw/legacy-cases", "text/csv", csv).status())
                .isEqualTo(200);

        JsonNode dortmund = new ApiClient(port, "antrag.dortmund", "demo").get("/api/applications").body();
        List<JsonNode> historic = StreamSupport.stream(dortmund.spliterator(), false)
                .filter(c -> c.path("historic").asBoolean()).toList();
        assertThat(historic).extracting(c -> c.path("reference").asText())
                .contains("ALT-DO-2012-1", "ALT-DO-2012-2");
        assertThat(historic).extracting(c -> c.path("status").asText()).contains("APPROVED", "REJECTED");
        JsonNode duisburg = new ApiClient(port, "antrag.duisburg", "demo").get("/api/applications").body();
        assertThat(duisburg.findValuesAsText("reference")).doesNotContain("ALT-DO-2012-1");
        JsonNode staff = new ApiClient(port, "pruefer", "demo").get("/api/applications").body();
        assertThat(staff.findValuesAsText("reference")).contains("ALT-DO-2012-1");
    }

    @Test
    void opensTheFiguresToProgrammeManagersAndAdministratorsOnly() {
        String path = "/api/statistics/programmes/kommin-nrw?from=2025&to=2026";
        assertThat(manager.get(path).status()).isEqualTo(200);
        assertThat(new ApiClient(port, "admin", "demo").get(path).status()).isEqualTo(200);
        assertThat(new ApiClient(port, "evaluation", "demo").get(path).status()).isEqualTo(403);
        for (String user : List.of("pruefer", "antrag.dortmund")) {
            assertThat(new ApiClient(port, user, "demo").get("/api/evaluation/programmes/kommin-nrw?from=2025&to=2026")
                    .status()).as(user).isEqualTo(403);
        }
        assertThat(new ApiClient(port, "evaluation", "demo").get("/api/applications").body().size()).isZero();
        for (String user : List.of("pruefer", "bewilliger", "antrag.dortmund")) {
            assertThat(new ApiClient(port, user, "demo").get(path).status()).as(user).isEqualTo(403);
            assertThat(new ApiClient(port, user, "demo").postText("/api/programmes/kommin-nrw/legacy-cases",
                    "text/csv", "x").status()).as(user).isEqualTo(403);
        }
        assertThat(new ApiClient(port, "programm", "falsch").get(path).status()).isEqualTo(401);
    }

    /** 359 approved projects over 123 municipalities, 2.45 Mio. EUR a year on average: 14.7 Mio. EUR in all. */
    private String kommInHistory() {
        List<Municipality> gemeinden = register.all(FederalState.NW).stream()
                .filter(m -> m.ags().length() == 8).limit(123).toList();
        StringBuilder csv = new StringBuilder(String.join(",", LegacyImport.HEADER)).append('\n');
        int offset = 0;
        int project = 0;
        for (int i = 0; i < YEARS.length; i++) {
            for (int p = 0; p < PROJECTS[i]; p++) {
                Municipality m = gemeinden.get((offset + p % MUNICIPALITIES[i]) % gemeinden.size());
                // 14,700,000 over 359 projects: 358 of 40,947.00 and one that takes the rest
                String granted = ++project == 359 ? "40974.00" : "40947.00";
                csv.append("KIN-ALT-").append(YEARS[i]).append('-').append(p).append(',').append(m.ags()).append(',')
                        .append(YEARS[i]).append(",approved,50000,").append(granted).append(',').append(granted)
                        .append(',').append(YEARS[i]).append("-03-01,").append(YEARS[i]).append("-06-30\n");
            }
            offset += MUNICIPALITIES[i];
        }
        return csv.toString();
    }
}
