package de.grantflow.programme;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No programme has that key. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class UnknownProgrammeException extends RuntimeException {

    public UnknownProgrammeException(String key) {
        super("Unbekanntes Förderprogramm: " + key);
    }
}
