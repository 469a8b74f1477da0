package de.grantflow.procedure;

import de.grantflow.application.CaseProgress;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records the applicant's withdrawal. */
@Component
class MarkWithdrawnDelegate implements JavaDelegate {

    private final CaseProgress progress;

    MarkWithdrawnDelegate(CaseProgress progress) {
        this.progress = progress;
    }

    @Override
    public void execute(DelegateExecution execution) {
        progress.markWithdrawn(ProcessVariables.applicationId(execution));
    }
}
