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
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tasks through the engine's public API, filtered to the caller: candidates by group, assignees, administrators.
 * Completing validates the form on the server first; the engine's listeners then apply the domain rules.
 */
@Service
public class WorklistService {

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final ManagementService management;
    private final RepositoryService repository;
    private final Cases cases;
    private final FormCatalog forms;
    private final FormValidator validator;
    private final Clock clock;

    WorklistService(TaskService tasks, RuntimeService runtime, IdentityService identity, ManagementService management,
            RepositoryService repository, Cases cases, FormCatalog forms, FormValidator validator, Clock clock) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.identity = identity;
        this.management = management;
        this.repository = repository;
        this.cases = cases;
        this.forms = forms;
        this.validator = validator;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<WorkTask> worklist(CurrentUser user, UUID applicationId, int limit) {
        List<String> groups = user.candidateGroups();
        Map<String, Task> unique = new LinkedHashMap<>();
        if (applicationId != null) {
            // a case has a handful of open tasks: reading them and checking each beats the engine's query over every
            // candidate task of the caller's groups, which took a third of a second with thousands of open tasks
            query(applicationId).list().stream().filter(t -> user.username().equals(t.getAssignee())
                    || candidateOf(groups, t)).forEach(t -> unique.put(t.getId(), t));
        } else {
            Stream<Task> candidate = groups.isEmpty() ? Stream.empty() : query(null).taskCandidateGroupIn(groups)
                    .includeAssignedTasks().listPage(0, limit).stream();
            Stream<Task> assigned = query(null).taskAssignee(user.username()).listPage(0, limit).stream();
            Stream.concat(assigned, candidate).forEach(t -> unique.putIfAbsent(t.getId(), t));
        }
        Set<String> processInstances = unique.values().stream().map(Task::getProcessInstanceId)
                .collect(Collectors.toSet());
        Map<String, UUID> applications = applicationIds(processInstances);
        Map<UUID, CaseSummary> visible = cases.findVisible(applications.values(), user);
        return unique.values().stream()
                .map(t -> Optional.ofNullable(applications.get(t.getProcessInstanceId())).map(visible::get)
                        .map(c -> view(t, c)))
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing(WorkTask::due, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(WorkTask::created))
                .limit(limit)
                .toList();
    }

    /**
     * One page of the caller's worklist, filtered, ordered and cut in a single engine query. The programme lives with
     * the case, not in the engine, so the query joins the case table through the process's business key; the rows
     * are then read in batches (form keys, business keys, cases), never one lookup per row.
     */
    @Transactional(readOnly = true)
    public WorklistPage worklist(CurrentUser user, WorklistQuery query) {
        Map<String, Object> parameters = new HashMap<>();
        String sql = worklistSql(user, query, parameters);
        var nativeQuery = tasks.createNativeTaskQuery().sql(sql);
        parameters.forEach(nativeQuery::parameter);
        List<Task> found = nativeQuery.listPage(query.page() * query.size(), query.size() + 1);
        boolean more = found.size() > query.size();
        List<String> ids = found.stream().limit(query.size()).map(Task::getId).toList();
        if (ids.isEmpty()) {
            return new WorklistPage(List.of(), false);
        }
        Map<String, Task> withForms = tasks.createTaskQuery().taskIdIn(ids.toArray(String[]::new))
                .initializeFormKeys().list().stream().collect(Collectors.toMap(Task::getId, t -> t));
        List<Task> page = ids.stream().map(withForms::get).filter(Objects::nonNull).toList();
        Map<String, UUID> applications = applicationIds(page.stream().map(Task::getProcessInstanceId)
                .collect(Collectors.toSet()));
        Map<UUID, CaseSummary> visible = cases.findVisible(applications.values(), user);
        List<WorkTask> rows = page.stream()
                .map(t -> Optional.ofNullable(applications.get(t.getProcessInstanceId())).map(visible::get)
                        .map(c -> view(t, c)))
                .flatMap(Optional::stream)
                .toList();
        return new WorklistPage(rows, more);
    }

    private String worklistSql(CurrentUser user, WorklistQuery query, Map<String, Object> parameters) {
        String taskTable = management.getTableName(Task.class);
        // the engine names every table with the same prefix; identity links have no public entity to ask for
        String linkTable = taskTable.substring(0, taskTable.length() - "TASK".length()) + "IDENTITYLINK";
        StringBuilder sql = new StringBuilder("SELECT RES.* FROM ").append(taskTable).append(" RES");
        if (query.programme() != null) {
            sql.append(" JOIN ").append(management.getTableName(ProcessInstance.class))
                    .append(" PI ON PI.ID_ = RES.PROC_INST_ID_")
                    .append(" JOIN application A ON A.id::text = PI.BUSINESS_KEY_ AND A.programme_key = #{programme}");
            parameters.put("programme", query.programme());
        }
        parameters.put("user", user.username());
        List<String> groups = user.candidateGroups();
        StringBuilder candidate = new StringBuilder();
        if (groups.isEmpty()) {
            candidate.append("1 = 0");
        } else {
            candidate.append("EXISTS (SELECT 1 FROM ").append(linkTable).append(" L WHERE L.TASK_ID_ = RES.ID_")
                    .append(" AND L.TYPE_ = '").append(IdentityLinkType.CANDIDATE).append("' AND L.GROUP_ID_ IN (");
            for (int i = 0; i < groups.size(); i++) {
                candidate.append(i == 0 ? "" : ", ").append("#{group").append(i).append('}');
                parameters.put("group" + i, groups.get(i));
            }
            // OFFSET 0 keeps PostgreSQL from answering the EXISTS by hashing every identity link of the groups first
            // (130 ms at 100,000 open tasks, once per page): it looks up the few tasks it reads in the worklist's
            // order instead (tasks.WorklistIndex)
            candidate.append(") OFFSET 0)");
        }
        sql.append(" WHERE ").append(switch (query.scope()) {
            case ASSIGNED -> "RES.ASSIGNEE_ = #{user}";
            case GROUPS -> "RES.ASSIGNEE_ IS NULL AND " + candidate;
            case ALL, OVERDUE -> "(RES.ASSIGNEE_ = #{user} OR " + candidate + ")";
        });
        if (query.scope() == WorklistQuery.Scope.OVERDUE) {
            sql.append(" AND RES.DUE_DATE_ < #{now}");
            parameters.put("now", Date.from(clock.instant()));
        }
        if (query.stage() != null) {
            sql.append(" AND RES.TASK_DEF_KEY_ = #{stage}");
            parameters.put("stage", query.stage());
        }
        String direction = query.latestDueFirst() ? "DESC" : "ASC";
        sql.append(" ORDER BY RES.DUE_DATE_ ").append(direction).append(" NULLS LAST, RES.CREATE_TIME_, RES.ID_");
        return sql.toString();
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
        Task task = visibleTask(user, id);
        UUID application = applicationIds(Set.of(task.getProcessInstanceId()))
                .get(task.getProcessInstanceId());
        return cases.findVisible(application, user).map(c -> view(task, c))
                .orElseThrow(() -> new TaskNotFoundException(id));
    }

    @Transactional(readOnly = true)
    public FormDefinition form(CurrentUser user, String id) {
        return formOf(visibleTask(user, id)).orElseThrow(() -> new TaskNotFoundException(id));
    }

    @Transactional
    public WorkTask claim(CurrentUser user, String id) {
        Task task = visibleTask(user, id);
        if (task.getAssignee() != null && !task.getAssignee().equals(user.username())) {
            throw new CaseConflictException("Die Aufgabe ist bereits von " + task.getAssignee() + " übernommen");
        }
        if (task.getAssignee() == null) {
            as(user, task, () -> {
                tasks.claim(id, user.username());
                return null;
            });
        }
        return get(user, id);
    }

    @Transactional
    public WorkTask unclaim(CurrentUser user, String id) {
        Task task = visibleTask(user, id);
        if (task.getAssignee() != null && !task.getAssignee().equals(user.username()) && !user.has(Role.ADMIN)) {
            throw new CaseConflictException("Nur " + task.getAssignee() + " kann die Aufgabe zurückgeben");
        }
        as(user, task, () -> {
            tasks.setAssignee(id, null);
            return null;
        });
        return get(user, id);
    }

    /** Validates against the task's form, claims the task if nobody holds it, and completes it as the caller. */
    @Transactional
    public void complete(CurrentUser user, String id, Map<String, Object> data) {
        Task task = visibleTask(user, id);
        if (task.getAssignee() != null && !task.getAssignee().equals(user.username())) {
            throw new CaseConflictException("Die Aufgabe ist von " + task.getAssignee() + " übernommen;"
                    + " nur diese Person kann sie abschließen");
        }
        FormDefinition form = formOf(task).orElseThrow(() -> new TaskNotFoundException(id));
        FormValidationResult result = validator.validate(form, data == null ? Map.of() : data);
        if (!result.valid()) {
            throw new FormValidationException(result.errors());
        }
        as(user, task, () -> {
            if (task.getAssignee() == null) {
                tasks.claim(id, user.username());
            }
            tasks.complete(id, result.data());
            return null;
        });
    }

    /** Every process of a case (application, funding, payout, change) carries the case id as its business key. */
    private Map<String, UUID> applicationIds(Set<String> processInstanceIds) {
        if (processInstanceIds.isEmpty()) {
            return Map.of();
        }
        return runtime.createProcessInstanceQuery().processInstanceIds(processInstanceIds).list().stream()
                // cases carry their UUID; other processes (surveys: "survey:…") have no tasks of a case
                .filter(p -> p.getBusinessKey() != null && p.getBusinessKey().length() == 36
                        && p.getBusinessKey().charAt(8) == '-')
                .collect(Collectors.toMap(ProcessInstance::getId, p -> UUID.fromString(p.getBusinessKey())));
    }

    private TaskQuery query(UUID applicationId) {
        // the page is cut in the database, so it must be cut in the list's order: the tasks due first (undated last)
        TaskQuery query = tasks.createTaskQuery().initializeFormKeys().orderByDueDate().asc()
                .orderByTaskCreateTime().asc();
        return applicationId == null ? query : query.processInstanceBusinessKey(applicationId.toString());
    }

    private static WorkTask view(Task task, CaseSummary c) {
        return new WorkTask(task.getId(), task.getName(), task.getTaskDefinitionKey(), c.id(), c.reference(),
                c.programmeKey(), c.projectTitle(), task.getAssignee(), instant(task.getCreateTime()),
                instant(task.getDueDate()), formKey(task), c.municipalityAgs());
    }

    private Task visibleTask(CurrentUser user, String id) {
        Task task = tasks.createTaskQuery().taskId(id).initializeFormKeys().singleResult();
        if (task == null || !mayWorkOn(user, task)) {
            throw new TaskNotFoundException(id);
        }
        UUID application = applicationIds(Set.of(task.getProcessInstanceId()))
                .get(task.getProcessInstanceId());
        if (application == null || cases.findVisible(application, user).isEmpty()) {
            throw new TaskNotFoundException(id);
        }
        return task;
    }

    private boolean mayWorkOn(CurrentUser user, Task task) {
        if (user.has(Role.ADMIN) || user.username().equals(task.getAssignee())) {
            return true;
        }
        return candidateOf(user.candidateGroups(), task);
    }

    private boolean candidateOf(List<String> groups, Task task) {
        return !groups.isEmpty() && tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(IdentityLink::getGroupId)
                .anyMatch(groups::contains);
    }

    private Optional<FormDefinition> formOf(Task task) {
        return Optional.ofNullable(formKey(task)).flatMap(forms::find);
    }

    private static String formKey(Task task) {
        CamundaFormRef ref = task.getCamundaFormRef();
        return ref == null ? null : ref.getKey();
    }

    /**
     * Runs engine calls on the task as the user, so listeners know who acts and the engine's history records it; the
     * engine then checks the user's authorizations and tenants too (README: Security), as it does for Tasklist. Staff
     * are members of their authorities' tenants; an applicant is a member of none (applicants have no engine account)
     * and works, as a candidate of the task (checked above), in the tenant of the task's authority.
     */
    private <T> T as(CurrentUser user, Task task, Supplier<T> action) {
        List<String> tenants = user.isApplicant() && task.getTenantId() != null ? List.of(task.getTenantId())
                : user.tenants();
        identity.setAuthentication(user.username(), user.candidateGroups(), tenants);
        try {
            return action.get();
        } finally {
            identity.clearAuthentication();
        }
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
