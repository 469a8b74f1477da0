package de.grantflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.grantflow.application.CaseFixtures;
import de.grantflow.procedure.GrantApplicationProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two grantflow nodes on one PostgreSQL, as an operator runs a cluster: both JVMs get the same GRANTFLOW_DB_URL and
 * start at the same moment on an empty database. Submissions through both nodes get exactly one procedure and one
 * receipt each; timers run exactly once although two job executors compete for them; and when one node is killed
 * (kill -9) in the middle of a burst, the other one finishes everything: the waiting submissions at once, the jobs the
 * dead node had locked once their lock expires, and the background import it was running is started again.
 *
 * <p>The nodes' job lock time is 10 seconds here (GRANTFLOW_JOB_LOCK_TIME_MILLIS; by default the engine's 5 minutes),
 * so that the takeover happens within the test. In the nodes the business clock stands at the tests' fixed day
 * (2 March 2026, {@link TestClock}) while the engine's job executor runs on the real time: a deadline the procedure
 * sets from that day is already past for the job executors, so its timer falls due as soon as it is created.
 */
class ClusterTest {

    private static final Duration LOCK_TIME = Duration.ofSeconds(10);
    private static final String DEADLINE_TIMER = "Timer_DocumentsDeadline";
    /** Enough rows that the import still runs when its node is killed. */
    private static final int IMPORTED_ROWS = 20_000;

    @TempDir Path folder;

    private SharedPostgres postgres;
    private JdbcClient db;
    private final List<ApplicationProcess> nodes = new ArrayList<>();

    @AfterEach
    void stopAll() throws IOException, InterruptedException {
        ApplicationProcess.stopAll(nodes);
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void twoNodesShareSubmissionsTimersAndTheWorkOfAKilledNode() throws Exception {
        String url = startDatabase();
        ApplicationProcess a = node("node-a", url);
        ApplicationProcess b = node("node-b", url);
        a.awaitUp(Duration.ofSeconds(240));
        b.awaitUp(Duration.ofSeconds(240));
        ApiClient[] applicants = {a.client("antrag.dortmund"), b.client("antrag.dortmund")};
        ApiClient[] reviewers = {a.client("pruefer"), b.client("pruefer")};

        // 1. submissions through both nodes: one procedure and one receipt each
        List<String> submitted = drafts(applicants, "Cluster", 24);
        Map<String, Integer> answers = new ConcurrentHashMap<>();
        runInParallel(submitted, i -> () -> applicants[i % 2].post("/api/applications/" + submitted.get(i)
                + "/submit", null).status(), answers);
        assertThat(answers.values()).as("submissions through both nodes").containsOnly(200);
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
            assertThat(waitingInIntake()).isZero();
            submitted.forEach(this::assertOneProcessAndOneReceipt);
        });
        assertThat(applicants[1].get("/api/applications/" + submitted.get(0)).body().path("status").asText())
                .as("a case submitted through node A, read through node B").isNotEqualTo("DRAFT");

        // 2. timers due at once, two job executors: each deadline runs exactly once
        List<String> timed = submitted.subList(0, 8);
        Map<String, Integer> formalChecks = new ConcurrentHashMap<>();
        runInParallel(timed, i -> () -> requestDocuments(reviewers[i % 2], timed.get(i)), formalChecks);
        assertThat(formalChecks.values()).as("formal checks through both nodes").containsOnly(204);
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> timed.forEach(this::assertLapsedExactlyOnce));
        assertThat(db.sql("SELECT DISTINCT hostname_ FROM act_hi_job_log WHERE job_state_ = 2 AND act_id_ = ?")
                .param(DEADLINE_TIMER).query(String.class).list())
                .as("nodes whose job executor ran a deadline").isNotEmpty().isSubsetOf("node-a", "node-b");

        // 3. node A killed in the middle of a burst of submissions and formal checks through both nodes, and of a long
        // import in the background, which writes its rows in one transaction
        List<String> burst = drafts(applicants, "Ausfall", 40);
        String importJob = a.client("programm").postText("/api/programmes/kommin-nrw/legacy-cases/jobs", "text/csv",
                legacyCases(IMPORTED_ROWS)).body().path("id").asText();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20)).until(() -> importing(importJob));
        List<String> checked = submitted.subList(8, 24);
        Map<String, Integer> burstAnswers = new ConcurrentHashMap<>();
        Map<String, Integer> checkAnswers = new ConcurrentHashMap<>();
        AtomicInteger answered = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        for (int i = 0; i < burst.size(); i++) {
            int n = i;
            if (n < checked.size()) {
                clients.submit(() -> record(checkAnswers, checked.get(n), answered,
                        () -> requestDocuments(reviewers[n % 2], checked.get(n))));
            }
            clients.submit(() -> record(burstAnswers, burst.get(n), answered,
                    () -> applicants[n % 2].post("/api/applications/" + burst.get(n) + "/submit", null).status()));
        }
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20))
                .until(() -> answered.get() >= 12 && !lockedBy("node-a").isEmpty());
        a.kill();
        List<String> lockedByDeadNode = lockedBy("node-a");
        assertThat(lockedByDeadNode).as("jobs the dead node had locked").isNotEmpty();
        assertThat(db.sql("SELECT status FROM background_job WHERE id = ?::uuid").param(importJob)
                .query(String.class).single()).as("the import when its node died").isEqualTo("RUNNING");
        clients.shutdown();
        assertThat(clients.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
        assertThat(burstAnswers.values()).as("submissions answered before and after the kill")
                .contains(200).contains(-1);

        await().atMost(LOCK_TIME.plus(Duration.ofSeconds(120))).untilAsserted(() -> {
            assertThat(waitingInIntake()).as("submissions waiting for their procedure").isZero();
            for (String id : burst) {
                if (burstAnswers.get(id) == 200 || !"DRAFT".equals(status(id))) {
                    assertOneProcessAndOneReceipt(id);
                } else {
                    assertThat(count("SELECT count(*) FROM letter WHERE application_id = ?::uuid", id)).as(id).isZero();
                }
            }
            for (String id : checked) {
                if (checkAnswers.get(id) == 204 || !"SUBMITTED".equals(status(id))) {
                    assertLapsedExactlyOnce(id);
                }
            }
            assertThat(count("SELECT count(*) FROM act_ru_job WHERE lock_owner_ = ?", "node-a"))
                    .as("jobs still locked by the dead node").isZero();
            assertThat(count("SELECT count(*) FROM act_ru_job WHERE exception_msg_ IS NOT NULL OR retries_ = 0"))
                    .as("failed jobs").isZero();
            // inside the wait: the surviving node may still be running the last of them when the rest is done
            assertThat(db.sql("SELECT hostname_ FROM act_hi_job_log WHERE job_state_ = 2 AND job_id_ IN (:ids)")
                    .param("ids", lockedByDeadNode).query(String.class).list())
                    .as("the dead node's jobs, each run once, by the surviving node")
                    .hasSize(lockedByDeadNode.size()).containsOnly("node-b");
        });
        assertThat(checkAnswers.values()).contains(204);
        await().atMost(Duration.ofSeconds(180)).untilAsserted(() -> assertThat(db.sql(
                "SELECT status || ' ' || attempt || ' ' || message FROM background_job WHERE id = ?::uuid")
                .param(importJob).query(String.class).single())
                .as("the import, started again by node B").isEqualTo("DONE 2 " + IMPORTED_ROWS + " Altfälle eingelesen"));
        assertThat(count("SELECT count(*) FROM stats_case WHERE case_key LIKE 'legacy:kommin-nrw:CLUSTER-%'"))
                .as("imported cases, each once").isEqualTo(IMPORTED_ROWS);
        assertThat(b.logLines()).filteredOn(line -> line.contains(" ERROR ")).as("errors logged by the surviving node (scheduled tasks included)").isEmpty();
    }

    /** One durable PostgreSQL for both nodes, with a database and user of its own as an operator would create. */
    private String startDatabase() throws IOException {
        postgres = SharedPostgres.start(folder.resolve("postgres"));
        db = postgres.jdbc();
        return postgres.url();
    }

    /** Drafts created through both nodes, in parallel. */
    private List<String> drafts(ApiClient[] applicants, String title, int count) {
        return IntStream.range(0, count).parallel().mapToObj(i -> applicants[i % 2].post("/api/applications",
                Map.of("programme", "kommin-nrw", "data", CaseFixtures.kommIn(title + " " + i, 10_000))).body()
                .path("id").asText()).toList();
    }

    /** The formal check finds documents missing: the procedure asks for them and sets the deadline's timers. */
    private int requestDocuments(ApiClient reviewer, String applicationId) {
        String task = await().atMost(Duration.ofSeconds(60)).until(() -> db.sql("""
                        SELECT t.id_ FROM act_ru_task t JOIN application a ON a.process_instance_id = t.proc_inst_id_
                        WHERE a.id = ?::uuid AND t.task_def_key_ = 'Task_FormalCheck'""")
                .param(applicationId).query(String.class).optional().orElse(null), id -> id != null);
        return reviewer.post("/api/tasks/" + task + "/complete",
                Map.of("data", Map.of("complete", false, "missingDocuments", "Ratsbeschluss"))).status();
    }

    private void assertOneProcessAndOneReceipt(String id) {
        assertThat(status(id)).as(id).isNotEqualTo("DRAFT");
        assertThat(count("SELECT count(*) FROM act_hi_procinst WHERE business_key_ = ? AND proc_def_key_ = ?", id,
                GrantApplicationProcess.KEY)).as("procedures of " + id).isOne();
        assertThat(count("SELECT count(*) FROM letter WHERE application_id = ?::uuid AND type = 'RECEIPT'", id))
                .as("receipts of " + id).isOne();
    }

    /** The deadline's timer ran once (one successful job), with one lapse letter and one LAPSED event. */
    private void assertLapsedExactlyOnce(String id) {
        String instance = db.sql("SELECT process_instance_id FROM application WHERE id = ?::uuid").param(id)
                .query(String.class).single();
        assertThat(status(id)).as(id).isEqualTo("LAPSED");
        assertThat(count("SELECT count(*) FROM act_hi_job_log WHERE process_instance_id_ = ? AND act_id_ = ?"
                + " AND job_state_ = 2", instance, DEADLINE_TIMER)).as("deadline runs of " + id).isOne();
        assertThat(count("SELECT count(*) FROM letter WHERE application_id = ?::uuid AND type = 'LAPSE'", id))
                .as("lapse letters of " + id).isOne();
        assertThat(count("SELECT count(*) FROM letter WHERE application_id = ?::uuid AND type = 'REMINDER'", id))
                .as("reminders of " + id).isLessThanOrEqualTo(1);
        assertThat(count("SELECT count(*) FROM application_event WHERE application_id = ?::uuid AND type = 'LAPSED'",
                id)).as("LAPSED events of " + id).isOne();
    }

    /** Legacy cases of the Gemeinden of North Rhine-Westphalia, in turn, under references of their own. */
    private String legacyCases(int rows) {
        List<String> gemeinden = db.sql("SELECT ags FROM municipality WHERE state = 'NW' AND length(ags) = 8")
                .query(String.class).list();
        StringBuilder csv = new StringBuilder("reference,ags,year,status,requested,granted,paid,submitted_on,"
                + "decided_on\n");
        for (int i = 0; i < rows; i++) {
            csv.append("CLUSTER-").append(i).append(',').append(gemeinden.get(i % gemeinden.size()))
                    .append(",2015,approved,20000,15000.00,10000.00,2015-02-03,2015-05-06\n");
        }
        return csv.toString();
    }

    /** The import has read its file and is writing the rows. */
    private boolean importing(String job) {
        return count("SELECT count(*) FROM background_job WHERE id = ?::uuid AND status = 'RUNNING' AND total > 0",
                job) == 1;
    }

    private String status(String id) {
        return db.sql("SELECT status FROM application WHERE id = ?::uuid").param(id).query(String.class).single();
    }

    private long waitingInIntake() {
        return count("SELECT count(*) FROM process_intake");
    }

    private List<String> lockedBy(String owner) {
        return db.sql("SELECT id_ FROM act_ru_job WHERE lock_owner_ = ?").param(owner).query(String.class).list();
    }

    private long count(String sql, Object... params) {
        return db.sql(sql).params(params).query(Long.class).single();
    }

    /** Runs one call per id on eight client threads and keeps each answer's status (-1: no answer). */
    private static void runInParallel(List<String> ids, java.util.function.IntFunction<Supplier<Integer>> call,
            Map<String, Integer> answers) throws InterruptedException {
        ExecutorService clients = Executors.newFixedThreadPool(8);
        AtomicInteger answered = new AtomicInteger();
        for (int i = 0; i < ids.size(); i++) {
            Supplier<Integer> request = call.apply(i);
            String id = ids.get(i);
            clients.submit(() -> record(answers, id, answered, request));
        }
        clients.shutdown();
        assertThat(clients.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
    }

    private static void record(Map<String, Integer> answers, String id, AtomicInteger answered,
            Supplier<Integer> request) {
        try {
            answers.put(id, request.get());
            answered.incrementAndGet();
        } catch (RuntimeException connectionLost) {
            answers.put(id, -1);
        }
    }

    /**
     * One grantflow node in its own JVM, configured through the environment as an operator would. Two JVMs start at
     * once on a machine of two cores: a single garbage collector thread (on top of a node's quick compiler only) leaves
     * them more of the CPU for starting; the test's light load needs no more.
     */
    private ApplicationProcess node(String name, String url) throws IOException {
        ApplicationProcess node = ApplicationProcess.start(name, ApplicationProcess.freePort(),
                folder.resolve(name + ".log"), List.of("-XX:+UseSerialGC"), List.of(),
                Map.of("GRANTFLOW_DB_URL", url, "GRANTFLOW_DB_USER", SharedPostgres.USER,
                        "GRANTFLOW_DB_PASSWORD", SharedPostgres.PASSWORD,
                        "GRANTFLOW_NODE_NAME", name,
                        "GRANTFLOW_JOB_LOCK_TIME_MILLIS", Long.toString(LOCK_TIME.toMillis()),
                        // background jobs: heartbeat every second, lost after five, looked for every second
                        "GRANTFLOW_JOBS_HEARTBEAT_MILLIS", "1000", "GRANTFLOW_JOBS_STALE_AFTER", "PT5S",
                        "GRANTFLOW_JOBS_RESUME_MILLIS", "1000",
                        // the engine keeps its job log, in which the test sees which node ran each job, at full only
                        "GRANTFLOW_HISTORY_LEVEL", "full"));
        nodes.add(node);
        return node;
    }
}
