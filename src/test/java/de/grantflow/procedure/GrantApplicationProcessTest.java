package de.grantflow.procedure;

import static de.grantflow.procedure.GrantApplicationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import de.grantflow.TestClock;
import de.grantflow.application.ApplicationStatus;
import de.grantflow.application.CaseFixtures;
import de.grantflow.application.FourEyesViolation;
import de.grantflow.forms.FormValidationException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * Every path of bpmn/grant-application.bpmn, on the real engine and database. The job executor is off: the test
 * executes jobs itself and moves the clock across deadlines.
 */
@SpringBootTest
@ActiveProfiles("test")
@TestPropertySource(properties = "camunda.bpm.job-execution.enabled=false")
class GrantApplicationProcessTest {

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired ProcedureTestSupport procedure;
    @Autowired CaseFixtures cases;
    @Autowired TestClock clock;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(engine);
        clock.reset();
        cases.ensureUsers();
    }

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    @Test
    void approvesCompleteApplicationAndBecomesFinalWhenTheTimeLimitForSuingHasPassed() {
        UUID id = submitted("Lotsen für Neuzugewanderte", 20_000);
        ProcessInstance instance = instance(id);
        assertThat(instance).isWaitingAt(TASK_FORMAL_CHECK);
        assertThat(cases.letterTypes(id)).containsExactly("RECEIPT");

        complete(id, TASK_FORMAL_CHECK, "pruefer", Map.of("complete", true));
        assertThat(cases.status(id)).isEqualTo(ApplicationStatus.IN_REVIEW);
        complete(id, TASK_REVIEW, "pruefer", approvingReview(20_000));
        complete(id, TASK_DECIDE, "bewilliger", Map.of("decision", "approve"));

        assertThat(instance).isWaitingAt(GATEWAY_AWAIT_FINALITY);
        assertThat(cases.status(id)).isEqualTo(ApplicationStatus.APPROVED);
        assertThat(cases.grantedAmount(id)).isEqualByComparingTo("20000");
        assertThat(cases.letterTypes(id)).containsExactly("RECEIPT", "GRANT_DECISION");

        clock.advance(Duration.ofDays(20));
        assertThat(management.createJobQuery().processInstanceId(instance.getId()).executable().count()).isZero();
        clock.advance(Duration.ofDays(30));
        executeJobs(instance);
        assertThat(instance).isEnded();
        assertThat(cases.finalOn(id)).isNotNull();
    }

    @Test
    void continuesWhenMissingDocumentsAreSuppliedInTime() {
        UUID id = submitted("Interkulturelle Öffnung", 10_000);
        ProcessInstance instance = instance(id);
        complete(id, TASK_FORMAL_CHECK, "pruefer",
                Map.of("complete", false, "missingDocuments", "Kosten- und Finanzierungsplan\nRatsbeschluss"));

        assertThat(instance).isWaitingAt(TASK_SUPPLY_DOCUMENTS);
        assertThat(cases.status(id)).isEqualTo(ApplicationStatus.INCOMPLETE);
        assertThat(cases.letterTypes(id)).containsExactly("RECEIPT", "REQUEST_FOR_DOCUMENTS");
        Task supply = task(id);
        assertThat(supply.getDueDate()).isNotNull();

        complete(id, TASK_SUPPLY_DOCUMENTS, "antrag.dortmund", Map.of("documentsSupplied", "Finanzierungsplan"));
        assertThat(instance).isWaitingAt(TASK_FORMAL_CHECK);
        complete(id, TASK_FORMAL_CHECK, "pruefer", Map.of("complete", true));
        complete(id, TASK_REVIEW, "pruefer", approvingReview(10_000));
        complete(id, TASK_DECIDE, "pruefer2", Map.of("decision", "approve"));
        assertThat(cases.status(id)).isEqualTo(ApplicationStatus.APPROVED);
    }

    @Test
    void remindsBeforeTheDeadlineAndLapsesWhenNothingArrives() {
        UUID id = submitted("Einbürgerungskampagne", 10_000);
        ProcessInstance instance = instance(id);
        complete(id, TASK_FORMAL_CHECK, "pruefer", Map.of("complete", false, "missingDocuments", "Ratsbeschluss"));

        Job reminder = timer(instance, TIMER_DOCUMENTS_REMINDER);
        Job deadline = timer(instance, TIMER_DOCUMENTS_DEADLINE);
        assertThat(reminder.getDuedate()).isBefore(deadline.getDuedate());
        clock.set(reminder.getDuedate().toInstant().plusSeconds(60));
        management.executeJob(reminder.getId());
        assertThat(instance).isWaitingAt(TASK_SUPPLY_DOCUMENTS);
        assertThat(cases.letterTypes(id)).contains("REMINDER");

        clock.set(deadline.getDuedate().toInstant().plusSeconds(60));
        management.executeJob(deadline.getId());
        assertThat(instance).isEnded();
        assertThat(cases.status(id)).isEqualTo(ApplicationStatus.LAPSED);
        assertThat(cases.letterTypes(id)).contains("LAPSE");
    }

    @Test
    void rejectsAfterHearingWhenTheApplicantDoesNotConvince() {
        UUID id = submitted("Integrationstraining", 15_000);
        ProcessInstance instance = instance(id);
        complete(id, TASK_FORMAL_CHECK, "pruefer", Map.of("complete", true));
        complete(id, TASK_REVIEW, "pruefer", Map.of("score", 20, "recommendation", "reject", "proposedAmount", 0,
                "justification", "Das Vorhaben ist nicht innovativ; es setzt Bestehendes fort."));
        complete(id, TASK_DECIDE, "bewilliger", Map.of("decision", "reject", "comment", "Der Empfehlung folgend."));

        assertThat(instance).isWaitingAt(TASK_RESPOND_TO_HEARING);
        assertThat(cases.status(id)).isEqualTo(ApplicationStatus.HEARING);
        assertThat(cases.letterTypes(id)).containsExactly("RECEIPT", "HEARING");

        complete(id, TASK_RESPOND_TO_HEARING, "antrag.dortmund", Map.of("statement", "Wir halten am Antrag fest.",
                "maintainsApplication", true));
        complete(id, TASK_FINAL_DECISION, "bewilliger", Map.of("decision", "reject"));
        assertThat(cases.status(id)).isEqualTo(ApplicationStatus.REJECTED);
        assertThat(cases.letterTypes(id)).containsExactly("RECEIPT", "HEARING", "REJECTION");
        assertThat(instance).isWaitingAt(GATEWAY_AWAIT_FINALITY);
    }

    @Test
    void approvesLessThanRequestedOnlyAfterAHearingWhoseDeadlinePassed() {
        UUID id = submitted("Transferprojekt", 30_000);
        ProcessInstance instance = instance(id);
        complete(id, TASK_FORMAL_CHECK, "pruefer", Map.of("complete", true));
        complete(id, TASK_REVIEW, "pruefer", approvingReview(25_000));
        complete(id, TASK_DECIDE, "bewilliger", Map.of("decision", "approve"));
        assertThat(instance).isWaitingAt(TASK_RESPOND_TO_HEARING);

        Job hearingDeadline = timer(instance, TIMER_HEARING_DEADLINE);
        clock.set(hearingDeadline.getDuedate().toInstant().plusSeconds(60));
        management.executeJob(hearingDeadline.getId());
        assertThat(instance).isWaitingAt(TASK_FINAL_DECISION);

        complete(id, TASK_FINAL_DECISION, "bewilliger", Map.of("decision", "approve"));
        assertThat(cases.status(id)).isEqualTo(ApplicationStatus.APPROVED);
        assertThat(cases.grantedAmount(id)).isEqualByComparingTo("25000");
        assertThat(cases.letterTypes(id)).containsExactly("RECEIPT", "HEARING", "GRANT_DECISION");
    }

    @Test
    void withdrawalEndsTheProcedure() {
        UUID id = submitted("Zurückgenommenes Vorhaben", 10_000);
        ProcessInstance instance = instance(id);
        runtime.createMessageCorrelation(MESSAGE_WITHDRAWN).processInstanceId(instance.getId()).correlate();
        assertThat(instance).isEnded();
        assertThat(cases.status(id)).isEqualTo(ApplicationStatus.WITHDRAWN);
    }

    @Test
    void waivingTheAppealMakesTheDecisionFinalAtOnce() {
        UUID id = submitted("Schneller Start", 10_000);
        ProcessInstance instance = instance(id);
        complete(id, TASK_FORMAL_CHECK, "pruefer", Map.of("complete", true));
        complete(id, TASK_REVIEW, "pruefer", approvingReview(10_000));
        complete(id, TASK_DECIDE, "bewilliger", Map.of("decision", "approve"));
        runtime.createMessageCorrelation(MESSAGE_APPEAL_WAIVED).processInstanceId(instance.getId()).correlate();
        assertThat(instance).isEnded();
        assertThat(cases.finalOn(id)).isNotNull();
    }

    @Test
    void refusesADecisionByTheReviewerOfTheCase() {
        UUID id = submitted("Vier Augen", 10_000);
        complete(id, TASK_FORMAL_CHECK, "pruefer", Map.of("complete", true));
        complete(id, TASK_REVIEW, "pruefer2", approvingReview(10_000));

        assertThatThrownBy(() -> complete(id, TASK_DECIDE, "pruefer2", Map.of("decision", "approve")))
                .hasRootCauseInstanceOf(FourEyesViolation.class);
        assertThat(instance(id)).isWaitingAt(TASK_DECIDE);
        assertThat(cases.status(id)).isEqualTo(ApplicationStatus.IN_REVIEW);
        complete(id, TASK_DECIDE, "bewilliger", Map.of("decision", "approve"));
        assertThat(cases.status(id)).isEqualTo(ApplicationStatus.APPROVED);
    }

    @Test
    void refusesAnApprovalBeyondTheRemainingBudget() {
        cases.setBudget("kommin-nrw", 2026, new BigDecimal("15000"));
        try {
            UUID first = decidable("Erstes Vorhaben", 10_000);
            UUID second = decidable("Zweites Vorhaben", 10_000);
            complete(first, TASK_DECIDE, "bewilliger", Map.of("decision", "approve"));
            assertThatThrownBy(() -> complete(second, TASK_DECIDE, "bewilliger", Map.of("decision", "approve")))
                    .hasMessageContaining("Budget");
            assertThat(cases.status(second)).isEqualTo(ApplicationStatus.IN_REVIEW);
            assertThat(instance(second)).isWaitingAt(TASK_DECIDE);
        } finally {
            cases.setBudget("kommin-nrw", 2026, new BigDecimal("1500000"));
        }
    }

    @Test
    void validatesTheFormOfEveryTaskCompletedThroughTheEngineItself() {
        UUID id = submitted("Am Formular vorbei", 10_000);
        complete(id, TASK_FORMAL_CHECK, "pruefer", Map.of("complete", true));
        assertThatThrownBy(() -> complete(id, TASK_REVIEW, "pruefer", Map.of("recommendation", "vielleicht",
                "score", 500)))
                .hasRootCauseInstanceOf(FormValidationException.class)
                .hasStackTraceContaining("justification");
        assertThat(instance(id)).isWaitingAt(TASK_REVIEW);
    }

    @Test
    void refusesAnIncompleteCheckWithoutTheMissingDocuments() {
        UUID id = submitted("Ohne Liste", 10_000);
        assertThatThrownBy(() -> complete(id, TASK_FORMAL_CHECK, "pruefer", Map.of("complete", false)))
                .hasRootCauseInstanceOf(FormValidationException.class);
        assertThat(instance(id)).isWaitingAt(TASK_FORMAL_CHECK);
    }

    @Test
    void rejectsAnApplicantFromAnotherStateOnlyAfterReviewDecisionAndHearing() {
        UUID id = procedure.submitted("antrag.stuttgart", "kommin-nrw", CaseFixtures.kommIn("Aus Stuttgart", 10_000));
        ProcessInstance instance = instance(id);
        assertThat(instance).isWaitingAt(TASK_REVIEW);
        assertThatThrownBy(() -> complete(id, TASK_REVIEW, "pruefer", approvingReview(10_000)))
                .hasRootCauseInstanceOf(FormValidationException.class);
        complete(id, TASK_REVIEW, "pruefer", Map.of("score", 0, "recommendation", "reject", "proposedAmount", 0,
                "justification", "Nicht antragsberechtigt."));
        complete(id, TASK_DECIDE, "bewilliger", Map.of("decision", "reject"));
        assertThat(instance).isWaitingAt(TASK_RESPOND_TO_HEARING);
        complete(id, TASK_RESPOND_TO_HEARING, "antrag.stuttgart", Map.of());
        complete(id, TASK_FINAL_DECISION, "bewilliger", Map.of("decision", "reject"));
        assertThat(cases.status(id)).isEqualTo(ApplicationStatus.REJECTED);
    }

    private UUID submitted(String title, int requested) {
        return procedure.submitted("antrag.dortmund", "kommin-nrw", CaseFixtures.kommIn(title, requested));
    }

    private UUID decidable(String title, int requested) {
        UUID id = submitted(title, requested);
        complete(id, TASK_FORMAL_CHECK, "pruefer", Map.of("complete", true));
        complete(id, TASK_REVIEW, "pruefer", approvingReview(requested));
        return id;
    }

    private static Map<String, Object> approvingReview(int amount) {
        return ProcedureTestSupport.approvingReview(amount);
    }

    private void complete(UUID id, String taskKey, String username, Map<String, Object> variables) {
        procedure.complete(id, taskKey, username, variables);
    }

    private ProcessInstance instance(UUID id) {
        return runtime.createProcessInstanceQuery().processInstanceId(cases.processInstanceId(id)).singleResult();
    }

    private Task task(UUID id) {
        return tasks.createTaskQuery().processInstanceId(cases.processInstanceId(id)).singleResult();
    }

    private Job timer(ProcessInstance instance, String activityId) {
        return management.createJobQuery().processInstanceId(instance.getId()).timers().activityId(activityId)
                .singleResult();
    }

    private void executeJobs(ProcessInstance instance) {
        List<Job> jobs;
        while (!(jobs = management.createJobQuery().processInstanceId(instance.getId()).executable().list())
                .isEmpty()) {
            jobs.forEach(job -> management.executeJob(job.getId()));
        }
    }
}
