package de.grantflow.attachments;

import java.time.Instant;
import java.util.UUID;

/** A document handed in with a case, without its bytes. */
public record Attachment(UUID id, UUID applicationId, String fileName, String mediaType, long sizeBytes, String sha256,
        String uploadedBy, Instant uploadedAt) {
}
