package de.grantflow.tasks;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Two indexes on the engine's task table that the engine does not create. The table is the engine's, created after
 * Flyway has run on a new database, so they are created here once the application has started, and only if missing.
 * <ul>
 * <li>The worklist pages through the caller's open tasks in the order of their due date (undated last), then their
 * creation. Without an index in that order every page read all open tasks of the engine and sorted them (issue 7: at
 * 100,000 open tasks a whole scan per page); with it the database walks the tasks in order and stops after one page
 * of the caller's.</li>
 * <li>The engine looks for a task's subtasks ({@code PARENT_TASK_ID_ = ?}) each time it completes a task, and that
 * column has no index: a scan of every open task per completion (0.28 ms at 1,800 open tasks in the lifecycle
 * benchmark's database, the engine statement with the most time in PostgreSQL; it grows with the open tasks). Our
 * procedures make no subtasks, so the index holds only the rows that have a parent and costs nothing to keep.</li>
 * </ul>
 */
@Component
public class TaskIndexes {

    static final String WORKLIST = "worklist_task_due_idx";
    static final String PARENT = "task_parent_idx";

    private final JdbcClient jdbc;
    private final ManagementService management;

    TaskIndexes(JdbcClient jdbc, ManagementService management) {
        this.jdbc = jdbc;
        this.management = management;
    }

    @EventListener(ApplicationStartedEvent.class)
    public void create() {
        String table = management.getTableName(Task.class);
        jdbc.sql("CREATE INDEX IF NOT EXISTS " + WORKLIST + " ON " + table
                + " (DUE_DATE_ ASC NULLS LAST, CREATE_TIME_, ID_)").update();
        jdbc.sql("CREATE INDEX IF NOT EXISTS " + PARENT + " ON " + table
                + " (PARENT_TASK_ID_) WHERE PARENT_TASK_ID_ IS NOT NULL").update();
    }
}
