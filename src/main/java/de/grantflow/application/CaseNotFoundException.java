package de.grantflow.application;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The case does not exist, or the caller may not see it: both answer 404 so that nothing leaks. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class CaseNotFoundException extends RuntimeException {

    public CaseNotFoundException(UUID id) {
        super("Antrag " + id + " nicht gefunden");
    }

    public CaseNotFoundException(String message) {
        super(message);
    }
}
