package de.grantflow.attachments;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** An upload that is not taken: too large, of a type not allowed, or a document that could carry harm. */
@ResponseStatus(HttpStatus.BAD_REQUEST)
public class AttachmentRejected extends RuntimeException {

    AttachmentRejected(String message) {
        super(message);
    }
}
