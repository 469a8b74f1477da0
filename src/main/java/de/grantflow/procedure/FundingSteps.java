package de.grantflow.procedure;

import static de.grantflow.procedure.FundingProcess.*;
import static de.grantflow.procedure.GrantApplicationProcess.VAR_AGS;
import static de.grantflow.procedure.GrantApplicationProcess.VAR_APPLICATION_ID;
import static de.grantflow.procedure.GrantApplicationProcess.VAR_AUTHORITY;

import de.grantflow.evaluation.EvaluationService;
import de.grantflow.funding.ChangeService;
import de.grantflow.funding.FundingService;
import de.grantflow.funding.FundingService.Cut;
import de.grantflow.funding.FundingService.ProofCheck;
import de.grantflow.funding.PaymentService;
import de.grantflow.funding.ReportSchedule;
import de.grantflow.statistics.SurveyService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The steps of grant-funding, grant-payout, grant-change, grant-evaluation and grant-survey, called by expressions in the models: each reads the ids
 * from the process, hands the work to the funding module and writes back the few values gateways and timers need.
 */
@Component("fundingSteps")
public class FundingSteps {

    private static final List<String> INTERIM_REPORT = List.of("progressReport", "spentToDate", "receivedToDate",
            "nextSteps");
    private static final List<String> PROOF_OF_USE = List.of("sachbericht", "ownShare", "thirdPartyFunds",
            "otherPublicFunds", "grantUsed", "expenditure");

    private final FundingService funding;
    private final PaymentService payments;
    private final ChangeService changes;
    private final EvaluationService evaluation;
    private final SurveyService surveys;

    FundingSteps(FundingService funding, PaymentService payments, ChangeService changes,
            EvaluationService evaluation, SurveyService surveys) {
        this.surveys = surveys;
        this.funding = funding;
        this.payments = payments;
        this.changes = changes;
        this.evaluation = evaluation;
    }

    /** The end of grant-application for a grant: the funding period starts as its own process. */
    public void startFunding(DelegateExecution execution) {
        execution.getProcessEngineServices().getRuntimeService().startProcessInstanceByKey(KEY,
                execution.getProcessBusinessKey(), Map.of(
                        VAR_APPLICATION_ID, execution.getVariable(VAR_APPLICATION_ID),
                        VAR_AUTHORITY, execution.getVariable(VAR_AUTHORITY),
                        VAR_AGS, execution.getVariable(VAR_AGS)));
    }

    // --- grant-funding ---

    public void openFunding(DelegateExecution execution) {
        funding.open(id(execution));
    }

    public void scheduleReport(DelegateExecution execution) {
        setSchedule(execution, funding.nextReport(id(execution)));
    }

    public void remindReport(DelegateExecution execution) {
        funding.remindReport(id(execution), reportId(execution), "REMINDER:" + execution.getActivityInstanceId());
    }

    public void dunReport(DelegateExecution execution) {
        funding.dunReport(id(execution), reportId(execution), "DUNNING:" + execution.getActivityInstanceId());
    }

    public void recordChase(DelegateTask task) {
        funding.recordChase(id(task), reportId(task), ProcessVariables.text(task, "note"), actor(task));
    }

    public void submitReport(DelegateTask task) {
        boolean interim = Boolean.TRUE.equals(task.getVariable(VAR_REPORT_INTERIM));
        funding.submitReport(id(task), reportId(task), values(task, interim ? INTERIM_REPORT : PROOF_OF_USE),
                actor(task));
    }

    public void checkInterimReport(DelegateTask task) {
        boolean accepted = "accept".equals(ProcessVariables.text(task, "result"));
        funding.checkInterimReport(id(task), reportId(task), accepted, ProcessVariables.text(task, "note"),
                actor(task));
        task.setVariable(VAR_REPORT_ACCEPTED, accepted);
    }

    public void requestMore(DelegateExecution execution) {
        setSchedule(execution, funding.requestMore(id(execution), reportId(execution),
                "REQUEST_FOR_DOCUMENTS:" + execution.getActivityInstanceId()));
    }

    public void selectCheck(DelegateExecution execution) {
        execution.setVariable(VAR_IN_DEPTH, funding.selectInDepthCheck(id(execution)));
    }

    public void requestReceipts(DelegateExecution execution) {
        ReportSchedule schedule = funding.requestReceipts(id(execution), "RECEIPTS:" + execution
                .getActivityInstanceId());
        execution.setVariable(VAR_RECEIPTS_DUE, ProcessVariables.iso(schedule.dueAt()));
    }

    public void recordReceipts(DelegateTask task) {
        funding.recordReceipts(id(task), ProcessVariables.text(task, "documentsSupplied"), actor(task));
    }

    public void recordProofCheck(DelegateTask task) {
        funding.recordProofCheck(id(task), new ProofCheck("yes".equals(ProcessVariables.text(task,
                "purposeAchieved")), cuts(task.getVariable("cuts")), ProcessVariables.text(task, "note")),
                actor(task));
    }

    public void writeCheckNote(DelegateExecution execution) {
        execution.setVariable(VAR_OWED, funding.writeCheckNote(id(execution), "CHECK_NOTE"));
    }

    public void sendRecoveryHearing(DelegateExecution execution) {
        ReportSchedule hearing = funding.sendRecoveryHearing(id(execution), "RECOVERY_HEARING");
        execution.setVariable(VAR_RECOVERY_HEARING_DUE, ProcessVariables.iso(hearing.dueAt()));
        execution.setVariable(VAR_RECOVERY_HEARING_DEADLINE_AT, ProcessVariables.iso(hearing.overdueAt()));
    }

    public void recordRecoveryHearingResponse(DelegateTask task) {
        funding.recordRecoveryHearingResponse(id(task), ProcessVariables.text(task, "statement"), actor(task));
    }

    public void decideRecovery(DelegateTask task) {
        task.setVariable(VAR_RECOVER, funding.decideRecovery(id(task), ProcessVariables.text(task, "decision"),
                ProcessVariables.text(task, "comment"), actor(task)));
    }

    public void issueRecovery(DelegateExecution execution) {
        funding.issueRecovery(id(execution), "RECOVERY_DECISION");
    }

    public void recordRepayment(DelegateTask task) {
        Object received = task.getVariable("receivedOn");
        funding.recordRepayment(id(task), amount(task.getVariable("amount")),
                received == null ? null : LocalDate.parse(received.toString()), actor(task));
    }

    public void confirmClosure(DelegateTask task) {
        funding.confirmClosure(id(task), Boolean.TRUE.equals(task.getVariable(VAR_CLOSURE_CONFIRMED)),
                ProcessVariables.text(task, VAR_CLOSURE_NOTE), actor(task));
    }

    public void close(DelegateExecution execution) {
        funding.close(id(execution), "CLOSING_NOTICE");
    }

    // --- grant-payout ---

    public void recordPaymentCheck(DelegateTask task) {
        task.setVariable(VAR_PAYMENT_CHECKED, payments.recordCheck(id(task), paymentRequestId(task),
                ProcessVariables.text(task, "decision"), ProcessVariables.text(task, "comment"), actor(task)));
    }

    public void recordPaymentRelease(DelegateTask task) {
        task.setVariable(VAR_PAYMENT_RELEASED, payments.recordRelease(id(task), paymentRequestId(task),
                ProcessVariables.text(task, "decision"), ProcessVariables.text(task, "comment"), actor(task)));
    }

    public void payOut(DelegateExecution execution) {
        UUID request = paymentRequestId(execution);
        execution.setVariable(VAR_USAGE_CHECK_AT, ProcessVariables.iso(payments.payOut(id(execution), request,
                "PAYOUT_NOTICE:" + request)));
    }

    public void refusePayment(DelegateExecution execution) {
        payments.refuse(id(execution), paymentRequestId(execution));
    }

    public void checkUsage(DelegateExecution execution) {
        UUID request = paymentRequestId(execution);
        payments.checkUsage(id(execution), request, "UNUSED_FUNDS:" + request);
    }

    // --- grant-change ---

    public void recordChangeReview(DelegateTask task) {
        changes.recordReview(id(task), changeRequestId(task), ProcessVariables.text(task, "recommendation"),
                ProcessVariables.text(task, "justification"), actor(task));
    }

    public void recordChangeDecision(DelegateTask task) {
        changes.recordDecision(id(task), changeRequestId(task), ProcessVariables.text(task, "decision"),
                ProcessVariables.text(task, "comment"), actor(task));
    }

    public void issueChangeDecision(DelegateExecution execution) {
        UUID change = changeRequestId(execution);
        changes.issueDecision(id(execution), change, "CHANGE_DECISION:" + change);
    }

    // --- grant-evaluation ---

    public void recordSelfEvaluation(DelegateTask task) {
        evaluation.recordSelfEvaluation(id(task), task.getVariables(), ProcessVariables.text(task, "goalsReached"),
                ProcessVariables.text(task, "lessonsLearned"), actor(task));
    }

    public void recordRating(DelegateTask task) {
        evaluation.recordRating(id(task), ProcessVariables.text(task, "goalAchievement"),
                ProcessVariables.text(task, "assessment"), actor(task));
    }

    public void writeEvaluationSheet(DelegateExecution execution) {
        evaluation.writeSheet(id(execution), "EVALUATION_SHEET");
    }

    // --- grant-survey ---

    public void remindSurvey(DelegateExecution execution) {
        surveys.remind(UUID.fromString(ProcessVariables.text(execution, VAR_SURVEY_ID)));
    }

    public void closeSurvey(DelegateExecution execution) {
        surveys.close(UUID.fromString(ProcessVariables.text(execution, VAR_SURVEY_ID)));
    }

    // --- helpers ---

    private static void setSchedule(DelegateExecution execution, ReportSchedule schedule) {
        execution.setVariable(VAR_REPORT_ID, schedule.reportId().toString());
        execution.setVariable(VAR_REPORT_INTERIM, schedule.interim());
        execution.setVariable(VAR_REPORT_DUE, ProcessVariables.iso(schedule.dueAt()));
        execution.setVariable(VAR_REPORT_REMINDER_AT, ProcessVariables.iso(schedule.remindAt()));
        execution.setVariable(VAR_REPORT_OVERDUE_AT, ProcessVariables.iso(schedule.overdueAt()));
    }

    private static UUID id(VariableScope scope) {
        return ProcessVariables.applicationId(scope);
    }

    private static UUID reportId(VariableScope scope) {
        return UUID.fromString(ProcessVariables.text(scope, VAR_REPORT_ID));
    }

    private static UUID paymentRequestId(VariableScope scope) {
        return UUID.fromString(ProcessVariables.text(scope, VAR_PAYMENT_REQUEST_ID));
    }

    private static UUID changeRequestId(VariableScope scope) {
        return UUID.fromString(ProcessVariables.text(scope, VAR_CHANGE_REQUEST_ID));
    }

    private static String actor(DelegateTask task) {
        return ProcessVariables.actor(task.getProcessEngineServices(), task.getAssignee());
    }

    private static Map<String, Object> values(DelegateTask task, List<String> keys) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String key : keys) {
            Object value = task.getVariable(key);
            if (value != null) {
                values.put(key, value instanceof BigDecimal || value instanceof String || value instanceof Boolean
                        || value instanceof List || value instanceof Map ? value : value.toString());
            }
        }
        return values;
    }

    private static List<Cut> cuts(Object value) {
        if (!(value instanceof List<?> items)) {
            return List.of();
        }
        return items.stream().filter(Map.class::isInstance).map(Map.class::cast)
                .map(m -> new Cut(m.get("category") == null ? null : m.get("category").toString(),
                        amount(m.get("amount")), m.get("reason") == null ? null : m.get("reason").toString()))
                .toList();
    }

    private static BigDecimal amount(Object value) {
        return value == null ? null : new BigDecimal(value.toString());
    }
}
