package de.grantflow.procedure;

import static de.grantflow.procedure.GrantApplicationProcess.*;

import de.grantflow.application.AppealWaived;
import de.grantflow.application.ApplicationSubmitted;
import de.grantflow.application.ApplicationWithdrawn;
import de.grantflow.application.CaseConflictException;
import de.grantflow.application.CaseProgress;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns case events into process actions, inside the transaction that raised them: a submission without a started
 * procedure, or a withdrawal the procedure did not see, cannot be stored.
 */
@Component
class ProcessStarter {

    private final RuntimeService runtime;
    private final CaseProgress progress;

    ProcessStarter(RuntimeService runtime, CaseProgress progress) {
        this.runtime = runtime;
        this.progress = progress;
    }

    @EventListener
    void on(ApplicationSubmitted submitted) {
        ProcessInstance instance = runtime.startProcessInstanceByKey(KEY, submitted.applicationId().toString(),
                Map.of(VAR_APPLICATION_ID, submitted.applicationId().toString(),
                        VAR_AUTHORITY, submitted.authorityKey(),
                        VAR_AGS, submitted.municipalityAgs()));
        progress.processStarted(submitted.applicationId(), instance.getId());
    }

    @EventListener
    void on(ApplicationWithdrawn withdrawn) {
        correlate(MESSAGE_WITHDRAWN, withdrawn.processInstanceId(),
                "Die Rücknahme ist in diesem Verfahrensstand nicht möglich");
    }

    @EventListener
    void on(AppealWaived waived) {
        correlate(MESSAGE_APPEAL_WAIVED, waived.processInstanceId(),
                "Der Bescheid ist bereits bestandskräftig oder noch nicht erlassen");
    }

    private void correlate(String message, String processInstanceId, String refusal) {
        try {
            runtime.createMessageCorrelation(message).processInstanceId(processInstanceId).correlate();
        } catch (MismatchingMessageCorrelationException e) {
            throw new CaseConflictException(refusal);
        }
    }
}
