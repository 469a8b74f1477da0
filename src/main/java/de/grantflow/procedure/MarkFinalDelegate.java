package de.grantflow.procedure;

import de.grantflow.application.CaseProgress;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records that the decision became final (time limit passed or appeal waived). */
@Component
class MarkFinalDelegate implements JavaDelegate {

    private final CaseProgress progress;

    MarkFinalDelegate(CaseProgress progress) {
        this.progress = progress;
    }

    @Override
    public void execute(DelegateExecution execution) {
        progress.markFinal(ProcessVariables.applicationId(execution));
    }
}
