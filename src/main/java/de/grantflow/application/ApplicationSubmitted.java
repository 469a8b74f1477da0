package de.grantflow.application;

import java.util.UUID;

/** Published inside the submitting transaction: the case joins the intake of its procedure, or nothing is stored. */
public record ApplicationSubmitted(UUID applicationId, String reference, String programmeKey, String authorityKey,
        String municipalityAgs) {
}
