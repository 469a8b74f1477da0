package de.grantflow.jobs;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** More work waiting than the queue takes: refused at once rather than run hours later. */
@ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
public class JobsBusyException extends RuntimeException {

    JobsBusyException() {
        super("Zu viele Hintergrundarbeiten warten bereits; bitte versuchen Sie es in einigen Minuten erneut");
    }
}
