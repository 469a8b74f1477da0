package de.grantflow.procedure;

import de.grantflow.application.CaseProgress;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Records what the applicant supplied in answer to the Nachforderung. */
@Component
class RecordDocumentsSuppliedListener implements TaskListener {

    private final CaseProgress progress;

    RecordDocumentsSuppliedListener(CaseProgress progress) {
        this.progress = progress;
    }

    @Override
    public void notify(DelegateTask task) {
        progress.recordDocumentsSupplied(ProcessVariables.applicationId(task),
                ProcessVariables.text(task, "documentsSupplied"),
                ProcessVariables.actor(task.getProcessEngineServices(), task.getAssignee()));
    }
}
