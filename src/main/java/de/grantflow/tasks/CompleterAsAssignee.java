package de.grantflow.tasks;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A task that nobody held when it was completed gets the completing user as its assignee, so that the engine's history
 * of the task names who completed it. Our API completes such a task without claiming it first (a claim is one more
 * engine command with its own authorization check), and at history level {@code audit} the engine keeps no user
 * operation log. Tasklist claims before it completes; a completion through the engine's REST API is recorded the same
 * way.
 */
@Component
class CompleterAsAssignee {

    private final IdentityService identity;

    CompleterAsAssignee(IdentityService identity) {
        this.identity = identity;
    }

    @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_COMPLETE + "'")
    public void onComplete(DelegateTask task) {
        var authentication = identity.getCurrentAuthentication();
        if (task.getAssignee() == null && authentication != null && authentication.getUserId() != null) {
            task.setAssignee(authentication.getUserId());
        }
    }
}
