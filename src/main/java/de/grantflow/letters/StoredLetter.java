package de.grantflow.letters;

import java.time.Instant;
import java.util.UUID;

/** A stored letter's metadata. */
public record StoredLetter(UUID id, UUID applicationId, LetterType type, String stepKey, Instant createdAt,
        String sha256, int sizeBytes) {
}
