package de.grantflow.tasks;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The open user tasks of cases, read from the engine's runtime tables in one statement each: the task, the business
 * key of its process instance (the case) and its candidate groups.
 * <p>
 * The engine's task query builds its SQL anew for every call from a mapping with hundreds of conditions, and a task
 * then needs a process instance query for its case and one more for its candidates: three quarters of the cost of
 * reading one task for our API (issue 2: lifecycle benchmark). The runtime tables are the engine's documented schema,
 * named here through {@link ManagementService#getTableName}, and Operaton keeps them. Writes still go only through the
 * engine's API.
 */
@Component
class OpenTasks {

    private final JdbcClient jdbc;
    private final TaskService tasks;
    private final RepositoryService repository;
    private final String select;
    private final String linkTable;
    /** The form of each user task of each process definition; definitions never change once deployed. */
    private final Map<String, Map<String, FormRef>> forms = new ConcurrentHashMap<>();

    OpenTasks(JdbcClient jdbc, TaskService tasks, RepositoryService repository, ManagementService management) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.repository = repository;
        String taskTable = management.getTableName(Task.class);
        this.linkTable = runtimeTable(management, "IDENTITYLINK");
        this.select = "SELECT T.ID_, T.NAME_, T.TASK_DEF_KEY_, T.ASSIGNEE_, T.PROC_INST_ID_, T.PROC_DEF_ID_,"
                + " T.TENANT_ID_, T.CREATE_TIME_, T.DUE_DATE_, P.BUSINESS_KEY_,"
                + " ARRAY(SELECT L.GROUP_ID_ FROM " + linkTable + " L WHERE L.TASK_ID_ = T.ID_ AND L.TYPE_ = '"
                + IdentityLinkType.CANDIDATE + "' AND L.GROUP_ID_ IS NOT NULL) AS CANDIDATES"
                + " FROM " + taskTable + " T JOIN " + management.getTableName(ProcessInstance.class)
                + " P ON P.ID_ = T.PROC_INST_ID_";
    }

    /**
     * The name of one of the engine's runtime tables, such as {@code IDENTITYLINK} or {@code VARIABLE}: the engine
     * names every table with the same prefix, and these have no public entity to ask for.
     */
    static String runtimeTable(ManagementService management, String name) {
        String taskTable = management.getTableName(Task.class);
        return taskTable.substring(0, taskTable.length() - "TASK".length()) + name;
    }

    /** The task, if it is open and belongs to a case. */
    Optional<OpenTask> find(String id) {
        return jdbc.sql(select + " WHERE T.ID_ = :id").param("id", id).query(this::row).optional()
                .filter(t -> t.applicationId() != null);
    }

    /** The open tasks of the processes of a case, due first (undated last), then oldest first. */
    List<OpenTask> ofCase(UUID applicationId) {
        return jdbc.sql(select + " WHERE P.BUSINESS_KEY_ = :key ORDER BY T.DUE_DATE_ ASC NULLS LAST,"
                + " T.CREATE_TIME_, T.ID_").param("key", applicationId.toString()).query(this::row).list();
    }

    /**
     * Up to {@code limit} tasks of a worklist from {@code offset} on, cut in the database in the worklist's order. The programme lives with the case, not in
     * the engine, so a programme filter joins the case table through the process's business key.
     */
    List<OpenTask> page(WorklistQuery query, String user, List<String> groups, Instant now, int offset, int limit) {
        Map<String, Object> parameters = new HashMap<>();
        StringBuilder sql = new StringBuilder(select);
        if (query.programme() != null) {
            sql.append(" JOIN application A ON A.id::text = P.BUSINESS_KEY_ AND A.programme_key = :programme");
            parameters.put("programme", query.programme());
        }
        parameters.put("user", user);
        // OFFSET 0 keeps PostgreSQL from answering the EXISTS by hashing every identity link of the groups first
        // (130 ms at 100,000 open tasks, once per page): it looks up the few tasks it reads in the worklist's order
        // instead (tasks.TaskIndexes)
        String candidate = groups.isEmpty() ? "1 = 0" : "EXISTS (SELECT 1 FROM " + linkTable + " L WHERE"
                + " L.TASK_ID_ = T.ID_ AND L.TYPE_ = '" + IdentityLinkType.CANDIDATE + "' AND L.GROUP_ID_ IN (:groups)"
                + " OFFSET 0)";
        parameters.put("groups", groups);
        sql.append(" WHERE ").append(switch (query.scope()) {
            case ASSIGNED -> "T.ASSIGNEE_ = :user";
            case GROUPS -> "T.ASSIGNEE_ IS NULL AND " + candidate;
            case ALL, OVERDUE -> "(T.ASSIGNEE_ = :user OR " + candidate + ")";
        });
        if (query.scope() == WorklistQuery.Scope.OVERDUE) {
            sql.append(" AND T.DUE_DATE_ < :now");
            parameters.put("now", Timestamp.from(now));
        }
        if (query.stage() != null) {
            sql.append(" AND T.TASK_DEF_KEY_ = :stage");
            parameters.put("stage", query.stage());
        }
        String direction = query.latestDueFirst() ? "DESC" : "ASC";
        sql.append(" ORDER BY T.DUE_DATE_ ").append(direction).append(" NULLS LAST, T.CREATE_TIME_, T.ID_")
                .append(" LIMIT :limit OFFSET :offset");
        parameters.put("limit", limit);
        parameters.put("offset", offset);
        return jdbc.sql(sql.toString()).params(parameters).query(this::row).list();
    }

    private OpenTask row(ResultSet rs, int row) throws SQLException {
        String id = rs.getString("ID_");
        String processDefinition = rs.getString("PROC_DEF_ID_");
        String definitionKey = rs.getString("TASK_DEF_KEY_");
        Array candidates = rs.getArray("CANDIDATES");
        return new OpenTask(id, rs.getString("NAME_"), definitionKey, rs.getString("ASSIGNEE_"),
                rs.getString("PROC_INST_ID_"), rs.getString("TENANT_ID_"), instant(rs.getTimestamp("CREATE_TIME_")),
                instant(rs.getTimestamp("DUE_DATE_")), formOf(processDefinition, definitionKey),
                caseId(rs.getString("BUSINESS_KEY_")), List.copyOf(Arrays.asList((String[]) candidates.getArray())));
    }

    /**
     * The key of the task's form. A form chosen by a process variable ({@code ${...}}) is evaluated by the engine for
     * this one task, only when asked: evaluated for every row, it was most of what a case's task list cost in the
     * closure lifecycles (issue 7), mostly for tasks the caller may not work on.
     */
    String formKey(OpenTask task) {
        FormRef ref = task.form();
        if (ref == null) {
            return null;
        }
        if (!ref.expression()) {
            return ref.key();
        }
        Task evaluated = tasks.createTaskQuery().taskId(task.id()).initializeFormKeys().singleResult();
        CamundaFormRef form = evaluated == null ? null : evaluated.getCamundaFormRef();
        return form == null ? null : form.getKey();
    }

    private FormRef formOf(String processDefinition, String definitionKey) {
        return forms.computeIfAbsent(processDefinition, this::formsOf).get(definitionKey);
    }

    private Map<String, FormRef> formsOf(String processDefinition) {
        Map<String, FormRef> refs = new ConcurrentHashMap<>();
        repository.getBpmnModelInstance(processDefinition).getModelElementsByType(UserTask.class).stream()
                .filter(task -> task.getCamundaFormRef() != null)
                .forEach(task -> refs.put(task.getId(), new FormRef(task.getCamundaFormRef(),
                        task.getCamundaFormRef().contains("${") || task.getCamundaFormRef().contains("#{"))));
        return refs;
    }

    /** Every process of a case (application, funding, payout, change) carries the case id as its business key. */
    private static UUID caseId(String businessKey) {
        // other processes (surveys: "survey:…") have no tasks of a case
        if (businessKey == null || businessKey.length() != 36 || businessKey.charAt(8) != '-') {
            return null;
        }
        try {
            return UUID.fromString(businessKey);
        } catch (IllegalArgumentException notACase) {
            return null;
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** A user task's form as the model names it: a key, or an expression to evaluate for each task. */
    record FormRef(String key, boolean expression) {
    }

    /** An open user task of a case, with what the worklist shows and checks; its form's key from {@link #formKey}. */
    record OpenTask(String id, String name, String taskDefinitionKey, String assignee, String processInstanceId,
            String tenantId, Instant created, Instant due, FormRef form, UUID applicationId,
            List<String> candidateGroups) {
    }
}
