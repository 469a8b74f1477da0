package de.grantflow.procedure;

import de.grantflow.application.CaseProgress;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Records the applicant's statement in the hearing. */
@Component
class RecordHearingResponseListener implements TaskListener {

    private final CaseProgress progress;

    RecordHearingResponseListener(CaseProgress progress) {
        this.progress = progress;
    }

    @Override
    public void notify(DelegateTask task) {
        progress.recordHearingResponse(ProcessVariables.applicationId(task), ProcessVariables.text(task, "statement"),
                ProcessVariables.actor(task.getProcessEngineServices(), task.getAssignee()));
    }
}
