package de.grantflow.application;

import java.util.UUID;

/** Something happened on a case (an entry of its timeline), inside the transaction that changed it. */
public record CaseChanged(UUID applicationId, CaseEventType type, CaseEvent event) {
}
