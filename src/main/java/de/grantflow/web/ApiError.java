package de.grantflow.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import de.grantflow.forms.FieldError;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;

/** The body of every error answer of the API. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ApiError(Instant timestamp, int status, String error, String message, String path,
        List<FieldError> errors) {

    static ApiError of(HttpStatus status, String message, String path, List<FieldError> errors) {
        return new ApiError(Instant.now(), status.value(), status.getReasonPhrase(), message, path, errors);
    }

    /** Writes this error as the answer, for filters that answer before or after the controllers. */
    void writeTo(HttpServletResponse response, ObjectMapper json) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        json.writeValue(response.getOutputStream(), this);
    }
}
