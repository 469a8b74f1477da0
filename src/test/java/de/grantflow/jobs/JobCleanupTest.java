package de.grantflow.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.grantflow.security.TestUsers;
import de.grantflow.security.UserAccounts;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The clean-up of background jobs: finished and failed jobs older than the configured period (30 days) go with their
 * result files, younger ones and running ones stay, a running job whose node died long ago goes too, and a row that
 * another node holds is skipped rather than waited for.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class JobCleanupTest {

    @Autowired JobCleanup cleanup;
    @Autowired BackgroundJobs jobs;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactionManager;

    @BeforeEach
    void signIn() {
        TestUsers.ensureDemoUsers(accounts);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated("programm", null, List.of()));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void deletesFinishedAndFailedJobsWithTheirResultsAfterThirtyDaysAndKeepsTheRest() {
        UUID oldDone = job("DONE", 31, 31);
        UUID oldFailed = job("FAILED", 40, 40);
        UUID recentDone = job("DONE", 29, 29);
        UUID deadLongAgo = job("RUNNING", null, 45);
        UUID running = job("RUNNING", null, 0);

        assertThat(cleanup.deleteExpired()).isGreaterThanOrEqualTo(3);

        assertThat(ids()).doesNotContain(oldDone, oldFailed, deadLongAgo).contains(recentDone, running);
        assertThatThrownBy(() -> jobs.find(oldDone)).isInstanceOf(JobNotFoundException.class);
        assertThatThrownBy(() -> jobs.result(oldDone)).isInstanceOf(JobNotFoundException.class);
        assertThat(jobs.result(recentDone).content()).containsExactly(1, 2, 3);
        assertThat(cleanup.deleteExpired()).as("a second run finds nothing more").isZero();
    }

    @Test
    void skipsAJobAnotherNodeHoldsInsteadOfWaitingForIt() throws Exception {
        UUID held = job("DONE", 60, 60);
        UUID free = job("FAILED", 60, 60);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> otherNode = CompletableFuture.runAsync(() -> new TransactionTemplate(transactionManager)
                .executeWithoutResult(tx -> {
                    jdbc.sql("SELECT id FROM background_job WHERE id = :id FOR UPDATE").param("id", held).query()
                            .singleValue();
                    locked.countDown();
                    await(release);
                }));
        try {
            assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
            long start = System.nanoTime();
            cleanup.deleteExpired();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("did not wait for the lock")
                    .isLessThan(Duration.ofSeconds(10));
            assertThat(ids()).contains(held).doesNotContain(free);
        } finally {
            release.countDown();
            otherNode.get(30, TimeUnit.SECONDS);
        }
        cleanup.deleteExpired();
        assertThat(ids()).doesNotContain(held);
    }

    /** A job of the signed-in manager that finished (or last beat) so many days ago, with a small result file. */
    private UUID job(String status, Integer finishedDaysAgo, int heartbeatDaysAgo) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO background_job (id, kind, owner, status, done, total, result, result_type, result_name,"
                        + " started_at, heartbeat_at, finished_at) VALUES (:id, 'TEST', 'programm', :status, 3, 3,"
                        + " CAST(:result AS bytea), 'application/octet-stream', 'x.bin', now() - interval '60 days',"
                        + " now() - :beat * interval '1 day', now() - CAST(:finished AS integer) * interval '1 day')")
                .param("id", id).param("status", status)
                .param("result", "DONE".equals(status) ? new byte[] {1, 2, 3} : null)
                .param("beat", heartbeatDaysAgo).param("finished", finishedDaysAgo).update();
        return id;
    }

    private List<UUID> ids() {
        return jdbc.sql("SELECT id FROM background_job").query(UUID.class).list();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
