package de.grantflow.procedure;

import static de.grantflow.procedure.GrantApplicationProcess.*;

import de.grantflow.application.CaseProgress;
import de.grantflow.application.ProcessDeadline;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Sends the Anhörung (§ 28 VwVfG) and sets the response deadline. */
@Component
class SendHearingDelegate implements JavaDelegate {

    private final CaseProgress progress;

    SendHearingDelegate(CaseProgress progress) {
        this.progress = progress;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ProcessDeadline deadline = progress.sendHearing(ProcessVariables.applicationId(execution),
                "HEARING:" + execution.getActivityInstanceId());
        execution.setVariable(VAR_HEARING_DUE, ProcessVariables.iso(deadline.dueAt()));
        execution.setVariable(VAR_HEARING_DEADLINE_AT, ProcessVariables.iso(deadline.expiresAt()));
    }
}
