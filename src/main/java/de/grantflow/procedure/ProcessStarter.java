package de.grantflow.procedure;

import static de.grantflow.procedure.GrantApplicationProcess.*;

import de.grantflow.application.AppealWaived;
import de.grantflow.application.ApplicationSubmitted;
import de.grantflow.application.ApplicationWithdrawn;
import de.grantflow.application.CaseConflictException;
import de.grantflow.application.EarlyStartService.EarlyStartRequested;
import de.grantflow.application.EarlyStartService.EarlyStartSettled;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns case events into process actions, inside the transaction that raised them: a submission without its place in
 * the intake, or a withdrawal the procedure did not see, cannot be stored.
 */
@Component
class ProcessStarter {

    private final RuntimeService runtime;
    private final ProcessIntake intake;

    ProcessStarter(RuntimeService runtime, ProcessIntake intake) {
        this.runtime = runtime;
        this.intake = intake;
    }

    @EventListener
    void on(ApplicationSubmitted submitted) {
        intake.enqueue(submitted);
    }

    /** A withdrawal may overtake the intake: then the procedure starts now, to end at once by the withdrawal. */
    @EventListener
    void on(ApplicationWithdrawn withdrawn) {
        String instance = withdrawn.processInstanceId() != null ? withdrawn.processInstanceId()
                : intake.startNow(withdrawn.applicationId()).orElseThrow(() -> new CaseConflictException(
                        "Für diesen Antrag läuft kein Verfahren, das zurückgenommen werden könnte"));
        correlate(MESSAGE_WITHDRAWN, instance, "Die Rücknahme ist in diesem Verfahrensstand nicht möglich");
    }

    @EventListener
    void on(AppealWaived waived) {
        correlate(MESSAGE_APPEAL_WAIVED, waived.processInstanceId(),
                "Der Bescheid ist bereits bestandskräftig oder noch nicht erlassen");
    }

    /** A request for an early start runs as its own small process beside the procedure, on the case's business key. */
    @EventListener
    void on(EarlyStartRequested requested) {
        runtime.startProcessInstanceByKey(EarlyStartProcess.KEY, requested.applicationId().toString(), Map.of(
                VAR_APPLICATION_ID, requested.applicationId().toString(),
                VAR_AUTHORITY, requested.authorityKey(),
                VAR_AGS, requested.municipalityAgs(),
                EarlyStartProcess.VAR_REQUEST_ID, requested.requestId().toString()));
    }

    /** The case's progress settled the request: its open review or decision ends unfinished. */
    @EventListener
    void on(EarlyStartSettled settled) {
        runtime.createMessageCorrelation(EarlyStartProcess.MESSAGE_SETTLED)
                .processInstanceBusinessKey(settled.applicationId().toString())
                .processInstanceVariableEquals(EarlyStartProcess.VAR_REQUEST_ID, settled.requestId().toString())
                .correlateAll();
    }

    private void correlate(String message, String processInstanceId, String refusal) {
        try {
            runtime.createMessageCorrelation(message).processInstanceId(processInstanceId).correlate();
        } catch (MismatchingMessageCorrelationException e) {
            throw new CaseConflictException(refusal);
        }
    }
}
