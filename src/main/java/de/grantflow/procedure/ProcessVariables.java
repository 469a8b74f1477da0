package de.grantflow.procedure;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;

/** Reading ids and values from process variables, and writing instants as the engine's timers expect them. */
final class ProcessVariables {

    private static final ZoneId AUTHORITY_ZONE = ZoneId.of("Europe/Berlin");

    private ProcessVariables() {
    }

    static UUID applicationId(VariableScope scope) {
        return UUID.fromString((String) scope.getVariable(GrantApplicationProcess.VAR_APPLICATION_ID));
    }

    static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }

    /**
     * Sets a value in place of the completed form's value of that name, transient if that was (our API passes form
     * values transient, see FormValues; the engine lets no variable change between transient and persistent).
     */
    static void replace(VariableScope scope, String name, Object value) {
        TypedValue current = scope.getVariableTyped(name);
        scope.setVariable(name, Variables.untypedValue(value, current != null && current.isTransient()));
    }

    /** ISO 8601 with offset, as timeDate and dueDate expressions accept it. */
    static String iso(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(AUTHORITY_ZONE).toOffsetDateTime());
    }

    /** The person who completes a task: the authenticated user (our API, REST, Tasklist) or else its assignee. */
    static String actor(ProcessEngineServices engine, String assignee) {
        var authentication = engine.getIdentityService().getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        return assignee;
    }
}
