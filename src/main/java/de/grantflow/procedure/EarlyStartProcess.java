package de.grantflow.procedure;

/** Names in bpmn/grant-early-start.bpmn that code relies on. */
public final class EarlyStartProcess {

    public static final String KEY = "grant-early-start";

    public static final String MESSAGE_SETTLED = "EarlyStartSettled";

    public static final String TASK_REVIEW = "Task_ReviewEarlyStart";
    public static final String TASK_DECIDE = "Task_DecideEarlyStart";

    static final String VAR_REQUEST_ID = "earlyStartRequestId";

    private EarlyStartProcess() {
    }
}
