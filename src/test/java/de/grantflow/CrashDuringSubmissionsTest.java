package de.grantflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import de.grantflow.application.CaseFixtures;
import java.io.IOException;
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
        int port = ApplicationProcess.freePort();
        ApplicationProcess first = start(port);
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
        first.kill();
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        long confirmed = answers.values().stream().filter(status -> status == 200).count();
        assertThat(confirmed).as("submissions answered before the kill").isBetween(1L, APPLICATIONS - 1L);

        ApplicationProcess second = start(port);
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
            second.stop();
        }
    }

    /** The application in its own JVM with the demo users, the tests' fixed clock and a durable database. */
    private ApplicationProcess start(int port) throws IOException {
        return ApplicationProcess.start("application", port, folder.resolve("application-" + System.nanoTime()
                        + ".log"), List.of(), List.of("--grantflow.db.data-directory=" + folder.resolve("postgres"),
                        "--grantflow.db.durable=true", "--grantflow.db.temporary=false"), Map.of())
                .awaitUp(Duration.ofSeconds(180));
    }
}
