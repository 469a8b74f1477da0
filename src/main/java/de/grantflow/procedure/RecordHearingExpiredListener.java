package de.grantflow.procedure;

import de.grantflow.application.CaseProgress;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Notes on the case that the hearing's deadline passed without a statement. */
@Component
class RecordHearingExpiredListener implements ExecutionListener {

    private final CaseProgress progress;

    RecordHearingExpiredListener(CaseProgress progress) {
        this.progress = progress;
    }

    @Override
    public void notify(DelegateExecution execution) {
        progress.recordHearingExpired(ProcessVariables.applicationId(execution));
    }
}
