package de.grantflow.procedure;

import de.grantflow.application.CaseProgress;
import de.grantflow.application.CaseProgress.Review;
import java.math.BigDecimal;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Records the substantive review and its author, whom the four-eyes rule keeps from deciding. */
@Component
class RecordReviewListener implements TaskListener {

    private final CaseProgress progress;

    RecordReviewListener(CaseProgress progress) {
        this.progress = progress;
    }

    @Override
    public void notify(DelegateTask task) {
        Object amount = task.getVariable("proposedAmount");
        Object score = task.getVariable("score");
        Object criteria = task.getVariable("criteriaMet");
        progress.recordReview(ProcessVariables.applicationId(task), new Review(
                ProcessVariables.actor(task.getProcessEngineServices(), task.getAssignee()),
                ProcessVariables.text(task, "recommendation"),
                amount == null ? null : new BigDecimal(amount.toString()),
                ProcessVariables.text(task, "justification"),
                score == null ? null : new BigDecimal(score.toString()).intValue(),
                criteria instanceof List<?> list ? list.stream().map(String::valueOf).toList() : null));
    }
}
