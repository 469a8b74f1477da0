package de.grantflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import de.grantflow.application.CaseFixtures;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 in the middle of a burst of submissions: after the restart every submission that was answered 200 exists
 * with exactly one receipt letter, and every other one is either untouched (a draft) or complete, never half-made.
 * The application runs as its own JVM on a durable embedded PostgreSQL in a temporary folder.
 */
class CrashDuringSubmissionsTest {

    private static final int APPLICATIONS = 60;

    @TempDir Path folder;

    @Test
    void everyAnsweredSubmissionSurvivesWithExactlyOneReceipt() throws Exception {
        int port = freePort();
        Process first = start(port);
        ApiClient applicant = new ApiClient(port, "antrag.dortmund", "demo");
        List<String> drafts = IntStream.range(0, APPLICATIONS).mapToObj(i -> applicant.post("/api/applications",
                Map.of("programme", "kommin-nrw", "data", CaseFixtures.kommIn("Absturz " + i, 10_000))).body()
                .path("id").asText()).toList();

        Map<String, Integer> answers = new ConcurrentHashMap<>();
        AtomicInteger answered = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        for (String id : drafts) {
            clients.submit(() -> {
                try {
                    answers.put(id, applicant.post("/api/applications/" + id + "/submit", null).status());
                    answered.incrementAndGet();
                } catch (RuntimeException connectionLost) {
                    answers.put(id, -1);
                }
            });
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> answered.get() >= APPLICATIONS / 4);
        first.destroyForcibly().waitFor();
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        long confirmed = answers.values().stream().filter(status -> status == 200).count();
        assertThat(confirmed).as("submissions answered before the kill").isBetween(1L, APPLICATIONS - 1L);

        Process second = start(port);
        try {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                for (String id : drafts) {
                    JsonNode application = applicant.get("/api/applications/" + id).body();
                    String status = application.path("status").asText();
                    long receipts = StreamSupport.stream(application.path("letters").spliterator(), false)
                            .filter(letter -> "RECEIPT".equals(letter.path("type").asText())).count();
                    if (answers.get(id) == 200) {
                        assertThat(status).as(id).isNotEqualTo("DRAFT");
                        assertThat(receipts).as("receipts of " + id).isOne();
                    } else if ("DRAFT".equals(status)) {
                        assertThat(receipts).as("receipts of draft " + id).isZero();
                    } else {
                        assertThat(receipts).as("receipts of unanswered " + id).isOne();
                    }
                }
            });
        } finally {
            second.destroy();
            second.waitFor(60, TimeUnit.SECONDS);
        }
    }

    /** The application in its own JVM with the demo users, the tests' fixed clock and a durable database. */
    private Process start(int port) throws IOException {
        Path log = folder.resolve("application-" + System.nanoTime() + ".log");
        Process application = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath(), GrantflowApplication.class.getName(),
                "--spring.profiles.active=test,demo", "--server.port=" + port,
                "--grantflow.db.data-directory=" + folder.resolve("postgres"), "--grantflow.db.durable=true",
                "--grantflow.db.temporary=false", "--logging.level.root=WARN")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ApiClient probe = new ApiClient(port, "antrag.dortmund", "demo");
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertThat(application.isAlive()).as(() -> "the application stopped:\n" + tail(log)).isTrue();
            try {
                return probe.get("/actuator/health").status() == 200;
            } catch (RuntimeException notYet) {
                return false;
            }
        });
        return application;
    }

    /** The tests' class path without repeated entries (the test runner names the classes folder twice). */
    private static String classPath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .distinct().collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    private static String tail(Path log) {
        try {
            List<String> lines = java.nio.file.Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
