package de.grantflow.procedure;

import static de.grantflow.procedure.GrantApplicationProcess.TASK_DECIDE;
import static de.grantflow.procedure.GrantApplicationProcess.TASK_FINAL_DECISION;
import static de.grantflow.procedure.GrantApplicationProcess.TASK_FORMAL_CHECK;
import static de.grantflow.procedure.GrantApplicationProcess.TASK_RESPOND_TO_HEARING;
import static de.grantflow.procedure.GrantApplicationProcess.TASK_REVIEW;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import de.grantflow.TestClock;
import de.grantflow.application.ApplicationStatus;
import de.grantflow.application.CaseFixtures;
import de.grantflow.application.EarlyStartRequest;
import de.grantflow.application.EarlyStartService;
import de.grantflow.application.EarlyStartService.EarlyStartInput;
import de.grantflow.application.FourEyesViolation;
import de.grantflow.security.CurrentUsers;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/** bpmn/grant-early-start.bpmn, one test per path, the engine driven step by step. */
@SpringBootTest
@ActiveProfiles("test")
@TestPropertySource(properties = "camunda.bpm.job-execution.enabled=false")
class EarlyStartProcessTest {

    @Autowired ProcedureTestSupport procedure;
    @Autowired CaseFixtures cases;
    @Autowired TestClock clock;
    @Autowired RuntimeService runtime;
    @Autowired EarlyStartService earlyStarts;
    @Autowired CurrentUsers users;

    @BeforeEach
    void setUp() {
        clock.reset();
        cases.ensureUsers();
    }

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    @Test
    void aReviewerChecksASecondPersonAgreesAndTheBescheidGoesOut() {
        UUID id = procedure.submitted("antrag.dortmund", "kommin-nrw", CaseFixtures.kommIn("Früher Start", 20_000));
        EarlyStartRequest request = ask(id);
        ProcessInstance instance = instance(id);
        assertThat(instance).isWaitingAt(EarlyStartProcess.TASK_REVIEW);
        assertThat(procedure.openTask(id, EarlyStartProcess.TASK_REVIEW)).isNotNull();

        procedure.completeAny(id, EarlyStartProcess.TASK_REVIEW, "pruefer2", Map.of("recommendation", "approve",
                "justification", "Schlüssig."));
        assertThatThrownBy(() -> procedure.completeAny(id, EarlyStartProcess.TASK_DECIDE, "pruefer2",
                Map.of("decision", "approve"))).hasRootCauseInstanceOf(FourEyesViolation.class);
        procedure.completeAny(id, EarlyStartProcess.TASK_DECIDE, "bewilliger", Map.of("decision", "approve"));

        assertThat(instance).hasPassed("Task_IssueEarlyStartDecision", "End_EarlyStartDecided").isEnded();
        org.assertj.core.api.Assertions.assertThat(cases.letterTypes(id)).containsExactly("RECEIPT",
                "EARLY_START_DECISION");
        org.assertj.core.api.Assertions.assertThat(status(id, request)).isEqualTo(EarlyStartRequest.Status.APPROVED);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(cases.processInstanceId(id))
                .singleResult()).as("the application's procedure goes on as before").isWaitingAt(TASK_FORMAL_CHECK);
    }

    @Test
    void theRejectionOfTheGrantSettlesAnOpenRequestWithoutALetter() {
        UUID id = procedure.submitted("antrag.dortmund", "kommin-nrw", CaseFixtures.kommIn("Abgelehnt", 20_000));
        EarlyStartRequest request = ask(id);
        ProcessInstance instance = instance(id);
        procedure.completeAny(id, EarlyStartProcess.TASK_REVIEW, "pruefer2", Map.of("recommendation", "approve",
                "justification", "Schlüssig."));

        procedure.complete(id, TASK_FORMAL_CHECK, "pruefer", Map.of("complete", true));
        procedure.complete(id, TASK_REVIEW, "pruefer", Map.of("score", 10, "recommendation", "reject",
                "proposedAmount", 0, "justification", "Kein Konzept."));
        procedure.complete(id, TASK_DECIDE, "bewilliger", Map.of("decision", "reject"));
        procedure.complete(id, TASK_RESPOND_TO_HEARING, "antrag.dortmund", Map.of());
        procedure.complete(id, TASK_FINAL_DECISION, "bewilliger", Map.of("decision", "reject"));

        org.assertj.core.api.Assertions.assertThat(cases.status(id)).isEqualTo(ApplicationStatus.REJECTED);
        assertThat(instance).hasPassed("End_EarlyStartSettled").isEnded();
        org.assertj.core.api.Assertions.assertThat(status(id, request)).isEqualTo(EarlyStartRequest.Status.SETTLED);
        org.assertj.core.api.Assertions.assertThat(cases.letterTypes(id)).doesNotContain("EARLY_START_DECISION");
    }

    private EarlyStartRequest ask(UUID id) {
        return earlyStarts.request(users.find("antrag.dortmund").orElseThrow(), id,
                new EarlyStartInput(LocalDate.of(2026, 4, 1), "Die Schulung muss vor den Ferien stattfinden."));
    }

    private ProcessInstance instance(UUID id) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(EarlyStartProcess.KEY)
                .processInstanceBusinessKey(id.toString()).singleResult();
    }

    private EarlyStartRequest.Status status(UUID id, EarlyStartRequest request) {
        return earlyStarts.of(users.find("antrag.dortmund").orElseThrow(), id).stream()
                .filter(r -> r.id().equals(request.id())).findFirst().orElseThrow().status();
    }
}
