package de.grantflow.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.grantflow.application.ApplicationStatus;
import de.grantflow.application.CaseFixtures;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * The intake: a submission is stored at once and its procedure starts a moment later, exactly once, also when
 * submissions come in parallel, when no worker runs at the time (a crash or a stop), or when a withdrawal overtakes it.
 */
@SpringBootTest
@ActiveProfiles("test")
@TestPropertySource(properties = "camunda.bpm.job-execution.enabled=false")
class ProcessIntakeTest {

    @Autowired ProcessIntake intake;
    @Autowired CaseFixtures cases;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void setUp() {
        cases.ensureUsers();
    }

    @Test
    void parallelSubmissionsEachGetExactlyOneProcedure() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<UUID>> submitted = IntStream.range(0, 40).mapToObj(i -> clients.submit(() ->
                    cases.submitOnly("antrag.dortmund", "kommin-nrw", CaseFixtures.kommIn("Parallel " + i, 10_000))))
                    .toList();
            for (Future<UUID> future : submitted) {
                UUID id = future.get();
                await().atMost(Duration.ofSeconds(30)).until(() -> cases.processInstanceId(id) != null);
                assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(id.toString()).list())
                        .singleElement().extracting(instance -> instance.getId())
                        .isEqualTo(cases.processInstanceId(id));
                assertThat(waitingRow(id)).isZero();
            }
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void submissionStoredWhileNoWorkerRunsStartsItsProcedureWhenTheIntakeRunsAgain() {
        UUID id;
        intake.stop();
        try {
            id = cases.submitOnly("antrag.dortmund", "kommin-nrw", CaseFixtures.kommIn("Während des Ausfalls", 10_000));
            assertThat(cases.status(id)).isEqualTo(ApplicationStatus.SUBMITTED);
            assertThat(cases.processInstanceId(id)).isNull();
            assertThat(waitingRow(id)).isOne();
            assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(id.toString()).count()).isZero();
        } finally {
            intake.start();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> cases.processInstanceId(id) != null);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(id.toString()).count()).isOne();
        assertThat(waitingRow(id)).isZero();
    }

    @Test
    void withdrawalThatOvertakesTheIntakeStartsAndEndsTheProcedureAtOnce() {
        intake.stop();
        try {
            UUID id = cases.submitOnly("antrag.dortmund", "kommin-nrw", CaseFixtures.kommIn("Schnell zurück", 10_000));
            cases.withdraw("antrag.dortmund", id);

            assertThat(cases.status(id)).isEqualTo(ApplicationStatus.WITHDRAWN);
            assertThat(waitingRow(id)).isZero();
            assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(id.toString()).count()).isZero();
            assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(id.toString())
                    .finished().count()).isOne();
        } finally {
            intake.start();
        }
    }

    @Test
    void aStartThatFailsIsKeptWithItsErrorAndRetriedWithoutHoldingUpTheOthers() {
        UUID broken;
        UUID sound;
        intake.stop();
        try {
            broken = cases.submitOnly("antrag.dortmund", "kommin-nrw", CaseFixtures.kommIn("Kaputt", 10_000));
            sound = cases.submitOnly("antrag.dortmund", "kommin-nrw", CaseFixtures.kommIn("Heil", 10_000));
            // data no submission can produce: the rules cannot read the amount, so the start fails
            jdbc.sql("UPDATE application SET data = jsonb_set(data, '{requestedAmount}', '\"viel\"') WHERE id = :id")
                    .param("id", broken).update();
        } finally {
            intake.start();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> cases.processInstanceId(sound) != null);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT attempts FROM process_intake WHERE application_id = :id").param("id", broken)
                .query(Integer.class).single() >= 1);
        assertThat(jdbc.sql("SELECT last_error FROM process_intake WHERE application_id = :id").param("id", broken)
                .query(String.class).single()).contains("NumberFormatException");
        assertThat(cases.processInstanceId(broken)).isNull();
        assertThat(cases.letterTypes(broken)).isEmpty();

        jdbc.sql("UPDATE application SET data = jsonb_set(data, '{requestedAmount}', '10000') WHERE id = :id")
                .param("id", broken).update();
        jdbc.sql("UPDATE process_intake SET retry_at = NULL WHERE application_id = :id").param("id", broken).update();
        await().atMost(Duration.ofSeconds(30)).until(() -> cases.processInstanceId(broken) != null);
        assertThat(cases.letterTypes(broken)).containsExactly("RECEIPT");
        assertThat(waitingRow(broken)).isZero();
    }

    private long waitingRow(UUID id) {
        return jdbc.sql("SELECT count(*) FROM process_intake WHERE application_id = :id").param("id", id)
                .query(Long.class).single();
    }
}
