package de.grantflow.forms;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * No path around the form's validation: every user task with a Camunda Form is checked when it completes, whoever
 * completes it (our API, the engine's REST API, Tasklist). The Camunda starter publishes task events inside the
 * engine's transaction, so an exception here refuses the completion and nothing changes.
 */
@Component
class TaskFormGuard {

    private final FormCatalog forms;
    private final FormValidator validator;

    TaskFormGuard(FormCatalog forms, FormValidator validator) {
        this.forms = forms;
        this.validator = validator;
    }

    @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_COMPLETE + "'")
    public void onComplete(DelegateTask task) {
        UserTask userTask = task.getBpmnModelElementInstance();
        if (userTask == null || userTask.getCamundaFormRef() == null) {
            return;
        }
        forms.find(userTask.getCamundaFormRef()).ifPresent(form -> {
            Map<String, Object> values = new HashMap<>();
            form.fields().forEach(field -> {
                Object value = task.getVariable(field.key());
                if (value != null) {
                    values.put(field.key(), value);
                }
            });
            FormValidationResult result = validator.validate(form, values);
            if (!result.valid()) {
                throw new FormValidationException(List.copyOf(result.errors()));
            }
        });
    }
}
