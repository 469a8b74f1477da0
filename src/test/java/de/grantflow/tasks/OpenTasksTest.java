package de.grantflow.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import de.grantflow.ApiClient;
import de.grantflow.application.CaseFixtures;
import de.grantflow.tasks.OpenTasks.OpenTask;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link OpenTasks} reads the engine's runtime tables itself; what it reads must be what the engine's own task query
 * and identity links say, field by field.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OpenTasksTest {

    @Autowired CaseFixtures cases;
    @Autowired OpenTasks open;
    @Autowired TaskService tasks;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transaction;
    @Autowired Clock clock;
    @Autowired HistoryService history;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @LocalServerPort int port;

    @BeforeEach
    void setUp() {
        cases.ensureUsers();
    }

    @Test
    void readsATaskAsTheEnginesTaskQueryDoes() {
        UUID application = cases.submit("antrag.dortmund", "kommin-nrw",
                CaseFixtures.kommIn("Offene Aufgabe", 10_000));
        Task check = formalCheck(application);

        assertSame(open.find(check.getId()).orElseThrow(), check, application);

        check.setDueDate(Date.from(clock.instant().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MILLIS)));
        tasks.saveTask(check);
        tasks.claim(check.getId(), "pruefer");
        Task claimed = tasks.createTaskQuery().taskId(check.getId()).initializeFormKeys().singleResult();
        OpenTask read = open.find(check.getId()).orElseThrow();
        assertSame(read, claimed, application);
        assertThat(read.assignee()).isEqualTo("pruefer");
        assertThat(read.due()).isEqualTo(claimed.getDueDate().toInstant());
    }

    @Test
    void listsTheTasksOfACaseAndNoOtherCases() {
        UUID application = cases.submit("antrag.duisburg", "kommin-nrw",
                CaseFixtures.kommIn("Aufgaben eines Falls", 10_000));
        UUID other = cases.submit("antrag.duisburg", "kommin-nrw", CaseFixtures.kommIn("Ein anderer Fall", 10_000));
        Task check = formalCheck(application);
        formalCheck(other);

        List<OpenTask> ofCase = open.ofCase(application);

        assertThat(ofCase).extracting(OpenTask::id).containsExactlyInAnyOrderElementsOf(tasks.createTaskQuery()
                .processInstanceBusinessKey(application.toString()).list().stream().map(Task::getId).toList());
        assertThat(ofCase).extracting(OpenTask::id).contains(check.getId());
        assertThat(ofCase).extracting(OpenTask::applicationId).containsOnly(application);
    }

    /**
     * Our API completes a task nobody holds without claiming it first; the engine's history still names who completed
     * it, as it does for Tasklist, which claims first.
     */
    @Test
    void recordsWhoCompletedAnUnclaimedTaskAsItsAssignee() {
        UUID application = cases.submit("antrag.muenster", "kommin-nrw",
                CaseFixtures.kommIn("Ohne Übernahme erledigt", 10_000));
        Task check = formalCheck(application);
        assertThat(check.getAssignee()).isNull();

        ApiClient.Response done = new ApiClient(port, "pruefer", "demo").post("/api/tasks/" + check.getId()
                + "/complete", Map.of("data", Map.of("complete", true)));

        assertThat(done.status()).isEqualTo(204);
        assertThat(history.createHistoricTaskInstanceQuery().taskId(check.getId()).singleResult())
                .satisfies(task -> assertThat(task.getAssignee()).isEqualTo("pruefer"))
                .satisfies(task -> assertThat(task.getEndTime()).isNotNull());
    }

    /**
     * A form chosen by a process variable (the self-evaluation's) is evaluated only when its key is asked for, and
     * then as the engine evaluates it.
     */
    @Test
    void evaluatesAFormChosenByAVariableWhenAsked() {
        String key = "open-tasks-chosen-form";
        String deployment = repository.createDeployment().addModelInstance(key + ".bpmn", Bpmn
                .createExecutableProcess(key).camundaHistoryTimeToLive(1).startEvent().userTask("Task_Chosen")
                .camundaCandidateGroups("reviewer-br-arnsberg").camundaFormRef("${chosenForm}")
                .camundaFormRefBinding("latest").endEvent().done()).deploy().getId();
        try {
            UUID application = UUID.randomUUID();
            runtime.startProcessInstanceByKey(key, application.toString(), Map.of("chosenForm", "formal-check"));

            OpenTask read = open.ofCase(application).get(0);

            assertThat(read.form().expression()).isTrue();
            assertThat(open.formKey(read)).isEqualTo(tasks.createTaskQuery().taskId(read.id()).initializeFormKeys()
                    .singleResult().getCamundaFormRef().getKey()).isEqualTo("formal-check");
        } finally {
            repository.deleteDeployment(deployment, true);
        }
    }

    @Test
    void knowsNoTaskOutsideACase() {
        Task standalone = tasks.newTask();
        standalone.setName("Ohne Vorgang");
        tasks.saveTask(standalone);
        try {
            assertThat(open.find(standalone.getId())).isEmpty();
            assertThat(open.find("no-such-task")).isEmpty();
        } finally {
            tasks.deleteTask(standalone.getId(), true);
        }
    }

    /** The engine's lookup of a task's subtasks, as it runs it on every completion, can use the partial index. */
    @Test
    void letsTheEngineFindSubtasksByIndex() {
        List<String> plan = transaction.execute(status -> {
            jdbc.sql("SET LOCAL enable_seqscan = off").update();
            return jdbc.sql("EXPLAIN select * from ACT_RU_TASK where PARENT_TASK_ID_ = 'x'").query(String.class)
                    .list();
        });

        assertThat(String.join("\n", plan)).contains(TaskIndexes.PARENT);
    }

    private Task formalCheck(UUID application) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> tasks.createTaskQuery()
                .processInstanceBusinessKey(application.toString()).taskDefinitionKey("Task_FormalCheck")
                .initializeFormKeys().singleResult(), Objects::nonNull);
    }

    private void assertSame(OpenTask read, Task task, UUID application) {
        assertThat(read.id()).isEqualTo(task.getId());
        assertThat(read.name()).isEqualTo(task.getName());
        assertThat(read.taskDefinitionKey()).isEqualTo(task.getTaskDefinitionKey());
        assertThat(read.assignee()).isEqualTo(task.getAssignee());
        assertThat(read.processInstanceId()).isEqualTo(task.getProcessInstanceId());
        assertThat(read.tenantId()).isEqualTo(task.getTenantId()).isNotNull();
        assertThat(read.created()).isEqualTo(task.getCreateTime().toInstant());
        assertThat(read.due()).isEqualTo(task.getDueDate() == null ? null : task.getDueDate().toInstant());
        assertThat(open.formKey(read)).isEqualTo(task.getCamundaFormRef().getKey()).isEqualTo("formal-check");
        assertThat(read.applicationId()).isEqualTo(application);
        assertThat(read.candidateGroups()).containsExactlyInAnyOrderElementsOf(tasks.getIdentityLinksForTask(
                task.getId()).stream().filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(IdentityLink::getGroupId).filter(Objects::nonNull).toList()).isNotEmpty();
    }
}
