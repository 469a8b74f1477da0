package de.grantflow.tasks;

import de.grantflow.tasks.OpenTasks.OpenTask;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A completed form's values as the engine receives them: transient. The task's complete listeners record them in our
 * tables (reviews, decisions, reports, payments) and the gateways right after the task decide on them in the same
 * transaction; after that nothing in the procedure reads them from the engine, so the engine need not write, keep in
 * its history and finally delete a variable for each field (a closure lifecycle passed some thirty, the amounts and
 * lists among them as Java-serialised objects).
 *
 * <p>The engine lets no variable change between transient and persistent. A value whose name the process instance
 * already holds persistent is therefore passed persistent: Tasklist and the engine's REST API pass form values as
 * persistent variables, and so did grantflow before this.
 */
@Component
class FormValues {

    private final JdbcClient jdbc;
    private final String persisted;

    FormValues(JdbcClient jdbc, ManagementService management) {
        this.jdbc = jdbc;
        this.persisted = "SELECT NAME_ FROM " + OpenTasks.runtimeTable(management, "VARIABLE")
                + " WHERE PROC_INST_ID_ = :instance AND NAME_ = ANY(:names)";
    }

    VariableMap of(OpenTask task, Map<String, Object> values) {
        Set<String> persistent = values.isEmpty() ? Set.of() : new HashSet<>(jdbc.sql(persisted)
                .param("instance", task.processInstanceId())
                .param("names", values.keySet().toArray(String[]::new))
                .query(String.class).list());
        VariableMap variables = Variables.createVariables();
        values.forEach((name, value) -> variables.putValueTyped(name,
                Variables.untypedValue(value, !persistent.contains(name))));
        return variables;
    }
}
