package de.grantflow.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import de.grantflow.forms.FieldError;
import de.grantflow.forms.FormValidationException;
import de.grantflow.security.TestUsers;
import de.grantflow.statistics.ProgrammeJobs;
import de.grantflow.security.UserAccounts;
import de.grantflow.web.PageSession;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The runner of background jobs: progress is visible while the work's own transaction is still open, the page polls
 * until the job is finished, a job whose node stopped beating is started again as its owner (or shows as failed when
 * it cannot be), and jobs belong to their owner.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BackgroundJobsTest {

    @LocalServerPort int port;
    @Autowired BackgroundJobs jobs;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactionManager;
    @Autowired JobStore store;

    @BeforeEach
    void signIn() {
        TestUsers.ensureDemoUsers(accounts);
        signInAs("programm");
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void progressShowsWhileTheWorksTransactionIsOpenAndThePagePollsUntilDone() throws Exception {
        CountDownLatch reported = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Job job = jobs.start("TEST", "kommin-nrw", "Wartet", progress -> new TransactionTemplate(transactionManager)
                .execute(status -> {
                    jdbc.sql("SELECT txid_current()").query().singleValue();
                    progress.report(1, 3, "Schritt eins");
                    reported.countDown();
                    waitFor(release);
                    progress.report(2, 3, null);
                    progress.report(3, 3, null);
                    return JobOutcome.message("Alles erledigt");
                }));
        assertThat(reported.await(30, TimeUnit.SECONDS)).isTrue();

        Job running = jobs.find(job.id());
        assertThat(running.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(running.done()).isEqualTo(1);
        assertThat(running.total()).isEqualTo(3);
        assertThat(running.message()).isEqualTo("Schritt eins");
        PageSession page = new PageSession(port);
        page.loginAndFollow("programm");
        String status = page.get("/dashboard/jobs/" + job.id() + "/status").body();
        assertThat(status).contains("hx-trigger=\"every 1s\"", "hx-get=\"/dashboard/jobs/" + job.id() + "/status\"",
                "<progress id=\"job-progress\" max=\"3\" value=\"1\">", "1 von 3", "Schritt eins");

        release.countDown();
        Job done = await().atMost(Duration.ofSeconds(30)).pollInSameThread().until(() -> jobs.find(job.id()), Job::finished);
        assertThat(done.status()).isEqualTo(JobStatus.DONE);
        assertThat(done.done()).isEqualTo(3);
        assertThat(done.message()).isEqualTo("Alles erledigt");
        assertThat(page.get("/dashboard/jobs/" + job.id() + "/status").body())
                .doesNotContain("hx-trigger", "<progress").contains("Fertig.", "Alles erledigt");
        assertThatThrownBy(() -> jobs.result(job.id())).isInstanceOf(JobResultNotReadyException.class);
    }

    @Test
    void aRefusalByFieldFailsTheJobWithItsErrorsAndAFileComesOnlyWhenDone() {
        Job invalid = jobs.start("TEST", null, null, progress -> {
            throw new FormValidationException(List.of(new FieldError("rows[2].year", "Ganze Zahl erwartet")));
        });
        Job failed = await().atMost(Duration.ofSeconds(30)).pollInSameThread().until(() -> jobs.find(invalid.id()), Job::finished);
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.message()).as("not the step it was at").isEqualTo("Abgebrochen");
        assertThat(failed.errorMessage()).isEqualTo("Die Eingaben sind ungültig; es wurde nichts übernommen.");
        assertThat(failed.errors()).containsExactly(new FieldError("rows[2].year", "Ganze Zahl erwartet"));
        assertThatThrownBy(() -> jobs.result(invalid.id())).isInstanceOf(JobResultNotReadyException.class);

        Job file = jobs.start("TEST", null, null,
                progress -> JobOutcome.file("Fertig", new byte[] {1, 2, 3}, "application/octet-stream", "x.bin"));
        await().atMost(Duration.ofSeconds(30)).pollInSameThread().until(() -> jobs.find(file.id()), Job::finished);
        assertThat(jobs.result(file.id()).content()).containsExactly(1, 2, 3);

        signInAs("evaluation");
        assertThatThrownBy(() -> jobs.find(file.id())).isInstanceOf(JobNotFoundException.class);
        assertThatThrownBy(() -> jobs.result(file.id())).isInstanceOf(JobNotFoundException.class);
        signInAs("admin");
        assertThat(jobs.result(file.id()).fileName()).isEqualTo("x.bin");
    }

    @Test
    void aJobGivenAsAClosureWhoseNodeStoppedBeatingShowsAsFailed() {
        UUID lost = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        for (UUID id : List.of(lost, recent)) {
            jdbc.sql("INSERT INTO background_job (id, kind, owner, status, done, total, started_at, heartbeat_at)"
                    + " VALUES (:id, 'TEST', 'programm', 'RUNNING', 4, 10, now() - interval '2 hours',"
                    + " now() - :age * interval '1 minute')").param("id", id).param("age", id == lost ? 90 : 0)
                    .update();
        }
        Job abandoned = jobs.find(lost);
        assertThat(abandoned.status()).isEqualTo(JobStatus.FAILED);
        assertThat(abandoned.errorMessage()).isEqualTo(BackgroundJobs.ABANDONED);
        assertThat(jobs.find(recent).status()).isEqualTo(JobStatus.RUNNING);
    }

    @Test
    void anExportWhoseNodeDiedIsStartedAgainAsItsOwnerAndTheOldRunWritesNothing() {
        UUID lost = abandoned(ProgrammeJobs.STATISTICS_EXPORT, "programm", "{\"from\": \"2025\", \"to\": \"2026\"}",
                null, 1);

        jobs.resumeAbandoned();

        Job resumed = await().atMost(Duration.ofSeconds(30)).pollInSameThread().until(() -> jobs.find(lost),
                Job::finished);
        assertThat(resumed.status()).isEqualTo(JobStatus.DONE);
        assertThat(resumed.message()).endsWith("Zeilen geschrieben (je Jahr und gesamt)");
        assertThat(new String(jobs.result(lost).content(), StandardCharsets.UTF_8)).contains("2025", "2026");
        assertThat(attempt(lost)).isEqualTo(2);
        // the first run, had its node only been slow, is fenced off by its attempt number
        store.failed(lost, 1, "zu spät", List.of());
        assertThat(jobs.find(lost).status()).isEqualTo(JobStatus.DONE);
    }

    @Test
    void anImportWhoseNodeDiedIsStartedAgainWhenItsPageIsLookedAtAndItsFileIsThenDeleted() {
        String ags = jdbc.sql("SELECT ags FROM municipality WHERE state = 'BW' AND length(ags) = 8 LIMIT 1")
                .query(String.class).single();
        String csv = "reference,ags,year,status,requested,granted,paid,submitted_on,decided_on\n"
                + "RESUME-" + UUID.randomUUID().toString().substring(0, 8) + "," + ags
                + ",2014,approved,20000,15000.00,10000.00,2014-02-03,2014-05-06\n";
        UUID lost = abandoned(ProgrammeJobs.LEGACY_IMPORT, "programm", "{}", csv.getBytes(StandardCharsets.UTF_8), 1);

        Job looked = jobs.find(lost);
        assertThat(looked.status()).as("taken by this node, not failed").isIn(JobStatus.RUNNING, JobStatus.DONE);
        Job done = await().atMost(Duration.ofSeconds(30)).pollInSameThread().until(() -> jobs.find(lost),
                Job::finished);
        assertThat(done.status()).isEqualTo(JobStatus.DONE);
        assertThat(done.message()).isEqualTo("1 Altfall eingelesen");
        assertThat(jdbc.sql("SELECT input IS NULL FROM background_job WHERE id = :id").param("id", lost)
                .query(Boolean.class).single()).as("the uploaded file is not kept").isTrue();
    }

    @Test
    void aJobStartedAsOftenAsAllowedFailsAndOneWhoseOwnerLostAccessIsRefused() {
        String years = "{\"from\": \"2025\", \"to\": \"2026\"}";
        UUID exhausted = abandoned(ProgrammeJobs.STATISTICS_EXPORT, "programm", years, null, 3);
        UUID refused = abandoned(ProgrammeJobs.STATISTICS_EXPORT, "antrag.dortmund", years, null, 1);

        jobs.resumeAbandoned();

        signInAs("admin");
        Job failed = jobs.find(exhausted);
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.errorMessage()).isEqualTo(BackgroundJobs.ABANDONED);
        Job notAllowed = await().atMost(Duration.ofSeconds(30)).pollInSameThread().until(() -> jobs.find(refused),
                Job::finished);
        assertThat(notAllowed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(notAllowed.errorMessage()).contains("nicht erneut gestartet", "Zugriff");
        assertThatThrownBy(() -> jobs.result(refused)).isInstanceOf(JobResultNotReadyException.class);
    }

    /** A running job as a node leaves it when it dies: its heartbeat stopped an hour and a half ago. */
    private UUID abandoned(String kind, String owner, String parameters, byte[] input, int attempt) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO background_job (id, kind, owner, programme_key, parameters, input, attempt, status,"
                        + " done, total, message, started_at, heartbeat_at) VALUES (:id, :kind, :owner, :programme,"
                        + " CAST(:parameters AS jsonb), :input, :attempt, 'RUNNING', 4, 10, 'Schritt vier',"
                        + " now() - interval '2 hours', now() - interval '90 minutes')")
                .param("id", id).param("kind", kind).param("owner", owner)
                .param("programme", kind.equals(ProgrammeJobs.LEGACY_IMPORT) ? "fluechtlingsdialoge-bw" : "kommin-nrw")
                .param("parameters", parameters).param("input", input).param("attempt", attempt).update();
        return id;
    }

    private int attempt(UUID id) {
        return jdbc.sql("SELECT attempt FROM background_job WHERE id = :id").param("id", id).query(Integer.class)
                .single();
    }

    private static void signInAs(String username) {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(username, null, List.of()));
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
