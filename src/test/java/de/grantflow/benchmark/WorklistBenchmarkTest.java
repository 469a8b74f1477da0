package de.grantflow.benchmark;

import static de.grantflow.benchmark.BenchmarkFigures.round;
import static de.grantflow.benchmark.BenchmarkFigures.percentile;
import static org.assertj.core.api.Assertions.assertThat;

import de.grantflow.ApiClient;
import de.grantflow.ApiClient.Response;
import de.grantflow.procedure.GrantApplicationProcess;
import de.grantflow.security.NewUser;
import de.grantflow.tasks.TaskIndexes;
import de.grantflow.security.Role;
import de.grantflow.security.TestUsers;
import de.grantflow.security.UserAccounts;
import de.grantflow.web.PageSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 7: the reviewer's worklist at 100,000 open tasks. Synthetic KOMM-IN cases go into the case table with SQL, and
 * for each an instance of the real grant-application process is started directly at its formal check through the
 * engine's public API (listeners and input mappings skipped: they belong to the steps before, which did not run), 500
 * instances per transaction. A few thousand cases of the Baden-Württemberg programme get their formal check the same
 * way: their tasks belong to another authority and must not be listed. A reviewer of Bezirksregierung Arnsberg only
 * (the demo's pruefer is staff of both authorities) then asks for the API's list and the worklist page, after a
 * warm-up, one request after another, durable PostgreSQL. Writes target/benchmark/worklist.{md,json}.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = {"grantflow.db.durable=true", "logging.level.root=WARN",
        "camunda.bpm.job-execution.enabled=false"})
class WorklistBenchmarkTest {

    private static final int OPEN_TASKS = Integer.getInteger("benchmark.openTasks", 100_000);
    /** Tasks of the other authority: a twentieth of the reviewer's own, at least one batch. */
    private static final int FOREIGN_TASKS = Math.max(500, OPEN_TASKS / 20);
    private static final int BATCH = 500;
    /** Batches seeded at once: the database works in its own processes, so two cores take more than one. */
    private static final int SEEDERS = Integer.getInteger("benchmark.seeders", 4);
    private static final int WARM_UP = 10;
    private static final int RUNS = 50;
    /** Page 101 of 4,000 at 100,000 tasks; halfway down a smaller list. */
    private static final int DEEP_PAGE = Math.min(100, OPEN_TASKS / 25 / 2);
    private static final String REVIEWER = "pruefer.arnsberg";

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired PlatformTransactionManager transactionManager;
    @Autowired TaskIndexes taskIndexes;

    @Test
    void measure() throws IOException {
        TestUsers.ensureDemoUsers(accounts);
        accounts.createOrUpdate(new NewUser(REVIEWER, "demo", "Rita Arnsberg", "rita.arnsberg@bra.nrw.de", null,
                Set.of(Role.REVIEWER), null, Set.of("br-arnsberg")));
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("openTasks", OPEN_TASKS);
        figures.put("foreignOpenTasks", FOREIGN_TASKS);

        long start = System.nanoTime();
        List<Case> own = insertApplications("kommin-nrw", "KIN-WL-", "05%", OPEN_TASKS);
        List<Case> foreign = insertApplications("fluechtlingsdialoge-bw", "KFD-WL-", "08%", FOREIGN_TASKS);
        double insertSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        startAtFormalCheck(own, "br-arnsberg");
        startAtFormalCheck(foreign, "lpb-bw");
        double startSeconds = (System.nanoTime() - start) / 1e9;
        jdbc.sql("ANALYZE").update();
        figures.put("seedApplicationsSeconds", round(insertSeconds));
        figures.put("seedInstancesSeconds", round(startSeconds));
        figures.put("seedInstancesPerSecond", round((OPEN_TASKS + FOREIGN_TASKS) / startSeconds));
        long openFormalChecks = tasks.createTaskQuery().taskCandidateGroup("reviewer-br-arnsberg")
                .taskDefinitionKey(GrantApplicationProcess.TASK_FORMAL_CHECK).count();
        assertThat(openFormalChecks).isGreaterThanOrEqualTo(OPEN_TASKS);
        figures.put("reviewerOpenTasks", openFormalChecks);

        ApiClient api = new ApiClient(port, REVIEWER, "demo");
        PageSession page = new PageSession(port);
        page.login(REVIEWER, "demo");
        Response list = api.get("/api/tasks");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).as("a full first page of the API's list").hasSize(200);
        assertThat(StreamSupport.stream(list.body().spliterator(), false).map(t -> t.path("programme").asText())
                .distinct().toList()).as("only tasks of the reviewer's authority").containsExactly("kommin-nrw");
        String worklist = page.get("/workspace").body();
        assertThat(worklist).contains("KIN-WL-").doesNotContain("KFD-WL-");

        figures.put("requests", RUNS);
        // first without the worklist's indexes (TaskIndexes and V27), then with them, on the same data
        jdbc.sql("DROP INDEX worklist_task_due_idx").update();
        jdbc.sql("DROP INDEX application_id_text_idx").update();
        jdbc.sql("ANALYZE").update();
        measureAll(figures, "Unindexed", api, page);
        String unindexedPlans = plans();
        jdbc.sql(new String(new ClassPathResource("db/migration/V27__worklist_order.sql").getContentAsByteArray(),
                StandardCharsets.UTF_8)).update();
        taskIndexes.create();
        jdbc.sql("ANALYZE").update();
        measureAll(figures, "", api, page);
        Files.createDirectories(Path.of("target", "benchmark"));
        Files.writeString(Path.of("target", "benchmark", "worklist-plans.txt"),
                "-- without the indexes\n" + unindexedPlans + "-- with them\n" + plans());
        assertThat(page.get("/workspace?page=" + DEEP_PAGE).body()).as("a page deep in the list has rows")
                .contains("KIN-WL-");
        measureEngineChecks(figures, api, list.body().get(0).path("id").asText());
        figures.put("loadAverage", round(java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage()));
        figures.put("processors", Runtime.getRuntime().availableProcessors());
        BenchmarkFigures.write("worklist", figures);
        assertThat((double) figures.get("worklistP95Ms")).as("figures are checked in the README, not here")
                .isPositive();
    }

    private static void measureAll(Map<String, Object> figures, String suffix, ApiClient api, PageSession page) {
        measure(figures, "apiTasks" + suffix, () -> api.get("/api/tasks").status());
        measure(figures, "worklist" + suffix, () -> page.get("/workspace").statusCode());
        measure(figures, "worklistProgramme" + suffix,
                () -> page.get("/workspace?programme=kommin-nrw").statusCode());
        measure(figures, "worklistGroups" + suffix, () -> page.get("/workspace?tab=groups").statusCode());
        measure(figures, "worklistDeepPage" + suffix, () -> page.get("/workspace?page=" + DEEP_PAGE).statusCode());
    }

    /**
     * Claiming a task and giving it back run in the engine as the reviewer, with its authorization checks. Before its
     * first check each such engine command reads the distinct groups of all grants (the engine's own query, a scan of
     * its authorization table), and the engine keeps one or two grants per open task.
     */
    private void measureEngineChecks(Map<String, Object> figures, ApiClient api, String taskId) {
        figures.put("engineGrants", jdbc.sql("SELECT count(*) FROM act_ru_authorization").query(Long.class).single());
        measure(figures, "claimAndGiveBack", () -> {
            int claimed = api.post("/api/tasks/" + taskId + "/claim", null).status();
            int givenBack = api.post("/api/tasks/" + taskId + "/unclaim", null).status();
            return claimed != 200 ? claimed : givenBack;
        });
        measure(figures, "engineGroupsOfAllGrants", () -> {
            jdbc.sql("SELECT distinct(group_id_) FROM act_ru_authorization").query(String.class).list();
            return 200;
        });
    }

    /** Cases of a programme in the case table, submitted and in review, spread over the state's municipalities. */
    private List<Case> insertApplications(String programme, String prefix, String agsPattern, int count) {
        return jdbc.sql("""
                WITH m AS (SELECT array_agg(ags ORDER BY ags) AS a FROM municipality WHERE ags LIKE :ags)
                INSERT INTO application (id, reference, programme_key, municipality_ags, status, data,
                                         requested_amount, created_by, created_at, updated_at, submitted_at)
                SELECT gen_random_uuid(), :prefix || g, :programme, m.a[1 + g % array_length(m.a, 1)],
                       'IN_REVIEW', jsonb_build_object('projectTitle', 'Projekt ' || g, 'requestedAmount', 20000,
                       'totalCosts', 40000, 'ownContribution', 10000, 'projectStart', '2026-06-01',
                       'projectEnd', '2027-05-31'),
                       20000, 'benchmark', now() - g * interval '1 minute', now(), now() - g * interval '1 minute'
                FROM generate_series(1, :count) g, m
                RETURNING id, municipality_ags""")
                .param("ags", agsPattern).param("prefix", prefix).param("programme", programme)
                .param("count", count).query(Case.class).list();
    }

    /**
     * The real process, started at its formal check: the engine joins the Spring transaction, so each batch is one
     * commit. The intake's steps before the task (receipt, eligibility rules) did not run for these cases, so their
     * listeners and mappings are skipped.
     */
    private void startAtFormalCheck(List<Case> cases, String authority) {
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        ExecutorService seeders = Executors.newFixedThreadPool(SEEDERS);
        try {
            List<Future<?>> batches = new ArrayList<>();
            for (int from = 0; from < cases.size(); from += BATCH) {
                List<Case> batch = cases.subList(from, Math.min(cases.size(), from + BATCH));
                batches.add(seeders.submit(() -> transaction.executeWithoutResult(status -> batch.forEach(c -> {
                    String instance = runtime.createProcessInstanceByKey(GrantApplicationProcess.KEY)
                            .businessKey(c.id().toString())
                            .setVariables(Map.of(GrantApplicationProcess.VAR_APPLICATION_ID, c.id().toString(),
                                    GrantApplicationProcess.VAR_AUTHORITY, authority,
                                    GrantApplicationProcess.VAR_AGS, c.municipalityAgs()))
                            .startBeforeActivity(GrantApplicationProcess.TASK_FORMAL_CHECK)
                            .execute(true, true).getId();
                    jdbc.sql("UPDATE application SET process_instance_id = :instance WHERE id = :id")
                            .param("instance", instance).param("id", c.id()).update();
                }))));
            }
            for (Future<?> batch : batches) {
                batch.get();
            }
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("seeding failed", e);
        } finally {
            seeders.shutdownNow();
        }
    }

    /**
     * The plans of the worklist's page query as {@code WorklistService} builds it (all of the reviewer's tasks, and
     * with the programme filter that joins the case table), to see where the time goes.
     */
    private String plans() {
        String candidate = "EXISTS (SELECT 1 FROM ACT_RU_IDENTITYLINK L WHERE L.TASK_ID_ = RES.ID_"
                + " AND L.TYPE_ = 'candidate' AND L.GROUP_ID_ IN ('reviewer-br-arnsberg') OFFSET 0)";
        String order = " ORDER BY RES.DUE_DATE_ ASC NULLS LAST, RES.CREATE_TIME_, RES.ID_ LIMIT 26";
        String all = "SELECT RES.* FROM ACT_RU_TASK RES WHERE (RES.ASSIGNEE_ = '" + REVIEWER + "' OR " + candidate
                + ")" + order;
        String programme = "SELECT RES.* FROM ACT_RU_TASK RES JOIN ACT_RU_EXECUTION PI ON PI.ID_ = RES.PROC_INST_ID_"
                + " JOIN application A ON A.id::text = PI.BUSINESS_KEY_ AND A.programme_key = 'kommin-nrw'"
                + " WHERE (RES.ASSIGNEE_ = '" + REVIEWER + "' OR " + candidate + ")" + order;
        StringBuilder plans = new StringBuilder();
        for (String sql : List.of(all, programme)) {
            plans.append(sql).append("\n");
            jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + sql).query((rs, n) -> rs.getString(1)).list()
                    .forEach(line -> plans.append(line).append("\n"));
            plans.append("\n");
        }
        return plans.toString();
    }

    private static void measure(Map<String, Object> figures, String name, Supplier<Integer> request) {
        for (int i = 0; i < WARM_UP; i++) {
            assertThat(request.get()).as(name).isEqualTo(200);
        }
        double[] times = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            int status = request.get();
            times[i] = (System.nanoTime() - start) / 1e6;
            assertThat(status).as(name).isEqualTo(200);
        }
        figures.put(name + "P50Ms", round(percentile(times, 0.50)));
        figures.put(name + "P95Ms", round(percentile(times, 0.95)));
    }

    record Case(UUID id, String municipalityAgs) {
    }
}
