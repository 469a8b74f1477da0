package de.grantflow.procedure;

import static de.grantflow.procedure.EarlyStartProcess.VAR_REQUEST_ID;

import de.grantflow.application.EarlyStartService;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The steps of grant-early-start, called by expressions in the model: each reads the ids from the process and calls
 * the early start's service in the engine's transaction.
 */
@Component("earlyStartSteps")
public class EarlyStartSteps {

    private final EarlyStartService earlyStarts;

    EarlyStartSteps(EarlyStartService earlyStarts) {
        this.earlyStarts = earlyStarts;
    }

    public void recordReview(DelegateTask task) {
        earlyStarts.recordReview(ProcessVariables.applicationId(task), requestId(task),
                ProcessVariables.text(task, "recommendation"), ProcessVariables.text(task, "justification"),
                actor(task));
    }

    public void recordDecision(DelegateTask task) {
        earlyStarts.recordDecision(ProcessVariables.applicationId(task), requestId(task),
                ProcessVariables.text(task, "decision"), ProcessVariables.text(task, "comment"), actor(task));
    }

    public void issueDecision(DelegateExecution execution) {
        UUID request = requestId(execution);
        earlyStarts.issueDecision(ProcessVariables.applicationId(execution), request,
                "EARLY_START_DECISION:" + request);
    }

    private static UUID requestId(VariableScope scope) {
        return UUID.fromString(ProcessVariables.text(scope, VAR_REQUEST_ID));
    }

    private static String actor(DelegateTask task) {
        return ProcessVariables.actor(task.getProcessEngineServices(), task.getAssignee());
    }
}
