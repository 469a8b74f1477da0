package de.grantflow.procedure;

import static de.grantflow.procedure.GrantApplicationProcess.VAR_ADVERSE;
import static de.grantflow.procedure.GrantApplicationProcess.VAR_DECISION;

import de.grantflow.application.CaseProgress;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Records the approver's decision (refused for the reviewer) and whether it is adverse and needs a hearing. */
@Component
class RecordDecisionListener implements TaskListener {

    private final CaseProgress progress;

    RecordDecisionListener(CaseProgress progress) {
        this.progress = progress;
    }

    @Override
    public void notify(DelegateTask task) {
        boolean adverse = progress.recordDecision(ProcessVariables.applicationId(task),
                ProcessVariables.text(task, VAR_DECISION), ProcessVariables.text(task, "comment"),
                ProcessVariables.actor(task.getProcessEngineServices(), task.getAssignee()));
        task.setVariable(VAR_ADVERSE, adverse);
    }
}
