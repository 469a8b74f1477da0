package de.grantflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.grantflow.application.CaseFixtures;
import de.grantflow.attachments.SampleFiles;
import de.grantflow.security.NewUser;
import de.grantflow.security.Role;
import de.grantflow.security.UserAccounts;
import de.grantflow.web.PageSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route of ours that names a case, letter, attachment, task, job or survey in its path, called by everyone who
 * must not pass: another municipality, staff of another authority, the external evaluator, and the roles the route is
 * not for. Each must be refused (404 for whoever may use the route but may not see the object, as if it did not exist;
 * 403 or 404 for a role the route is not for), and nothing of the case may change. The table below is checked against
 * the routes Spring actually maps, so a new route with an id fails the build until it is added here. Every page and
 * list without an id, read by the same outsiders, must not name the case.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class IsolationTest {

    /** What the id in a route's path stands for. */
    enum Target { CASE, FUNDED_CASE, LETTER, ATTACHMENT, APPLICANT_TASK, STAFF_TASK, JOB, SURVEY, PROGRAMME }

    /** Users who must not pass, each with a reason to be refused. */
    enum Intruder {
        OTHER_MUNICIPALITY("antrag.duisburg"),
        OTHER_AUTHORITY("pruefer.bw"),
        EVALUATOR("evaluation"),
        PROGRAMME_MANAGER("programm"),
        /** Stadt Dortmund itself, on routes for staff. */
        OWN_APPLICANT("antrag.dortmund"),
        /** A reviewer of the case's authority, on routes for the municipality or for the owner of a job. */
        OWN_REVIEWER("pruefer"),
        /** The authority's auditor, who reads everything and changes nothing: every route that is not a read. */
        AUDITOR("revision");

        final String username;

        Intruder(String username) {
            this.username = username;
        }
    }

    /** One route and who is refused: {@code hidden} exactly with 404, {@code refused} with 403 or 404. */
    record Route(String method, String pattern, Target target, Set<Intruder> hidden, Set<Intruder> refused,
            String body) {

        boolean page() {
            return !pattern.startsWith("/api/");
        }

        String key() {
            return method + " " + pattern.replaceFirst("\\?.*", "");
        }
    }

    private static final Set<Intruder> NOT_OF_THE_CASE = EnumSet.of(Intruder.OTHER_MUNICIPALITY,
            Intruder.OTHER_AUTHORITY, Intruder.EVALUATOR);
    private static final Set<Intruder> NOT_THE_MUNICIPALITY = EnumSet.of(Intruder.OTHER_AUTHORITY,
            Intruder.EVALUATOR, Intruder.PROGRAMME_MANAGER, Intruder.OWN_REVIEWER);
    private static final Set<Intruder> NOT_STAFF = EnumSet.of(Intruder.OWN_APPLICANT, Intruder.OTHER_MUNICIPALITY,
            Intruder.EVALUATOR);
    private static final Set<Intruder> NOT_A_TASK_WORKER = EnumSet.of(Intruder.OWN_APPLICANT,
            Intruder.OTHER_MUNICIPALITY, Intruder.EVALUATOR, Intruder.PROGRAMME_MANAGER);
    private static final Set<Intruder> NOT_THE_JOB_OWNER = EnumSet.of(Intruder.OWN_APPLICANT,
            Intruder.OTHER_MUNICIPALITY, Intruder.OTHER_AUTHORITY, Intruder.EVALUATOR, Intruder.OWN_REVIEWER);
    private static final Set<Intruder> NOT_A_MANAGER = EnumSet.of(Intruder.OWN_APPLICANT, Intruder.EVALUATOR,
            Intruder.OWN_REVIEWER, Intruder.OTHER_AUTHORITY);
    private static final Set<Intruder> NOT_AN_EVALUATOR = EnumSet.of(Intruder.OWN_APPLICANT,
            Intruder.OTHER_MUNICIPALITY, Intruder.OWN_REVIEWER, Intruder.OTHER_AUTHORITY);
    private static final Set<Intruder> NONE = EnumSet.noneOf(Intruder.class);
    private static final String LEGACY_CASE = "reference,ags,year,status,requested,granted,paid,submitted_on,"
            + "decided_on\nALT-UEBERNOMMEN-1,05913000,1998,approved,20000,16000,16000,1998-02-03,1998-05-05\n";

    private static final String APPLICATION = "{\"data\":{\"projectTitle\":\"Übernommen\",\"requestedAmount\":1000}}";
    private static final String TASK_DATA = "{\"data\":{\"complete\":true,\"documentsSupplied\":\"Übernommen\"}}";

    private static final List<Route> ROUTES = List.of(
            // the case through the API: the municipality's routes
            api("GET", "/api/applications/{id}", Target.CASE, NOT_OF_THE_CASE, NONE),
            api("PUT", "/api/applications/{id}", Target.CASE, otherMunicipality(), NOT_THE_MUNICIPALITY, APPLICATION),
            api("POST", "/api/applications/{id}/submit", Target.CASE, otherMunicipality(), NOT_THE_MUNICIPALITY),
            api("POST", "/api/applications/{id}/withdraw", Target.CASE, otherMunicipality(), NOT_THE_MUNICIPALITY),
            api("POST", "/api/applications/{id}/waive-appeal", Target.CASE, otherMunicipality(), NOT_THE_MUNICIPALITY),
            api("POST", "/api/applications/{id}/early-start", Target.CASE, otherMunicipality(), NOT_THE_MUNICIPALITY,
                    "{\"startOn\":\"2026-04-01\",\"reason\":\"Übernommen\"}"),
            api("GET", "/api/applications/{id}/early-start", Target.CASE, NOT_OF_THE_CASE, NONE),
            api("POST", "/api/applications/{id}/attachments", Target.CASE, otherMunicipality(), NOT_THE_MUNICIPALITY),
            api("GET", "/api/applications/{id}/attachments", Target.CASE, NOT_OF_THE_CASE, NONE),
            api("GET", "/api/attachments/{id}", Target.ATTACHMENT, NOT_OF_THE_CASE, NONE),
            api("GET", "/api/letters/{id}", Target.LETTER, NOT_OF_THE_CASE, NONE),
            api("GET", "/api/applications/{id}/dossier.zip", Target.CASE, EnumSet.of(Intruder.OTHER_AUTHORITY),
                    NOT_STAFF),
            // funding of a funded case with a payout
            api("GET", "/api/applications/{id}/funding", Target.FUNDED_CASE, NOT_OF_THE_CASE, NONE),
            api("GET", "/api/applications/{id}/payment-requests", Target.FUNDED_CASE, NOT_OF_THE_CASE, NONE),
            api("POST", "/api/applications/{id}/payment-requests", Target.FUNDED_CASE, otherMunicipality(), NOT_THE_MUNICIPALITY,
                    "{\"amount\":1000,\"purpose\":\"Honorare\",\"payments\":[{\"dueOn\":\"2026-03-01\","
                            + "\"amount\":1000}]}"),
            api("POST", "/api/applications/{id}/payment-requests/{number}/waive-interest", Target.FUNDED_CASE,
                    EnumSet.of(Intruder.OTHER_AUTHORITY), EnumSet.of(Intruder.OWN_APPLICANT,
                            Intruder.OTHER_MUNICIPALITY, Intruder.EVALUATOR, Intruder.PROGRAMME_MANAGER),
                    "{\"reason\":\"Übernommen\"}"),
            api("POST", "/api/applications/{id}/funds-usage", Target.FUNDED_CASE, otherMunicipality(), NOT_THE_MUNICIPALITY,
                    "{\"amount\":1000,\"usedOn\":\"2026-03-01\"}"),
            api("GET", "/api/applications/{id}/change-requests", Target.FUNDED_CASE, NOT_OF_THE_CASE, NONE),
            api("POST", "/api/applications/{id}/change-requests", Target.FUNDED_CASE, otherMunicipality(), NOT_THE_MUNICIPALITY,
                    "{\"newPeriodEnd\":\"2027-12-31\",\"reason\":\"Übernommen\"}"),
            api("POST", "/api/applications/{id}/declare-finished", Target.FUNDED_CASE, otherMunicipality(), NOT_THE_MUNICIPALITY,
                    "{\"finishedOn\":\"2026-03-01\"}"),
            api("GET", "/api/applications/{id}/ledger", Target.FUNDED_CASE, NOT_OF_THE_CASE, NONE),
            // tasks: the municipality's task and the authority's
            api("GET", "/api/tasks/{id}", Target.APPLICANT_TASK, NOT_OF_THE_CASE, taskOfMunicipality()),
            api("GET", "/api/tasks/{id}/form", Target.APPLICANT_TASK, NOT_OF_THE_CASE, taskOfMunicipality()),
            api("POST", "/api/tasks/{id}/claim", Target.APPLICANT_TASK, NOT_OF_THE_CASE, taskOfMunicipality()),
            api("POST", "/api/tasks/{id}/unclaim", Target.APPLICANT_TASK, NOT_OF_THE_CASE, taskOfMunicipality()),
            api("POST", "/api/tasks/{id}/complete", Target.APPLICANT_TASK, NOT_OF_THE_CASE, taskOfMunicipality(),
                    TASK_DATA),
            api("GET", "/api/tasks/{id}", Target.STAFF_TASK, NOT_OF_THE_CASE, NOT_A_TASK_WORKER),
            api("GET", "/api/tasks/{id}/form", Target.STAFF_TASK, NOT_OF_THE_CASE, NOT_A_TASK_WORKER),
            api("POST", "/api/tasks/{id}/claim", Target.STAFF_TASK, NOT_OF_THE_CASE, NOT_A_TASK_WORKER),
            api("POST", "/api/tasks/{id}/unclaim", Target.STAFF_TASK, NOT_OF_THE_CASE, NOT_A_TASK_WORKER),
            api("POST", "/api/tasks/{id}/complete", Target.STAFF_TASK, NOT_OF_THE_CASE, NOT_A_TASK_WORKER,
                    TASK_DATA),
            // a background job of the programme manager
            api("GET", "/api/jobs/{id}", Target.JOB, NOT_THE_JOB_OWNER, NONE),
            api("GET", "/api/jobs/{id}/result", Target.JOB, NOT_THE_JOB_OWNER, NONE),
            // a flash survey to which Stadt Dortmund is invited
            api("GET", "/api/programmes/{key}/surveys/{id}", Target.SURVEY, NONE,
                    EnumSet.of(Intruder.OWN_APPLICANT, Intruder.OTHER_MUNICIPALITY, Intruder.OWN_REVIEWER)),
            api("GET", "/api/surveys/{id}/form", Target.SURVEY, EnumSet.of(Intruder.OTHER_MUNICIPALITY),
                    EnumSet.of(Intruder.OWN_REVIEWER, Intruder.PROGRAMME_MANAGER, Intruder.EVALUATOR,
                            Intruder.OTHER_AUTHORITY)),
            api("POST", "/api/surveys/{id}/response", Target.SURVEY, EnumSet.of(Intruder.OTHER_MUNICIPALITY),
                    EnumSet.of(Intruder.OWN_REVIEWER, Intruder.PROGRAMME_MANAGER, Intruder.EVALUATOR,
                            Intruder.OTHER_AUTHORITY),
                    "{\"data\":{\"overallBenefit\":\"very\",\"structuresContinued\":\"partly\","
                            + "\"procedureEffort\":\"high\"}}"),
            // the portal's pages of the case
            page("GET", "/portal/applications/{id}", Target.CASE),
            page("GET", "/portal/applications/{id}/edit", Target.CASE),
            page("POST", "/portal/applications/{id}/edit", Target.CASE, "projectTitle=%C3%9Cbernommen"),
            page("GET", "/portal/applications/{id}/submit", Target.CASE),
            page("POST", "/portal/applications/{id}/submit", Target.CASE, ""),
            page("GET", "/portal/applications/{id}/withdraw", Target.CASE),
            page("POST", "/portal/applications/{id}/withdraw", Target.CASE, ""),
            page("GET", "/portal/applications/{id}/waive-appeal", Target.CASE),
            page("POST", "/portal/applications/{id}/waive-appeal", Target.CASE, ""),
            page("POST", "/portal/applications/{id}/attachments", Target.CASE, null),
            page("GET", "/portal/applications/{id}/early-start", Target.CASE),
            page("POST", "/portal/applications/{id}/early-start", Target.CASE,
                    "startOn=2026-04-01&reason=%C3%9Cbernommen"),
            page("GET", "/portal/applications/{id}/payment-request", Target.FUNDED_CASE),
            page("POST", "/portal/applications/{id}/payment-request", Target.FUNDED_CASE,
                    "amount=1000&purpose=Honorare&dueOn=2026-06-05"),
            page("GET", "/portal/applications/{id}/change-request", Target.FUNDED_CASE),
            page("POST", "/portal/applications/{id}/change-request", Target.FUNDED_CASE,
                    "newPeriodEnd=2027-12-31&reason=%C3%9Cbernommen"),
            page("GET", "/portal/letters/{id}", Target.LETTER),
            page("GET", "/portal/attachments/{id}", Target.ATTACHMENT),
            route("GET", "/portal/tasks/{id}", Target.APPLICANT_TASK, otherMunicipality(), NOT_THE_MUNICIPALITY, ""),
            route("POST", "/portal/tasks/{id}", Target.APPLICANT_TASK, otherMunicipality(), NOT_THE_MUNICIPALITY,
                    "documentsSupplied=%C3%9Cbernommen"),
            route("GET", "/portal/tasks/{id}", Target.STAFF_TASK, NONE, NOT_A_TASK_WORKER, ""),
            route("POST", "/portal/tasks/{id}", Target.STAFF_TASK, NONE, NOT_A_TASK_WORKER, "complete=true"),
            // the authority's workspace
            staffPage("GET", "/workspace/cases/{id}", Target.CASE, ""),
            staffPage("GET", "/workspace/cases/{id}/dossier.zip", Target.CASE, ""),
            staffPage("GET", "/workspace/letters/{id}", Target.LETTER, ""),
            staffPage("GET", "/workspace/attachments/{id}", Target.ATTACHMENT, ""),
            route("GET", "/workspace/tasks/{id}", Target.STAFF_TASK, EnumSet.of(Intruder.OTHER_AUTHORITY),
                    NOT_A_TASK_WORKER, ""),
            route("POST", "/workspace/tasks/{id}", Target.STAFF_TASK, EnumSet.of(Intruder.OTHER_AUTHORITY),
                    NOT_A_TASK_WORKER, "complete=true"),
            route("POST", "/workspace/tasks/{id}/claim", Target.STAFF_TASK, EnumSet.of(Intruder.OTHER_AUTHORITY),
                    NOT_A_TASK_WORKER, ""),
            route("POST", "/workspace/tasks/{id}/unclaim", Target.STAFF_TASK, EnumSet.of(Intruder.OTHER_AUTHORITY),
                    NOT_A_TASK_WORKER, ""),
            route("GET", "/workspace/tasks/{id}", Target.APPLICANT_TASK, NONE, NOT_STAFF, ""),
            route("POST", "/workspace/tasks/{id}", Target.APPLICANT_TASK, NONE, EnumSet.of(
                    Intruder.OTHER_AUTHORITY, Intruder.OTHER_MUNICIPALITY, Intruder.EVALUATOR,
                    Intruder.PROGRAMME_MANAGER, Intruder.OWN_REVIEWER), "documentsSupplied=%C3%9Cbernommen"),
            // the job's pages on the dashboard
            route("GET", "/dashboard/jobs/{id}", Target.JOB, NONE, NOT_THE_JOB_OWNER, ""),
            route("GET", "/dashboard/jobs/{id}/status", Target.JOB, NONE, NOT_THE_JOB_OWNER, ""),
            route("GET", "/dashboard/jobs/{id}/result", Target.JOB, NONE, NOT_THE_JOB_OWNER, ""),
            // the programme: open to all, or to its staff, its managers, its evaluators
            api("GET", "/api/programmes/{key}", Target.PROGRAMME, NONE, NONE),
            api("GET", "/api/programmes/{key}/form", Target.PROGRAMME, NONE, NONE),
            api("GET", "/api/programmes/{key}/ledger?year=2026", Target.PROGRAMME, NONE, EnumSet.of(Intruder.OWN_APPLICANT,
                    Intruder.EVALUATOR, Intruder.OTHER_AUTHORITY)),
            api("GET", "/api/statistics/programmes/{key}", Target.PROGRAMME, NONE, NOT_A_MANAGER),
            api("POST", "/api/programmes/{key}/legacy-cases", Target.PROGRAMME, NONE, NOT_A_MANAGER, LEGACY_CASE),
            api("POST", "/api/programmes/{key}/legacy-cases/jobs", Target.PROGRAMME, NONE, NOT_A_MANAGER,
                    LEGACY_CASE),
            api("POST", "/api/programmes/{key}/synthetic-history?cases=1", Target.PROGRAMME, NONE,
                    EnumSet.of(Intruder.OWN_APPLICANT, Intruder.EVALUATOR, Intruder.OWN_REVIEWER,
                            Intruder.PROGRAMME_MANAGER, Intruder.OTHER_AUTHORITY)),
            api("POST", "/api/programmes/{key}/surveys", Target.PROGRAMME, NONE, NOT_A_MANAGER,
                    "{\"title\":\"Übernommen\",\"fundedFrom\":1997,\"fundedTo\":1997}"),
            api("GET", "/api/evaluation/programmes/{key}?from=2020&to=2026", Target.PROGRAMME, NONE,
                    NOT_AN_EVALUATOR),
            api("GET", "/api/evaluation/programmes/{key}/report?from=2020&to=2026", Target.PROGRAMME, NONE,
                    NOT_AN_EVALUATOR),
            api("POST", "/api/evaluation/programmes/{key}/report/jobs?from=2020&to=2026", Target.PROGRAMME, NONE,
                    NOT_AN_EVALUATOR),
            route("GET", "/dashboard/{key}", Target.PROGRAMME, NONE, NOT_AN_EVALUATOR, ""),
            route("POST", "/dashboard/{key}/legacy-cases", Target.PROGRAMME, NONE, NOT_A_MANAGER, null),
            route("POST", "/dashboard/{key}/report", Target.PROGRAMME, NONE, NOT_AN_EVALUATOR, "from=2020&to=2026"),
            // the figures as CSV, a background job: managers in full, evaluators anonymised
            api("POST", "/api/statistics/programmes/{key}/csv/jobs?from=2020&to=2026", Target.PROGRAMME, NONE,
                    NOT_AN_EVALUATOR),
            route("POST", "/dashboard/{key}/export", Target.PROGRAMME, NONE, NOT_AN_EVALUATOR, "from=2020&to=2026"));

    private static final String TITLE = "Isolation Dortmund " + UUID.randomUUID();

    /** Path variables that name a programme, which everyone may know of: its lists are read for traces of the case. */
    private static final Set<String> PROGRAMME_VARIABLES = Set.of("{key}");
    private static final List<String> OURS = List.of("/api/", "/portal", "/workspace", "/dashboard");
    private static final Pattern VARIABLE = Pattern.compile("\\{[^}]+}");

    @LocalServerPort int port;
    @Autowired CaseFixtures cases;
    @Autowired TestClock clock;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired TaskService tasks;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @BeforeEach
    void setUp() {
        clock.reset();
        cases.ensureUsers();
        accounts.createOrUpdate(new NewUser("pruefer.bw", "demo", "Prüferin BW", null, null,
                Set.of(Role.REVIEWER, Role.APPROVER), null, Set.of("lpb-bw")));
    }

    @Test
    void everyRouteWithAnIdOrAProgrammeInItsPathIsInTheTable() {
        Set<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> {
            Set<String> methods = info.getMethodsCondition().getMethods().stream().map(Enum::name)
                    .collect(Collectors.toSet());
            for (String pattern : info.getPatternValues()) {
                if (OURS.stream().anyMatch(pattern::startsWith) && VARIABLE.matcher(pattern).find()) {
                    (methods.isEmpty() ? Set.of("GET") : methods).forEach(m -> mapped.add(m + " " + pattern));
                }
            }
        });
        Set<String> covered = ROUTES.stream().map(Route::key).collect(Collectors.toCollection(TreeSet::new));

        assertThat(mapped).as("routes with an id or a programme in their path that the table does not try")
                .isSubsetOf(covered);
        assertThat(covered).as("routes in the table that no longer exist").isSubsetOf(mapped);
    }

    @Test
    void nobodyWhoMustNotPassReachesOrChangesAnythingOfAnotherMunicipalitysCase() throws Exception {
        Map<Target, String> ids = fixture();
        Map<Intruder, PageSession> pages = new EnumMap<>(Intruder.class);
        List<String> leaks = new ArrayList<>();
        int calls = 0;

        for (Route route : ROUTES) {
            Set<Intruder> intruders = EnumSet.noneOf(Intruder.class);
            intruders.addAll(route.hidden());
            intruders.addAll(route.refused());
            for (Intruder intruder : intruders) {
                String path = route.pattern().replace("{key}", "kommin-nrw").replace("{number}", "1")
                        .replace("{id}", ids.get(route.target()));
                String before = snapshot(ids);
                int status = route.page() ? page(pages, intruder, route, path) : api(intruder, route, path);
                calls++;
                Set<Integer> expected = route.hidden().contains(intruder) ? Set.of(404) : Set.of(403, 404);
                if (!expected.contains(status)) {
                    leaks.add(intruder.username + " " + route.method() + " " + path + " (" + route.target() + "): "
                            + status + ", expected " + expected);
                }
                String after = snapshot(ids);
                if (!after.equals(before)) {
                    leaks.add(intruder.username + " " + route.method() + " " + path + " changed the case:\n  "
                            + before + "\n  " + after);
                }
            }
        }

        assertThat(calls).as("every route was tried by at least one intruder").isGreaterThan(ROUTES.size());
        assertThat(leaks).as("calls that passed or changed something").isEmpty();
        assertThat(namingTheCase(ids, pages)).as("lists and pages without an id that name the case").isEmpty();

        String before = snapshot(ids);
        assertThat(new ApiClient(port, "antrag.dortmund", "demo").post("/api/tasks/" + ids.get(Target.APPLICANT_TASK)
                + "/claim", null).status()).as("the municipality itself passes").isEqualTo(200);
        assertThat(snapshot(ids)).as("the snapshot sees a change").isNotEqualTo(before);
    }

    /**
     * Stadt Dortmund's cases: one waiting for documents from the municipality (its receipt and the request as
     * letters, an attachment, the municipality's open task), one waiting for the authority's formal check, one funded
     * with a paid payout; a job of the programme manager and a survey to which Dortmund is invited.
     */
    private Map<Target, String> fixture() throws Exception {
        ApiClient dortmund = new ApiClient(port, "antrag.dortmund", "demo");
        ApiClient pruefer = new ApiClient(port, "pruefer", "demo");
        ApiClient programm = new ApiClient(port, "programm", "demo");
        Map<Target, String> ids = new EnumMap<>(Target.class);
        ids.put(Target.FUNDED_CASE, funded(dortmund, pruefer));
        // back to the day of the other cases, so that no deadline of theirs runs out while they are tried
        clock.reset();

        String id = dortmund.post("/api/applications", Map.of("programme", "kommin-nrw",
                "data", CaseFixtures.kommIn(TITLE, 10_000))).body().path("id").asText();
        assertThat(upload(id).statusCode()).isEqualTo(201);
        assertThat(dortmund.post("/api/applications/" + id + "/submit", null).status()).isEqualTo(200);
        String formalCheck = pruefer.awaitTask(id, "Task_FormalCheck");
        assertThat(pruefer.post("/api/tasks/" + formalCheck + "/complete",
                Map.of("data", Map.of("complete", false, "missingDocuments", "Ratsbeschluss"))).status())
                .isEqualTo(204);
        ids.put(Target.APPLICANT_TASK, dortmund.awaitTask(id, "Task_SupplyDocuments"));
        await().atMost(Duration.ofSeconds(30)).until(() -> dortmund.get("/api/applications/" + id).body()
                .path("letters").size() >= 2);
        ids.put(Target.CASE, id);
        ids.put(Target.LETTER, dortmund.get("/api/applications/" + id).body().path("letters").get(0).path("id")
                .asText());
        ids.put(Target.ATTACHMENT, dortmund.get("/api/applications/" + id + "/attachments").body().get(0)
                .path("id").asText());

        UUID second = cases.submit("antrag.dortmund", "kommin-nrw", CaseFixtures.kommIn("Isolation Prüfung", 9_000));
        ids.put(Target.STAFF_TASK, pruefer.awaitTask(second.toString(), "Task_FormalCheck"));

        ApiClient.Response job = programm.post("/api/evaluation/programmes/kommin-nrw/report/jobs?from=2020&to=2026",
                null);
        assertThat(job.status()).isEqualTo(202);
        ids.put(Target.JOB, job.body().path("id").asText());

        String history = "reference,ags,year,status,requested,granted,paid,submitted_on,decided_on\n"
                + "ALT-ISO-" + UUID.randomUUID().toString().substring(0, 8)
                + ",05913000,1997,approved,20000,16000,16000,1997-02-03,1997-05-05\n";
        assertThat(programm.postText("/api/programmes/kommin-nrw/legacy-cases", "text/csv", history).status())
                .isEqualTo(200);
        ApiClient.Response survey = programm.post("/api/programmes/kommin-nrw/surveys",
                Map.of("title", "Isolation 1997", "fundedFrom", 1997, "fundedTo", 1997));
        assertThat(survey.status()).isEqualTo(201);
        ids.put(Target.SURVEY, survey.body().path("id").asText());
        ids.put(Target.PROGRAMME, "kommin-nrw");
        assertThat(dortmund.get("/api/surveys/" + ids.get(Target.SURVEY) + "/form").status())
                .as("Dortmund is invited").isEqualTo(200);
        return ids;
    }

    /** A funded case of Stadt Dortmund whose first payout was paid (its interest may be waived). */
    private String funded(ApiClient dortmund, ApiClient pruefer) {
        ApiClient bewilliger = new ApiClient(port, "bewilliger", "demo");
        String id = dortmund.post("/api/applications", Map.of("programme", "kommin-nrw",
                "data", CaseFixtures.kommIn("Isolation gefördert", 30_000))).body().path("id").asText();
        assertThat(dortmund.post("/api/applications/" + id + "/submit", null).status()).isEqualTo(200);
        complete(pruefer, id, "Task_FormalCheck", Map.of("complete", true));
        complete(pruefer, id, "Task_Review", Map.of("score", 85, "recommendation", "approve",
                "proposedAmount", 30_000, "justification", "Überzeugend."));
        complete(bewilliger, id, "Task_Decide", Map.of("decision", "approve"));
        await().atMost(Duration.ofSeconds(30)).until(() -> dortmund.get("/api/applications/" + id).body()
                .path("letters").findValuesAsText("type").contains("GRANT_DECISION"));
        assertThat(dortmund.post("/api/applications/" + id + "/waive-appeal", null).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> "FUNDED".equals(dortmund.get("/api/applications/" + id)
                .body().path("status").asText()));
        clock.set(LocalDateTime.of(2026, 4, 11, 9, 0));
        assertThat(dortmund.post("/api/applications/" + id + "/payment-requests", Map.of("amount", 30000,
                "purpose", "Honorare der Lotsen", "payments", List.of(Map.of("dueOn", "2026-06-05", "amount", 30000))))
                .status()).isEqualTo(201);
        complete(pruefer, id, "Task_CheckPayment", Map.of("decision", "approve"));
        complete(bewilliger, id, "Task_ReleasePayment", Map.of("decision", "approve"));
        await().atMost(Duration.ofSeconds(30)).until(() -> "PAID".equals(dortmund.get("/api/applications/" + id
                + "/payment-requests").body().path(0).path("status").asText()));
        return id;
    }

    private void complete(ApiClient user, String application, String key, Map<String, Object> data) {
        assertThat(user.post("/api/tasks/" + user.awaitTask(application, key) + "/complete", Map.of("data", data))
                .status()).as(key).isEqualTo(204);
    }

    /**
     * Every page and list of ours without an id in its path (the programme's where it names one), read by another
     * municipality, another authority and the evaluator: none may name the case, its letters, attachment or tasks.
     */
    private List<String> namingTheCase(Map<Target, String> ids, Map<Intruder, PageSession> pages) throws Exception {
        String id = ids.get(Target.CASE);
        List<String> traces = List.of(id, TITLE, cases.reference(UUID.fromString(id)), ids.get(Target.LETTER),
                ids.get(Target.ATTACHMENT), ids.get(Target.APPLICANT_TASK), ids.get(Target.STAFF_TASK),
                ids.get(Target.FUNDED_CASE));
        assertThat(new ApiClient(port, "antrag.dortmund", "demo").get("/api/applications").body().toString())
                .as("the traces are what the municipality itself sees").contains(traces.subList(0, 3));
        Set<String> lists = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (OURS.stream().anyMatch(pattern::startsWith) && !namesAnObject(pattern)
                        && (methods.isEmpty() || methods.contains(RequestMethod.GET))) {
                    lists.add(pattern.replace("{key}", "kommin-nrw"));
                }
            }
        });
        assertThat(lists).as("the lists of cases and tasks are among them")
                .contains("/api/applications", "/api/tasks", "/portal", "/workspace", "/dashboard");
        List<String> found = new ArrayList<>();
        for (Intruder intruder : NOT_OF_THE_CASE) {
            for (String path : lists) {
                Route read = new Route("GET", path, Target.CASE, NONE, NONE, null);
                String body = read.page() ? pages.computeIfAbsent(intruder, this::signIn).get(path).body()
                        : http.send(apiRequest(intruder, path).GET().build(), HttpResponse.BodyHandlers.ofString())
                                .body();
                traces.stream().filter(body::contains).forEach(trace -> found.add(intruder.username + " GET "
                        + path + " shows " + trace));
            }
        }
        return found;
    }

    /** What an intruder could change: both cases with their events, letters, attachments, funding and tasks. */
    private String snapshot(Map<Target, String> ids) {
        Map<String, Object> state = new LinkedHashMap<>();
        String task = ids.get(Target.STAFF_TASK);
        String second = tasks.createTaskQuery().taskId(task).singleResult().getProcessInstanceId();
        String funded = cases.processInstanceId(UUID.fromString(ids.get(Target.FUNDED_CASE)));
        for (String process : List.of(cases.processInstanceId(UUID.fromString(ids.get(Target.CASE))), second,
                funded)) {
            state.put(process, jdbc.sql("""
                    SELECT a.status, a.version, a.data::text, a.updated_at,
                      (SELECT count(*) FROM application_event e WHERE e.application_id = a.id),
                      (SELECT count(*) FROM letter l WHERE l.application_id = a.id),
                      (SELECT count(*) FROM attachment t WHERE t.application_id = a.id),
                      (SELECT count(*) FROM payment_request p WHERE p.application_id = a.id),
                      (SELECT count(*) FROM change_request c WHERE c.application_id = a.id),
                      (SELECT count(*) FROM funds_usage u WHERE u.application_id = a.id)
                    FROM application a WHERE a.process_instance_id = :process""")
                    .param("process", process).query().listOfRows().toString());
            state.put(process + " tasks", tasks.createTaskQuery().processInstanceId(process).list().stream()
                    .map(t -> t.getTaskDefinitionKey() + "@" + t.getAssignee()).sorted().toList());
        }
        UUID fundedCase = UUID.fromString(ids.get(Target.FUNDED_CASE));
        state.put("funding", jdbc.sql("""
                SELECT f::text, (SELECT string_agg(p::text, ';' ORDER BY p.number) FROM payment_request p
                  WHERE p.application_id = f.application_id)
                FROM funding f WHERE f.application_id = :id""").param("id", fundedCase).query().listOfRows()
                .toString());
        state.put("funded tasks", tasks.createTaskQuery().processInstanceBusinessKey(fundedCase.toString()).list()
                .stream().map(t -> t.getTaskDefinitionKey() + "@" + t.getAssignee()).sorted().toList());
        state.put("programme", jdbc.sql("""
                SELECT (SELECT count(*) FROM survey), (SELECT count(*) FROM background_job),
                  (SELECT count(*) FROM stats_case WHERE application_id IS NULL)""").query().listOfRows().toString());
        state.put("survey", jdbc.sql("SELECT * FROM survey_invitation WHERE survey_id = :id ORDER BY 1")
                .param("id", UUID.fromString(ids.get(Target.SURVEY))).query().listOfRows().toString());
        return state.toString();
    }

    private int api(Intruder intruder, Route route, String path) throws Exception {
        HttpRequest.Builder request = apiRequest(intruder, path);
        if (route.pattern().endsWith("/attachments") && route.method().equals("POST")) {
            String boundary = "isolation" + UUID.randomUUID();
            request.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary)));
        } else if (route.method().equals("GET")) {
            request.GET();
        } else {
            request.header("Content-Type", route.pattern().contains("/legacy-cases") ? "text/csv"
                    : "application/json").method(route.method(),
                    HttpRequest.BodyPublishers.ofString(route.body() == null ? "{}" : route.body()));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private int page(Map<Intruder, PageSession> pages, Intruder intruder, Route route, String path) {
        PageSession session = pages.computeIfAbsent(intruder, this::signIn);
        if (route.method().equals("GET")) {
            return session.get(path).statusCode();
        }
        if (route.body() == null) {
            boolean csv = route.pattern().contains("/legacy-cases");
            return session.postFile(path, session.csrfFrom(session.get("/no-such-page").body()), "file",
                    csv ? "a.csv" : "a.pdf", csv ? LEGACY_CASE.getBytes(StandardCharsets.UTF_8) : SampleFiles.pdf())
                    .statusCode();
        }
        return session.post(path, (route.body().isEmpty() ? "" : route.body() + "&") + "_csrf="
                + session.tokenOfAnyPage()).statusCode();
    }

    private PageSession signIn(Intruder intruder) {
        PageSession signedIn = new PageSession(port);
        assertThat(signedIn.login(intruder.username, "demo").statusCode()).isEqualTo(302);
        return signedIn;
    }

    private HttpRequest.Builder apiRequest(Intruder intruder, String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (intruder.username + ":demo").getBytes(StandardCharsets.UTF_8)))
                // as a client that prefers JSON but also takes the PDF, ZIP or file a route serves
                .header("Accept", "application/json, */*;q=0.5");
    }

    private HttpResponse<String> upload(String application) throws Exception {
        String boundary = "isolation" + UUID.randomUUID();
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/applications/"
                        + application + "/attachments"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "antrag.dortmund:demo".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] multipart(String boundary) {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\""
                + "\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(SampleFiles.pdf());
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }


    private static boolean namesAnObject(String pattern) {
        Matcher variable = VARIABLE.matcher(pattern);
        while (variable.find()) {
            if (!PROGRAMME_VARIABLES.contains(variable.group())) {
                return true;
            }
        }
        return false;
    }

    private static Set<Intruder> otherMunicipality() {
        return EnumSet.of(Intruder.OTHER_MUNICIPALITY);
    }

    private static Set<Intruder> taskOfMunicipality() {
        return EnumSet.of(Intruder.PROGRAMME_MANAGER, Intruder.OWN_REVIEWER);
    }

    private static Route api(String method, String pattern, Target target, Set<Intruder> hidden,
            Set<Intruder> refused) {
        return route(method, pattern, target, hidden, refused, null);
    }

    private static Route api(String method, String pattern, Target target, Set<Intruder> hidden,
            Set<Intruder> refused, String body) {
        return route(method, pattern, target, hidden, refused, body);
    }

    /** A portal page of the case: another municipality finds nothing, staff and evaluators are not let in. */
    private static Route page(String method, String pattern, Target target) {
        return route(method, pattern, target, otherMunicipality(), NOT_THE_MUNICIPALITY, "");
    }

    private static Route page(String method, String pattern, Target target, String body) {
        return route(method, pattern, target, otherMunicipality(), NOT_THE_MUNICIPALITY, body);
    }

    /** A workspace page of the case: another authority finds nothing, applicants and evaluators are not let in. */
    private static Route staffPage(String method, String pattern, Target target, String body) {
        return route(method, pattern, target, EnumSet.of(Intruder.OTHER_AUTHORITY), NOT_STAFF, body);
    }

    private static Route route(String method, String pattern, Target target, Set<Intruder> hidden,
            Set<Intruder> refused, String body) {
        Set<Intruder> onlyRefused = EnumSet.noneOf(Intruder.class);
        onlyRefused.addAll(refused);
        if (!method.equals("GET")) {
            onlyRefused.add(Intruder.AUDITOR);
        }
        onlyRefused.removeAll(hidden);
        return new Route(method, pattern, target, hidden, onlyRefused, body);
    }

    static {
        Set<String> keys = new TreeSet<>();
        for (Route route : ROUTES) {
            if (!keys.add(route.key() + " " + route.target())) {
                throw new IllegalStateException("twice in the table: " + route.key());
            }
        }
    }
}
