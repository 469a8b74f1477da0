package de.grantflow.procedure;

import static de.grantflow.procedure.GrantApplicationProcess.*;

import de.grantflow.application.CaseProgress;
import de.grantflow.application.ProcessDeadline;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Sends the Nachforderung and sets the applicant's deadline, its reminder and its expiry. */
@Component
class RequestDocumentsDelegate implements JavaDelegate {

    private final CaseProgress progress;

    RequestDocumentsDelegate(CaseProgress progress) {
        this.progress = progress;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ProcessDeadline deadline = progress.requestDocuments(ProcessVariables.applicationId(execution),
                "REQUEST_FOR_DOCUMENTS:" + execution.getActivityInstanceId());
        execution.setVariable(VAR_DOCUMENTS_DUE, ProcessVariables.iso(deadline.dueAt()));
        execution.setVariable(VAR_DOCUMENTS_REMINDER_AT, ProcessVariables.iso(deadline.remindAt()));
        execution.setVariable(VAR_DOCUMENTS_DEADLINE_AT, ProcessVariables.iso(deadline.expiresAt()));
    }
}
