package de.grantflow.procedure;

import de.grantflow.application.CaseProgress;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Reminds the applicant of the documents due. */
@Component
class SendDocumentsReminderDelegate implements JavaDelegate {

    private final CaseProgress progress;

    SendDocumentsReminderDelegate(CaseProgress progress) {
        this.progress = progress;
    }

    @Override
    public void execute(DelegateExecution execution) {
        progress.sendDocumentsReminder(ProcessVariables.applicationId(execution),
                "REMINDER:" + execution.getActivityInstanceId());
    }
}
