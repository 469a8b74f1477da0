package de.grantflow.application;

import java.util.UUID;

/** The procedure of a submitted case has started, inside the transaction that started it. */
public record ProcedureStarted(UUID applicationId) {
}
