package de.grantflow.application;

import java.util.UUID;

/** The applicant withdrew a submitted application; the procedure must end (its instance is null while the intake has not started it). */
public record ApplicationWithdrawn(UUID applicationId, String processInstanceId) {
}
