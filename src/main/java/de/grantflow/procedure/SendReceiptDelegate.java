package de.grantflow.procedure;

import de.grantflow.application.CaseProgress;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Issues the Eingangsbestätigung. */
@Component
class SendReceiptDelegate implements JavaDelegate {

    private final CaseProgress progress;

    SendReceiptDelegate(CaseProgress progress) {
        this.progress = progress;
    }

    @Override
    public void execute(DelegateExecution execution) {
        progress.sendReceipt(ProcessVariables.applicationId(execution), "RECEIPT");
    }
}
