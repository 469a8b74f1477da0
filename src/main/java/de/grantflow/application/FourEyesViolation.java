package de.grantflow.application;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The same person tried to review and decide a case: the four-eyes principle forbids it (answered with 403). */
@ResponseStatus(HttpStatus.FORBIDDEN)
public class FourEyesViolation extends RuntimeException {

    public FourEyesViolation(String message) {
        super(message);
    }
}
