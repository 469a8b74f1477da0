package de.grantflow.procedure;

import static de.grantflow.procedure.FundingProcess.*;
import static de.grantflow.procedure.GrantApplicationProcess.VAR_AGS;
import static de.grantflow.procedure.GrantApplicationProcess.VAR_APPLICATION_ID;
import static de.grantflow.procedure.GrantApplicationProcess.VAR_AUTHORITY;

import de.grantflow.funding.FundingEvents.ChangeRequested;
import de.grantflow.evaluation.EvaluationService;
import de.grantflow.funding.FundingEvents.PaymentRequested;
import de.grantflow.funding.FundingEvents.ProofSubmitted;
import de.grantflow.funding.FundingEvents.ScheduleChanged;
import de.grantflow.statistics.SurveyService;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts a process for each Mittelabruf and each Änderungsantrag that needs a decision, and tells the funding process
 * when the end its deadlines count from has moved; all inside the transaction that stored the request.
 */
@Component
class FundingProcessStarter {

    private final RuntimeService runtime;
    private final EvaluationService evaluation;

    FundingProcessStarter(RuntimeService runtime, EvaluationService evaluation) {
        this.runtime = runtime;
        this.evaluation = evaluation;
    }

    /** The proof of use is in: the project's self-evaluation starts, on the programme's own form. */
    @EventListener
    void on(ProofSubmitted submitted) {
        EvaluationService.Start start = evaluation.open(submitted.applicationId());
        runtime.startProcessInstanceByKey(EVALUATION_KEY, submitted.applicationId().toString(), Map.of(
                VAR_APPLICATION_ID, submitted.applicationId().toString(),
                VAR_AUTHORITY, submitted.authorityKey(),
                VAR_AGS, submitted.municipalityAgs(),
                VAR_SELF_EVALUATION_FORM, start.form(),
                VAR_SELF_EVALUATION_DUE, ProcessVariables.iso(start.dueAt())));
    }

    @EventListener
    void on(PaymentRequested requested) {
        runtime.startProcessInstanceByKey(PAYOUT_KEY, requested.applicationId().toString(), Map.of(
                VAR_APPLICATION_ID, requested.applicationId().toString(),
                VAR_AUTHORITY, requested.authorityKey(),
                VAR_AGS, requested.municipalityAgs(),
                VAR_PAYMENT_REQUEST_ID, requested.paymentRequestId().toString()));
    }

    @EventListener
    void on(ChangeRequested requested) {
        runtime.startProcessInstanceByKey(CHANGE_KEY, requested.applicationId().toString(), Map.of(
                VAR_APPLICATION_ID, requested.applicationId().toString(),
                VAR_AUTHORITY, requested.authorityKey(),
                VAR_AGS, requested.municipalityAgs(),
                VAR_CHANGE_REQUEST_ID, requested.changeRequestId().toString()));
    }

    /** A flash survey runs as its own small process: reminder, then close (business key "survey:" and its id). */
    @EventListener
    void on(SurveyService.SurveyStarted started) {
        runtime.startProcessInstanceByKey(SURVEY_KEY, "survey:" + started.surveyId(), Map.of(
                VAR_SURVEY_ID, started.surveyId().toString(),
                VAR_AUTHORITY, started.authorityKey(),
                VAR_SURVEY_REMIND_AT, ProcessVariables.iso(started.remindAt()),
                VAR_SURVEY_CLOSES_AT, ProcessVariables.iso(started.closeAt())));
    }

    /** Only a funding process waiting for the proof of use listens; otherwise the new end counts when it gets there. */
    @EventListener
    void on(ScheduleChanged changed) {
        runtime.createMessageCorrelation(MESSAGE_SCHEDULE_CHANGED)
                .processInstanceBusinessKey(changed.applicationId().toString())
                .correlateAll();
    }
}
