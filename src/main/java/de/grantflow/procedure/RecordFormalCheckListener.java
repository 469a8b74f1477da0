package de.grantflow.procedure;

import static de.grantflow.procedure.GrantApplicationProcess.VAR_COMPLETE;

import de.grantflow.application.CaseProgress;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Records the formal check when its task completes; an unticked box means incomplete. */
@Component
class RecordFormalCheckListener implements TaskListener {

    private final CaseProgress progress;

    RecordFormalCheckListener(CaseProgress progress) {
        this.progress = progress;
    }

    @Override
    public void notify(DelegateTask task) {
        boolean complete = Boolean.TRUE.equals(task.getVariable(VAR_COMPLETE));
        progress.recordFormalCheck(ProcessVariables.applicationId(task), complete,
                ProcessVariables.text(task, "missingDocuments"),
                ProcessVariables.actor(task.getProcessEngineServices(), task.getAssignee()));
        ProcessVariables.replace(task, VAR_COMPLETE, complete);
    }
}
