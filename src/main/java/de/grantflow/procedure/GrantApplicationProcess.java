package de.grantflow.procedure;

/** Names in bpmn/grant-application.bpmn that code relies on. */
public final class GrantApplicationProcess {

    public static final String KEY = "grant-application";

    public static final String MESSAGE_WITHDRAWN = "ApplicationWithdrawn";
    public static final String MESSAGE_APPEAL_WAIVED = "AppealWaived";

    public static final String TASK_FORMAL_CHECK = "Task_FormalCheck";
    public static final String TASK_SUPPLY_DOCUMENTS = "Task_SupplyDocuments";
    public static final String TASK_REVIEW = "Task_Review";
    public static final String TASK_DECIDE = "Task_Decide";
    public static final String TASK_RESPOND_TO_HEARING = "Task_RespondToHearing";
    public static final String TASK_FINAL_DECISION = "Task_FinalDecision";

    public static final String TIMER_DOCUMENTS_REMINDER = "Timer_DocumentsReminder";
    public static final String TIMER_DOCUMENTS_DEADLINE = "Timer_DocumentsDeadline";
    public static final String TIMER_HEARING_DEADLINE = "Timer_HearingDeadline";
    public static final String TIMER_FINAL = "Timer_Final";
    public static final String GATEWAY_AWAIT_FINALITY = "Gateway_AwaitFinality";

    /** Process variables: ids and the small values gateways, timers and candidate groups need. */
    public static final String VAR_APPLICATION_ID = "applicationId";
    public static final String VAR_AUTHORITY = "authority";
    public static final String VAR_AGS = "ags";
    public static final String VAR_ELIGIBLE = "eligible";
    public static final String VAR_COMPLETE = "complete";
    public static final String VAR_ADVERSE = "adverse";
    public static final String VAR_DECISION = "decision";
    public static final String VAR_DOCUMENTS_DUE = "documentsDue";
    public static final String VAR_DOCUMENTS_REMINDER_AT = "documentsReminderAt";
    public static final String VAR_DOCUMENTS_DEADLINE_AT = "documentsDeadlineAt";
    public static final String VAR_HEARING_DUE = "hearingDue";
    public static final String VAR_HEARING_DEADLINE_AT = "hearingDeadlineAt";
    public static final String VAR_FINAL_AT = "finalAt";
    public static final String VAR_GRANTED = "granted";

    private GrantApplicationProcess() {
    }
}
