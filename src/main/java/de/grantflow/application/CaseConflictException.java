package de.grantflow.application;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The action does not fit the case's current state (e.g. editing a submitted application): answered with 409. */
@ResponseStatus(HttpStatus.CONFLICT)
public class CaseConflictException extends RuntimeException {

    public CaseConflictException(String message) {
        super(message);
    }
}
