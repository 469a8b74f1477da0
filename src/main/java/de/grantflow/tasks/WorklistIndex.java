package de.grantflow.tasks;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The worklist pages through the caller's open tasks in the order of their due date (undated last), then their
 * creation. Without an index in that order every page read all open tasks of the engine and sorted them (issue 7: at
 * 100,000 open tasks a whole scan per page); with it the database walks the tasks in order and stops after one page
 * of the caller's. The index is on the engine's table, which the engine creates after Flyway has run on a new
 * database, so it is created here once the application has started, and only if it is missing.
 */
@Component
public class WorklistIndex {

    static final String NAME = "worklist_task_due_idx";

    private final JdbcClient jdbc;
    private final ManagementService management;

    WorklistIndex(JdbcClient jdbc, ManagementService management) {
        this.jdbc = jdbc;
        this.management = management;
    }

    @EventListener(ApplicationStartedEvent.class)
    public void create() {
        jdbc.sql("CREATE INDEX IF NOT EXISTS " + NAME + " ON " + management.getTableName(Task.class)
                + " (DUE_DATE_ ASC NULLS LAST, CREATE_TIME_, ID_)").update();
    }
}
