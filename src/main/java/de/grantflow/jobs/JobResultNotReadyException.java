package de.grantflow.jobs;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The result of a job that is still running, failed, or produced no file. */
@ResponseStatus(HttpStatus.CONFLICT)
public class JobResultNotReadyException extends RuntimeException {

    JobResultNotReadyException() {
        super("Für diese Hintergrundarbeit liegt keine Datei vor (noch nicht fertig, fehlgeschlagen oder ohne Datei)");
    }
}
