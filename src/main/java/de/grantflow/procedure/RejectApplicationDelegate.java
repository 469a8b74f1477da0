package de.grantflow.procedure;

import static de.grantflow.procedure.GrantApplicationProcess.*;

import de.grantflow.application.CaseProgress;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Issues the Ablehnungsbescheid and sets when it becomes final. */
@Component
class RejectApplicationDelegate implements JavaDelegate {

    private final CaseProgress progress;

    RejectApplicationDelegate(CaseProgress progress) {
        this.progress = progress;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(VAR_GRANTED, false);
        execution.setVariable(VAR_FINAL_AT, ProcessVariables.iso(
                progress.reject(ProcessVariables.applicationId(execution), "REJECTION")));
    }
}
