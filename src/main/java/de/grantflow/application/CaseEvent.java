package de.grantflow.application;

import java.time.Instant;
import java.util.Map;

/** One entry of a case's timeline: what happened, who did it, the status afterwards and any details. */
public record CaseEvent(Instant occurredAt, CaseEventType type, String actor, ApplicationStatus status, String note,
        Map<String, Object> details) {
}
