package de.grantflow.procedure;

import static de.grantflow.procedure.GrantApplicationProcess.VAR_DECISION;

import de.grantflow.application.CaseProgress;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Records the final decision after the hearing, under the same four-eyes rule as the first. */
@Component
class RecordFinalDecisionListener implements TaskListener {

    private final CaseProgress progress;

    RecordFinalDecisionListener(CaseProgress progress) {
        this.progress = progress;
    }

    @Override
    public void notify(DelegateTask task) {
        progress.recordDecision(ProcessVariables.applicationId(task), ProcessVariables.text(task, VAR_DECISION),
                ProcessVariables.text(task, "comment"),
                ProcessVariables.actor(task.getProcessEngineServices(), task.getAssignee()));
    }
}
