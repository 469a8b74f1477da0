package de.grantflow.attachments;

/** An attachment with its bytes, for download. */
public record AttachmentContent(Attachment attachment, byte[] content) {
}
