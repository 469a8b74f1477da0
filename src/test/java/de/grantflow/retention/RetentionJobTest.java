package de.grantflow.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import de.grantflow.ApiClient;
import de.grantflow.TestClock;
import de.grantflow.application.ApplicationStatus;
import de.grantflow.application.CaseFixtures;
import de.grantflow.attachments.AttachmentService;
import de.grantflow.attachments.SampleFiles;
import de.grantflow.security.CurrentUsers;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** Closed cases past their retention period lose their personal data; everything else stays as it was. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RetentionJobTest {

    @LocalServerPort int port;
    @Autowired CaseFixtures cases;
    @Autowired TestClock clock;
    @Autowired RetentionJob job;
    @Autowired AttachmentService attachments;
    @Autowired CurrentUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired ProcessEngine engine;

    @BeforeEach
    void setUp() {
        clock.reset();
        cases.ensureUsers();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anonymisesAClosedCasePastItsPeriodOnlyAndOnlyOnce() {
        // withdrawn in March 2026: kept five years from the end of 2026, anonymised from 2032 on
        UUID expired = cases.submit("antrag.dortmund", "kommin-nrw", withPhone(CaseFixtures.kommIn("Alt", 20_000)));
        await().atMost(Duration.ofSeconds(30)).until(() -> cases.letterTypes(expired).contains("RECEIPT"));
        attachments.add(users.find("antrag.dortmund").orElseThrow(), expired, "Satzung.pdf", SampleFiles.pdf());
        cases.withdraw("antrag.dortmund", expired);
        UUID open = cases.submit("antrag.dortmund", "kommin-nrw", withPhone(CaseFixtures.kommIn("Offen", 20_000)));
        clock.set(LocalDateTime.of(2030, 6, 1, 9, 0));
        UUID recent = cases.draft("antrag.dortmund", "kommin-nrw", withPhone(CaseFixtures.kommIn("Neu", 20_000)));
        cases.withdraw("antrag.dortmund", recent);
        assertThat(cases.letterTypes(expired)).isNotEmpty();

        clock.set(LocalDateTime.of(2032, 1, 2, 2, 30));
        job.anonymisePastRetention();

        JsonNode answer = new ApiClient(port, "antrag.dortmund", "demo").get("/api/applications/" + expired).body();
        assertThat(answer.path("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(answer.path("data").has("contactName")).isFalse();
        assertThat(answer.path("data").has("contactEmail")).isFalse();
        assertThat(answer.path("data").has("contactPhone")).isFalse();
        assertThat(answer.path("data").path("projectTitle").asText()).isEqualTo("Alt");
        assertThat(answer.path("letters")).isEmpty();
        assertThat(answer.toString()).doesNotContain("antrag.dortmund", "Anna Schäfer", "schaefer");
        assertThat(databaseText(expired)).doesNotContain("antrag.dortmund", "Anna Schäfer", "schaefer", "0231");
        assertThat(count("SELECT count(*) FROM letter WHERE application_id = :id", expired)).isZero();
        assertThat(count("SELECT count(*) FROM attachment WHERE application_id = :id", expired)).isZero();
        assertThat(count("SELECT count(*) FROM application WHERE id = :id AND anonymised_at IS NOT NULL", expired))
                .isOne();
        assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'CASE_ANONYMISED' AND subject = :s",
                "application:" + expired)).isOne();
        assertThat(jdbc.sql("SELECT outcome FROM stats_case WHERE application_id = :id").param("id", expired)
                .query(String.class).single()).isEqualTo("withdrawn");

        for (UUID untouched : List.of(open, recent)) {
            assertThat(databaseText(untouched)).contains("Anna Schäfer", "0231 50-0", "antrag.dortmund");
            assertThat(count("SELECT count(*) FROM application WHERE id = :id AND anonymised_at IS NULL", untouched))
                    .isOne();
        }
        assertThat(cases.status(recent)).isEqualTo(ApplicationStatus.WITHDRAWN);
        assertThat(cases.letterTypes(open)).contains("RECEIPT");

        String before = databaseText(expired);
        assertThat(job.anonymisePastRetention()).isZero();
        assertThat(databaseText(expired)).isEqualTo(before);
        assertThat(count("SELECT count(*) FROM audit_event WHERE action = 'CASE_ANONYMISED' AND subject = :s",
                "application:" + expired)).isOne();
    }

    @Test
    void keepsARejectionFromTheYearItBecameFinalNotFromTheYearOfTheDecision() {
        // both rejected on 1 December 2026: one final at once by the applicant's waiver, the other when its time for
        // an appeal ran out in January 2027, so kept one year longer
        UUID waived = reviewedForRejection("Verzicht");
        UUID appealable = reviewedForRejection("Frist");
        ApiClient dortmund = new ApiClient(port, "antrag.dortmund", "demo");
        assertThat(dortmund.post("/api/applications/" + appealable + "/early-start", Map.of("startOn", "2026-04-01",
                "reason", "Anna Schäfer beginnt im April.")).status()).isEqualTo(201);
        clock.set(LocalDateTime.of(2026, 12, 1, 9, 0));
        rejectAfterHearing(waived);
        rejectAfterHearing(appealable);
        assertThat(dortmund.post("/api/applications/" + waived + "/waive-appeal", null).status()).isEqualTo(200);
        assertThat(cases.finalOn(appealable)).isNull();
        clock.set(LocalDateTime.of(2027, 1, 20, 9, 0));
        await().atMost(Duration.ofSeconds(30)).until(() -> cases.finalOn(appealable) != null);
        assertThat(cases.finalOn(waived)).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(cases.finalOn(appealable).getYear()).isEqualTo(2027);

        clock.set(LocalDateTime.of(2032, 1, 2, 2, 30));
        job.anonymisePastRetention();
        assertThat(anonymised(waived)).isTrue();
        assertThat(anonymised(appealable)).isFalse();
        assertThat(databaseText(appealable)).contains("Anna Schäfer", "antrag.dortmund");
        assertThat(cases.letterTypes(appealable)).contains("HEARING", "REJECTION");

        clock.set(LocalDateTime.of(2033, 1, 2, 2, 30));
        job.anonymisePastRetention();
        assertThat(anonymised(appealable)).isTrue();
        JsonNode answer = dortmund.get("/api/applications/" + appealable).body();
        assertThat(answer.path("status").asText()).isEqualTo("REJECTED");
        assertThat(answer.path("letters")).isEmpty();
        assertThat(databaseText(appealable)).doesNotContain("Anna Schäfer", "antrag.dortmund", "Kein tragfähiges",
                "Wir halten", "Nicht förderfähig");
        assertThat(jdbc.sql("SELECT status || ' ' || requested_by || reason FROM early_start_request"
                + " WHERE application_id = :id").param("id", appealable).query(String.class).single())
                .as("the early start it asked for, settled by the rejection").isEqualTo("SETTLED anonymisiert");
    }

    @Test
    void forgetsWhoAnsweredAFlashSurveyThreeYearsAfterTheYearItClosedAndKeepsItsFigures() {
        // closed in 2026: the answers are kept through 2029 (KOMM-IN's retention.surveyAnswers P3Y)
        UUID expired = survey("Blitzlicht 2026", LocalDate.of(2026, 3, 31));
        UUID recent = survey("Blitzlicht 2027", LocalDate.of(2027, 4, 30));
        UUID open = survey("Blitzlicht offen", null);
        ApiClient manager = new ApiClient(port, "programm", "demo");
        JsonNode figures = manager.get("/api/programmes/kommin-nrw/surveys/" + expired).body();
        assertThat(figures.path("invited").asInt()).isEqualTo(2);
        assertThat(figures.path("responded").asInt()).isEqualTo(1);
        assertThat(figures.path("answers").path("overallBenefit").path("very").asInt()).isEqualTo(1);

        clock.set(LocalDateTime.of(2029, 12, 31, 2, 30));
        job.forgetSurveyAnswersPastRetention();
        assertThat(surveyText(expired)).contains("Frau Schäfer", "antrag.muenster", "05515000", "programm");

        clock.set(LocalDateTime.of(2030, 1, 1, 2, 30));
        assertThat(job.forgetSurveyAnswersPastRetention()).isPositive();

        assertThat(surveyText(expired)).doesNotContain("Frau Schäfer", "antrag.muenster", "05515000", "05911000",
                "programm");
        assertThat(count("SELECT count(*) FROM survey_invitation WHERE survey_id = :id", expired)).isZero();
        assertThat(manager.get("/api/programmes/kommin-nrw/surveys/" + expired).body())
                .as("the figures the evaluation reads stay as they were").isEqualTo(figures);
        assertThat(new ApiClient(port, "antrag.muenster", "demo").get("/api/surveys").body().findValuesAsText("id"))
                .doesNotContain(expired.toString()).contains(recent.toString(), open.toString());
        for (UUID untouched : List.of(recent, open)) {
            assertThat(surveyText(untouched)).contains("Frau Schäfer", "antrag.muenster", "05515000", "programm");
        }

        String before = surveyText(expired);
        job.forgetSurveyAnswersPastRetention();
        assertThat(surveyText(expired)).isEqualTo(before);
        assertThat(manager.get("/api/programmes/kommin-nrw/surveys/" + expired).body()).isEqualTo(figures);
    }

    @Test
    void lettersStayUndeletableWhileTheCaseIsNotAnonymised() {
        UUID id = cases.submit("antrag.dortmund", "kommin-nrw", CaseFixtures.kommIn("Bleibt", 20_000));
        await().atMost(Duration.ofSeconds(30)).until(() -> cases.letterTypes(id).contains("RECEIPT"));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql(
                "DELETE FROM letter WHERE application_id = :id").param("id", id).update())
                .hasMessageContaining("Schreiben sind unveränderlich");
    }

    @Test
    void theEngineRemovesEndedHistoryInANightlyWindow() {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();

        assertThat(configuration.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
        assertThat(configuration.getHistoryRemovalTimeStrategy()).isEqualTo("end");
        assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("03:00");
        assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
        assertThat(engine.getHistoryService().findHistoryCleanupJobs()).isNotEmpty();
    }

    /**
     * A KOMM-IN survey started by the programme manager (closed on the given day, or still open) to which Münster
     * answered, naming a person in its free text, and Bochum did not (municipalities no other survey test asks).
     */
    private UUID survey(String title, LocalDate closedOn) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO survey (id, programme_key, title, funded_from, funded_to, form_key, due_on, created_by,
                    created_at, closed_on)
                VALUES (:id, 'kommin-nrw', :title, 2024, 2025, 'flash-survey', :due, 'programm', now(), :closed)""")
                .param("id", id).param("title", title)
                .param("due", closedOn == null ? LocalDate.of(2026, 3, 31) : closedOn.minusDays(1))
                .param("closed", closedOn).update();
        jdbc.sql("""
                INSERT INTO survey_invitation (survey_id, ags, responded_at, responded_by, answers) VALUES
                    (:id, '05515000', now(), 'antrag.muenster', CAST(:answers AS jsonb)),
                    (:id, '05911000', NULL, NULL, NULL)""")
                .param("id", id).param("answers", "{\"overallBenefit\": \"very\", \"structuresContinued\": \"partly\","
                        + " \"procedureEffort\": \"high\", \"suggestions\": \"Frau Schäfer hat geholfen\"}")
                .update();
        return id;
    }

    /** The survey with its invitations and answers as our tables hold them, as text. */
    private String surveyText(UUID id) {
        return jdbc.sql("""
                SELECT s::text || coalesce((SELECT string_agg(i::text, '|' ORDER BY i.ags) FROM survey_invitation i
                                            WHERE i.survey_id = s.id), '')
                FROM survey s WHERE s.id = :id""").param("id", id).query(String.class).single();
    }

    /** A Dortmund case submitted now, checked complete, and reviewed with the recommendation to reject it. */
    private UUID reviewedForRejection(String title) {
        UUID id = cases.submit("antrag.dortmund", "kommin-nrw", CaseFixtures.kommIn(title, 20_000));
        ApiClient pruefer = new ApiClient(port, "pruefer", "demo");
        complete(pruefer, id, "Task_FormalCheck", Map.of("complete", true));
        complete(pruefer, id, "Task_Review", Map.of("score", 10, "recommendation", "reject", "proposedAmount", 0,
                "justification", "Kein tragfähiges Konzept."));
        return id;
    }

    /** The approver agrees with the rejection, the municipality answers the hearing, the approver rejects. */
    private void rejectAfterHearing(UUID id) {
        ApiClient bewilliger = new ApiClient(port, "bewilliger", "demo");
        complete(bewilliger, id, "Task_Decide", Map.of("decision", "reject", "comment", "Nicht förderfähig."));
        complete(new ApiClient(port, "antrag.dortmund", "demo"), id, "Task_RespondToHearing",
                Map.of("statement", "Wir halten am Antrag fest.", "maintainsApplication", true));
        complete(bewilliger, id, "Task_FinalDecision", Map.of("decision", "reject"));
        await().atMost(Duration.ofSeconds(30)).until(() -> cases.letterTypes(id).contains("REJECTION"));
        assertThat(cases.status(id)).isEqualTo(ApplicationStatus.REJECTED);
    }

    private static void complete(ApiClient user, UUID id, String taskKey, Map<String, Object> data) {
        assertThat(user.post("/api/tasks/" + user.awaitTask(id, taskKey) + "/complete", Map.of("data", data))
                .status()).as(taskKey).isEqualTo(204);
    }

    private boolean anonymised(UUID id) {
        return count("SELECT count(*) FROM application WHERE id = :id AND anonymised_at IS NOT NULL", id) == 1;
    }

    private static Map<String, Object> withPhone(Map<String, Object> data) {
        data.put("contactPhone", "0231 50-0");
        return data;
    }

    /** The case, its timeline and the inputs of its rule decisions as our tables hold them, as text. */
    private String databaseText(UUID id) {
        return jdbc.sql("""
                SELECT a::text || coalesce((SELECT string_agg(e::text, '|' ORDER BY e.id) FROM application_event e
                                            WHERE e.application_id = a.id), '')
                    || coalesce((SELECT string_agg(d.inputs::text, '|' ORDER BY d.evaluated_at, d.decision_key)
                                 FROM decision_record d WHERE d.application_id = a.id), '')
                FROM application a WHERE a.id = :id""").param("id", id).query(String.class).single();
    }

    private long count(String sql, Object param) {
        String name = sql.contains(":s") ? "s" : "id";
        return jdbc.sql(sql).param(name, param).query(Long.class).single();
    }
}
