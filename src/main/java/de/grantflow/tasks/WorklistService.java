package de.grantflow.tasks;

import de.grantflow.application.CaseConflictException;
import de.grantflow.application.Cases;
import de.grantflow.application.Cases.CaseSummary;
import de.grantflow.forms.FormCatalog;
import de.grantflow.forms.FormDefinition;
import de.grantflow.forms.FormValidationException;
import de.grantflow.forms.FormValidationResult;
import de.grantflow.forms.FormValidator;
import de.grantflow.security.CurrentUser;
import de.grantflow.security.Role;
import de.grantflow.tasks.OpenTasks.OpenTask;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The caller's tasks: candidates by group, assignees, administrators, and only of cases the caller may see. Tasks are
 * read with {@link OpenTasks} and changed through the engine's API. Completing validates the form on the server first;
 * the engine's listeners then apply the domain rules.
 */
@Service
public class WorklistService {

    private final TaskService tasks;
    private final OpenTasks open;
    private final FormValues values;
    private final IdentityService identity;
    private final RepositoryService repository;
    private final Cases cases;
    private final FormCatalog forms;
    private final FormValidator validator;
    private final Clock clock;

    WorklistService(TaskService tasks, OpenTasks open, FormValues values, IdentityService identity,
            RepositoryService repository, Cases cases, FormCatalog forms, FormValidator validator, Clock clock) {
        this.tasks = tasks;
        this.open = open;
        this.values = values;
        this.identity = identity;
        this.repository = repository;
        this.cases = cases;
        this.forms = forms;
        this.validator = validator;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<WorkTask> worklist(CurrentUser user, UUID applicationId, int limit) {
        if (applicationId == null) {
            return visible(user, open.page(new WorklistQuery(WorklistQuery.Scope.ALL, null, null, false, 0, limit),
                    user.username(), user.candidateGroups(), clock.instant(), 0, limit));
        }
        // a case has a handful of open tasks: reading them and checking each beats a query over every candidate
        // task of the caller's groups
        return visible(user, open.ofCase(applicationId).stream().filter(t -> user.username().equals(t.assignee())
                || candidateOf(user.candidateGroups(), t)).limit(limit).toList());
    }

    /**
     * One page of the caller's worklist, filtered, ordered and cut in a single query (one more row than the page
     * holds tells whether another follows).
     */
    @Transactional(readOnly = true)
    public WorklistPage worklist(CurrentUser user, WorklistQuery query) {
        List<OpenTask> found = open.page(query, user.username(), user.candidateGroups(), clock.instant(),
                query.page() * query.size(), query.size() + 1);
        boolean more = found.size() > query.size();
        return new WorklistPage(visible(user, found.stream().limit(query.size()).toList()), more);
    }

    /** The tasks of cases the user may see, in the order given, with their case. */
    private List<WorkTask> visible(CurrentUser user, List<OpenTask> found) {
        // a page may hold tasks of other processes than cases' (surveys): they have no case id and are left out
        Map<UUID, CaseSummary> cases = this.cases.findVisible(found.stream().map(OpenTask::applicationId)
                .filter(Objects::nonNull).collect(Collectors.toSet()), user);
        return found.stream().filter(t -> t.applicationId() != null && cases.containsKey(t.applicationId()))
                .map(t -> view(t, cases.get(t.applicationId()))).toList();
    }

    /** The kinds of staff task in the deployed procedures, for the worklist's stage filter, in model order. */
    @Transactional(readOnly = true)
    public List<Stage> stages() {
        Map<String, Stage> stages = new LinkedHashMap<>();
        repository.createProcessDefinitionQuery().latestVersion().orderByProcessDefinitionKey().asc().list()
                .forEach(definition -> repository.getBpmnModelInstance(definition.getId())
                        .getModelElementsByType(UserTask.class).stream()
                        .filter(task -> task.getCamundaCandidateGroups() != null
                                && (task.getCamundaCandidateGroups().startsWith("reviewer-")
                                        || task.getCamundaCandidateGroups().startsWith("approver-")))
                        .forEach(task -> stages.putIfAbsent(task.getId(), new Stage(task.getId(), task.getName()))));
        return List.copyOf(stages.values());
    }

    @Transactional(readOnly = true)
    public WorkTask get(CurrentUser user, String id) {
        OpenTask task = open.find(id).filter(t -> mayWorkOn(user, t)).orElseThrow(() -> new TaskNotFoundException(id));
        return cases.findVisible(task.applicationId(), user).map(c -> view(task, c))
                .orElseThrow(() -> new TaskNotFoundException(id));
    }

    @Transactional(readOnly = true)
    public FormDefinition form(CurrentUser user, String id) {
        return formOf(visibleTask(user, id)).orElseThrow(() -> new TaskNotFoundException(id));
    }

    @Transactional
    public WorkTask claim(CurrentUser user, String id) {
        OpenTask task = visibleTask(user, id);
        if (task.assignee() != null && !task.assignee().equals(user.username())) {
            throw new CaseConflictException("Die Aufgabe ist bereits von " + task.assignee() + " übernommen");
        }
        if (task.assignee() == null) {
            as(user, task, () -> {
                tasks.claim(id, user.username());
                return null;
            });
        }
        return get(user, id);
    }

    @Transactional
    public WorkTask unclaim(CurrentUser user, String id) {
        OpenTask task = visibleTask(user, id);
        if (task.assignee() != null && !task.assignee().equals(user.username()) && !user.has(Role.ADMIN)) {
            throw new CaseConflictException("Nur " + task.assignee() + " kann die Aufgabe zurückgeben");
        }
        as(user, task, () -> {
            tasks.setAssignee(id, null);
            return null;
        });
        return get(user, id);
    }

    /**
     * Validates against the task's form and completes the task as the caller. A task nobody holds is completed without
     * claiming it first: a claim is one more engine command with its authorization check and grant (a fifth of the
     * completion's cost), and the engine records the completing user anyway (user operation log), as the listeners
     * and the case's history do. The form's values reach the engine as {@link FormValues transient variables}.
     */
    @Transactional
    public void complete(CurrentUser user, String id, Map<String, Object> data) {
        OpenTask task = visibleTask(user, id);
        if (task.assignee() != null && !task.assignee().equals(user.username())) {
            throw new CaseConflictException("Die Aufgabe ist von " + task.assignee() + " übernommen;"
                    + " nur diese Person kann sie abschließen");
        }
        FormDefinition form = formOf(task).orElseThrow(() -> new TaskNotFoundException(id));
        FormValidationResult result = validator.validate(form, data == null ? Map.of() : data);
        if (!result.valid()) {
            throw new FormValidationException(result.errors());
        }
        VariableMap variables = values.of(task, result.data());
        as(user, task, () -> {
            tasks.complete(id, variables);
            return null;
        });
    }

    private WorkTask view(OpenTask task, CaseSummary c) {
        return new WorkTask(task.id(), task.name(), task.taskDefinitionKey(), c.id(), c.reference(),
                c.programmeKey(), c.projectTitle(), task.assignee(), task.created(), task.due(), open.formKey(task),
                c.municipalityAgs());
    }

    /** The task, if the user may work on it and see its case; else "not found", as if it did not exist. */
    private OpenTask visibleTask(CurrentUser user, String id) {
        return open.find(id).filter(t -> mayWorkOn(user, t))
                .filter(t -> cases.findVisible(t.applicationId(), user).isPresent())
                .orElseThrow(() -> new TaskNotFoundException(id));
    }

    private static boolean mayWorkOn(CurrentUser user, OpenTask task) {
        return user.has(Role.ADMIN) || user.username().equals(task.assignee())
                || candidateOf(user.candidateGroups(), task);
    }

    private static boolean candidateOf(List<String> groups, OpenTask task) {
        return task.candidateGroups().stream().anyMatch(groups::contains);
    }

    private Optional<FormDefinition> formOf(OpenTask task) {
        return Optional.ofNullable(open.formKey(task)).flatMap(forms::find);
    }

    /**
     * Runs engine calls on the task as the user, so listeners know who acts and the engine's history records it; the
     * engine then checks the user's authorizations and tenants too (README: Security), as it does for Tasklist. Staff
     * are members of their authorities' tenants; an applicant is a member of none (applicants have no engine account)
     * and works, as a candidate of the task (checked above), in the tenant of the task's authority.
     */
    private <T> T as(CurrentUser user, OpenTask task, Supplier<T> action) {
        List<String> tenants = user.isApplicant() && task.tenantId() != null ? List.of(task.tenantId())
                : user.tenants();
        identity.setAuthentication(user.username(), user.candidateGroups(), tenants);
        try {
            return action.get();
        } finally {
            identity.clearAuthentication();
        }
    }
}
