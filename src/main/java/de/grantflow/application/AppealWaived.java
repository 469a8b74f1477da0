package de.grantflow.application;

import java.util.UUID;

/** The applicant waived the right to sue (Rechtsbehelfsverzicht): the decision is final at once. */
public record AppealWaived(UUID applicationId, String processInstanceId) {
}
