package de.grantflow.tasks;

/**
 * What part of the worklist a page asks for: which tasks (scope), optionally of one programme and one stage (task
 * definition key), in which order of due date, and which page of how many rows.
 */
public record WorklistQuery(Scope scope, String programme, String stage, boolean latestDueFirst, int page,
        int size) {

    public WorklistQuery {
        scope = scope == null ? Scope.ALL : scope;
        programme = programme == null || programme.isBlank() ? null : programme;
        stage = stage == null || stage.isBlank() ? null : stage;
        page = Math.max(0, page);
        size = Math.max(1, Math.min(size, 200));
    }

    /** Which of the caller's tasks. */
    public enum Scope {
        /** Assigned to the caller, and those of the caller's candidate groups (whoever holds them). */
        ALL,
        /** Assigned to the caller. */
        ASSIGNED,
        /** Of the caller's candidate groups and not yet claimed by anyone. */
        GROUPS,
        /** Any of ALL whose due date has passed. */
        OVERDUE
    }
}
