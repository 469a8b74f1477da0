package de.grantflow.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import de.grantflow.forms.FieldError;
import java.time.Instant;
import java.util.List;

/** The body of every error answer of the API. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ApiError(Instant timestamp, int status, String error, String message, String path,
        List<FieldError> errors) {
}
