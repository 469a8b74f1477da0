package de.grantflow.application;

import java.util.UUID;

/** The applicant withdrew a submitted application; the running procedure must end. */
public record ApplicationWithdrawn(UUID applicationId, String processInstanceId) {
}
