package de.grantflow.tasks;

import java.time.Instant;
import java.util.UUID;

/** A user task as the API shows it. */
public record WorkTask(String id, String name, String taskDefinitionKey, UUID applicationId, String reference,
        String programme, String projectTitle, String assignee, Instant created, Instant due, String formId,
        String municipalityAgs) {
}
