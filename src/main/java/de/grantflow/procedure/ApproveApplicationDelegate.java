package de.grantflow.procedure;

import static de.grantflow.procedure.GrantApplicationProcess.*;

import de.grantflow.application.CaseProgress;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Issues the Zuwendungsbescheid, reserving the budget, and sets when it becomes final. */
@Component
class ApproveApplicationDelegate implements JavaDelegate {

    private final CaseProgress progress;

    ApproveApplicationDelegate(CaseProgress progress) {
        this.progress = progress;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(VAR_GRANTED, true);
        execution.setVariable(VAR_FINAL_AT, ProcessVariables.iso(
                progress.approve(ProcessVariables.applicationId(execution), "GRANT_DECISION")));
    }
}
