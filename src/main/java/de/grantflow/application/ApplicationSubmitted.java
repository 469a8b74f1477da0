package de.grantflow.application;

import java.util.UUID;

/** Published inside the submitting transaction: the procedure starts for the case, or nothing is stored. */
public record ApplicationSubmitted(UUID applicationId, String reference, String programmeKey, String authorityKey,
        String municipalityAgs) {
}
