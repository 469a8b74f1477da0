package de.grantflow.procedure;

import de.grantflow.application.CaseProgress;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The documents did not come in time: the application lapses, with a letter. */
@Component
class DeclareLapsedDelegate implements JavaDelegate {

    private final CaseProgress progress;

    DeclareLapsedDelegate(CaseProgress progress) {
        this.progress = progress;
    }

    @Override
    public void execute(DelegateExecution execution) {
        progress.declareLapsed(ProcessVariables.applicationId(execution), "LAPSE");
    }
}
