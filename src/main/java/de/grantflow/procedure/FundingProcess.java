package de.grantflow.procedure;

/** Names in bpmn/grant-funding.bpmn, grant-payout.bpmn and grant-change.bpmn that code relies on. */
public final class FundingProcess {

    public static final String KEY = "grant-funding";
    public static final String PAYOUT_KEY = "grant-payout";
    public static final String CHANGE_KEY = "grant-change";
    public static final String EVALUATION_KEY = "grant-evaluation";
    public static final String SURVEY_KEY = "grant-survey";

    public static final String MESSAGE_SCHEDULE_CHANGED = "FundingScheduleChanged";

    public static final String TASK_SUBMIT_INTERIM_REPORT = "Task_SubmitInterimReport";
    public static final String TASK_CHASE_INTERIM = "Task_ChaseInterim";
    public static final String TASK_CHECK_INTERIM_REPORT = "Task_CheckInterimReport";
    public static final String TASK_SUBMIT_PROOF = "Task_SubmitProof";
    public static final String TASK_CHASE_PROOF = "Task_ChaseProof";
    public static final String TASK_SUPPLY_RECEIPTS = "Task_SupplyReceipts";
    public static final String TASK_CHECK_PROOF = "Task_CheckProof";
    public static final String TASK_RESPOND_TO_RECOVERY_HEARING = "Task_RespondToRecoveryHearing";
    public static final String TASK_DECIDE_RECOVERY = "Task_DecideRecovery";
    public static final String TASK_RECORD_REPAYMENT = "Task_RecordRepayment";
    public static final String TASK_CONFIRM_CLOSURE = "Task_ConfirmClosure";
    public static final String TASK_CHECK_PAYMENT = "Task_CheckPayment";
    public static final String TASK_RELEASE_PAYMENT = "Task_ReleasePayment";
    public static final String TASK_REVIEW_CHANGE = "Task_ReviewChange";
    public static final String TASK_DECIDE_CHANGE = "Task_DecideChange";
    public static final String TASK_SELF_EVALUATE = "Task_SelfEvaluate";
    public static final String TASK_RATE_EVALUATION = "Task_RateEvaluation";

    static final String VAR_REPORT_ID = "reportId";
    static final String VAR_REPORT_INTERIM = "reportInterim";
    static final String VAR_REPORT_DUE = "reportDue";
    static final String VAR_REPORT_REMINDER_AT = "reportReminderAt";
    static final String VAR_REPORT_OVERDUE_AT = "reportOverdueAt";
    static final String VAR_REPORT_ACCEPTED = "reportAccepted";
    static final String VAR_IN_DEPTH = "inDepth";
    static final String VAR_RECEIPTS_DUE = "receiptsDue";
    static final String VAR_OWED = "owed";
    static final String VAR_RECOVERY_HEARING_DUE = "recoveryHearingDue";
    static final String VAR_RECOVERY_HEARING_DEADLINE_AT = "recoveryHearingDeadlineAt";
    static final String VAR_RECOVER = "recover";
    static final String VAR_CLOSURE_CONFIRMED = "closureConfirmed";
    static final String VAR_CLOSURE_NOTE = "closureNote";
    static final String VAR_PAYMENT_REQUEST_ID = "paymentRequestId";
    static final String VAR_PAYMENT_CHECKED = "paymentChecked";
    static final String VAR_PAYMENT_RELEASED = "paymentReleased";
    static final String VAR_USAGE_CHECK_AT = "usageCheckAt";
    static final String VAR_CHANGE_REQUEST_ID = "changeRequestId";
    static final String VAR_SURVEY_ID = "surveyId";
    static final String VAR_SURVEY_REMIND_AT = "surveyRemindAt";
    static final String VAR_SURVEY_CLOSES_AT = "surveyClosesAt";
    static final String VAR_SELF_EVALUATION_FORM = "selfEvaluationForm";
    static final String VAR_SELF_EVALUATION_DUE = "selfEvaluationDue";

    private FundingProcess() {
    }
}
