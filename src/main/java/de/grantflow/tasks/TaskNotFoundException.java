package de.grantflow.tasks;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The task does not exist or is not the caller's to see (both 404). */
@ResponseStatus(HttpStatus.NOT_FOUND)
class TaskNotFoundException extends RuntimeException {

    TaskNotFoundException(String id) {
        super("Aufgabe " + id + " nicht gefunden");
    }
}
