package de.grantflow.benchmark;

import static de.grantflow.benchmark.BenchmarkFigures.round;
import static org.assertj.core.api.Assertions.assertThat;

import de.grantflow.ApiClient;
import de.grantflow.ApiClient.Response;
import de.grantflow.ApplicationProcess;
import de.grantflow.SharedPostgres;
import de.grantflow.application.CaseFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7: what a second node adds. The same submissions at 64 clients go first to one node, then, with a second node
 * started on the same PostgreSQL, half to each; both nodes run as an operator runs them (their own JVMs, default JVM
 * options, the README's cluster configuration), each warmed up with the same load before it is measured. Every
 * submission must end with exactly one receipt, whichever node took it and whichever node's intake started its
 * procedure. On one machine both nodes and the database share its cores: the figure says what the cluster costs,
 * not what a second machine would add. Writes target/benchmark/cluster.{md,json}.
 */
@Tag("benchmark")
class ClusterBenchmarkTest {

    private static final int SUBMISSIONS = Integer.getInteger("benchmark.submissions", 1000);
    private static final int WARM_UP = 600;
    private static final int CLIENTS = 64;

    @TempDir Path folder;

    private SharedPostgres postgres;
    private final List<ApplicationProcess> nodes = new ArrayList<>();
    private final AtomicInteger shed = new AtomicInteger();

    @AfterEach
    void stopAll() throws Exception {
        ApplicationProcess.stopAll(nodes);
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void measure() throws Exception {
        postgres = SharedPostgres.start(folder.resolve("postgres"));
        assertThat(postgres.jdbc().sql("SHOW fsync").query(String.class).single()).isEqualTo("on");
        assertThat(postgres.jdbc().sql("SHOW synchronous_commit").query(String.class).single()).isEqualTo("on");
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("durableSettings", "fsync=on, synchronous_commit=on");
        results.put("cores", Runtime.getRuntime().availableProcessors());
        results.put("submissions", SUBMISSIONS);
        results.put("clients", CLIENTS);

        ApiClient a = node("node-a").client("antrag.dortmund");
        submissions(List.of(a), WARM_UP, 16);
        put(results, "oneNode", submissions(List.of(a), SUBMISSIONS, CLIENTS));

        ApiClient b = node("node-b").client("antrag.dortmund");
        submissions(List.of(b), WARM_UP, 16);
        put(results, "twoNodes", submissions(List.of(a, b), SUBMISSIONS, CLIENTS));

        assertThat(postgres.jdbc().sql("""
                SELECT count(*) FROM application a WHERE (SELECT count(*) FROM letter l
                WHERE l.application_id = a.id AND l.type = 'RECEIPT') <> 1""").query(Long.class).single())
                .as("submissions without exactly one receipt").isZero();
        BenchmarkFigures.write("cluster", results);
    }

    /** A node in its own JVM on the shared database, as the README's cluster paragraph configures one. */
    private ApplicationProcess node(String name) throws Exception {
        Path log = Files.createDirectories(Path.of("target", "benchmark")).resolve("cluster-" + name + ".log");
        ApplicationProcess node = ApplicationProcess.start(name, ApplicationProcess.freePort(), log, List.of(),
                List.of(), Map.of("GRANTFLOW_DB_URL", postgres.url(), "GRANTFLOW_DB_USER", SharedPostgres.USER,
                        "GRANTFLOW_DB_PASSWORD", SharedPostgres.PASSWORD, "GRANTFLOW_NODE_NAME", name));
        nodes.add(node);
        return node.awaitUp(Duration.ofSeconds(300));
    }

    /**
     * Submissions in one request each, spread evenly over the nodes' clients; the intake rate counts until the last
     * answer, the rate with receipts until every receipt is stored.
     */
    private Level submissions(List<ApiClient> applicants, int count, int clients) throws Exception {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long receiptsBefore = receipts();
        shed.set(0);
        long start = System.nanoTime();
        double[] intakeSeconds = new double[1];
        Rate withReceipts = Rate.of(count, () -> {
            Load.parallel(count, clients, i -> {
                long t0 = System.nanoTime();
                Response created = Load.post(applicants.get(i % applicants.size()), "/api/applications",
                        Map.of("programme", "kommin-nrw", "data", CaseFixtures.kommIn("Cluster " + i, 10_000),
                                "submit", true), shed);
                if (created.status() != 201) {
                    throw new IllegalStateException("submission answered " + created.status());
                }
                latencies.add((System.nanoTime() - t0) / 1_000_000);
            });
            intakeSeconds[0] = (System.nanoTime() - start) / 1e9;
            while (receipts() - receiptsBefore < count) {
                if (System.nanoTime() - start > Duration.ofMinutes(10).toNanos()) {
                    throw new IllegalStateException("receipts not produced within 10 minutes");
                }
                LockSupport.parkNanos(25_000_000);
            }
        });
        return new Level(count / intakeSeconds[0], withReceipts, Load.percentile(latencies, 50),
                Load.percentile(latencies, 95), Load.percentile(latencies, 99), shed.get());
    }

    private long receipts() {
        return postgres.jdbc().sql("SELECT count(*) FROM letter WHERE type = 'RECEIPT'").query(Long.class).single();
    }

    private static void put(Map<String, Object> results, String prefix, Level level) {
        results.put(prefix + "SubmissionsPerSecond", round(level.perSecond()));
        results.put(prefix + "SubmissionP50Ms", level.p50());
        results.put(prefix + "SubmissionP95Ms", level.p95());
        results.put(prefix + "SubmissionP99Ms", level.p99());
        results.put(prefix + "WithReceiptsPerSecond", round(level.withReceipts().perSecond()));
        results.put(prefix + "CpuMsPerSubmissionWithReceipt", round(level.withReceipts().cpuMsEach()));
        results.put(prefix + "ShedWith503", level.shed());
    }

    /** One level of load: the intake's rate, the rate and CPU with receipts, the percentiles, the requests shed. */
    private record Level(double perSecond, Rate withReceipts, long p50, long p95, long p99, int shed) {
    }
}
