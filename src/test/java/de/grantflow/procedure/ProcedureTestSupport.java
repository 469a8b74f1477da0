package de.grantflow.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import de.grantflow.application.CaseFixtures;
import de.grantflow.security.CurrentUsers;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** Drives cases through the engine in process tests: runs their jobs, completes their tasks as a given user. */
@Component
@Profile("test")
class ProcedureTestSupport {

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final IdentityService identity;
    private final CaseFixtures cases;
    private final CurrentUsers users;

    ProcedureTestSupport(RuntimeService runtime, TaskService tasks, ManagementService management,
            IdentityService identity, CaseFixtures cases, CurrentUsers users) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
        this.identity = identity;
        this.cases = cases;
        this.users = users;
    }

    UUID submitted(String username, String programme, Map<String, Object> data) {
        UUID id = cases.submit(username, programme, data);
        executeJobs(id);
        return id;
    }

    void executeJobs(UUID id) {
        String instance = cases.processInstanceId(id);
        List<Job> jobs;
        while (!(jobs = management.createJobQuery().processInstanceId(instance).executable().list()).isEmpty()) {
            jobs.forEach(job -> management.executeJob(job.getId()));
        }
    }

    /** Completes the case's open task of that kind as the user, the way the API and Tasklist do. */
    void complete(UUID id, String taskKey, String username, Map<String, Object> variables) {
        completeAs(tasks.createTaskQuery().processInstanceId(cases.processInstanceId(id)).taskDefinitionKey(taskKey)
                .singleResult(), taskKey, username, variables);
    }

    /** Runs every due job of every process of the case (application, funding, payouts, changes) until none is left. */
    void executeAllJobs(UUID id) {
        boolean ran = true;
        while (ran) {
            ran = false;
            for (var instance : runtime.createProcessInstanceQuery().processInstanceBusinessKey(id.toString()).list()) {
                for (Job job : management.createJobQuery().processInstanceId(instance.getId()).executable().list()) {
                    management.executeJob(job.getId());
                    ran = true;
                }
            }
        }
    }

    /** The case's open task of that kind in any of its processes. */
    Task openTask(UUID id, String taskKey) {
        return tasks.createTaskQuery().processInstanceBusinessKey(id.toString()).taskDefinitionKey(taskKey)
                .singleResult();
    }

    /** Completes the open task of that kind in any process of the case, as the user. */
    void completeAny(UUID id, String taskKey, String username, Map<String, Object> variables) {
        completeAs(openTask(id, taskKey), taskKey, username, variables);
    }

    private void completeAs(Task task, String taskKey, String username, Map<String, Object> variables) {
        assertThat(task).as("open task " + taskKey).isNotNull();
        var user = users.find(username).orElseThrow();
        // as the worklist does: an applicant works in the tenant of the task's authority
        identity.setAuthentication(username, user.candidateGroups(),
                user.isApplicant() ? List.of(task.getTenantId()) : user.tenants());
        try {
            tasks.complete(task.getId(), variables);
        } finally {
            identity.clearAuthentication();
        }
    }

    static Map<String, Object> approvingReview(int amount) {
        return Map.of("score", 80, "criteriaMet", List.of("zielgruppe", "vernetzung"), "recommendation", "approve",
                "proposedAmount", amount, "justification", "Schlüssiges Konzept mit breiter Beteiligung.");
    }

    RuntimeService runtime() {
        return runtime;
    }
}
