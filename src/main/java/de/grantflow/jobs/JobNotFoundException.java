package de.grantflow.jobs;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A job that does not exist or is not the caller's: both answer the same, so ids reveal nothing. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class JobNotFoundException extends RuntimeException {

    JobNotFoundException() {
        super("Hintergrundarbeit nicht gefunden");
    }
}
