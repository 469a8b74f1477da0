package de.grantflow.procedure;

import static de.grantflow.procedure.GrantApplicationProcess.*;

import de.grantflow.application.CaseProgress;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Decides eligibility by the programme's rules. */
@Component
class CheckEligibilityDelegate implements JavaDelegate {

    private final CaseProgress progress;

    CheckEligibilityDelegate(CaseProgress progress) {
        this.progress = progress;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(VAR_ELIGIBLE, progress.checkEligibility(ProcessVariables.applicationId(execution)));
    }
}
