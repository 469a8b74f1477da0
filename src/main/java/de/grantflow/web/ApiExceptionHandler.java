package de.grantflow.web;

import de.grantflow.forms.FieldError;
import de.grantflow.forms.FormValidationException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.camunda.bpm.engine.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns what a user can cause into 4xx answers with a German message and the fields concerned. Exceptions raised
 * inside the process engine (listeners, delegates) arrive wrapped, so the cause chain is searched.
 */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    /** The API answers JSON; a page answers with the error page, in the same words. */
    @ExceptionHandler(Exception.class)
    Object handle(Exception exception, HttpServletRequest request) {
        ResponseEntity<ApiError> answer = answer(exception, request);
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return answer;
        }
        ModelAndView page = new ModelAndView("error", answer.getStatusCode());
        page.addObject("status", answer.getStatusCode().value());
        page.addObject("message", answer.getBody() == null ? null : answer.getBody().message());
        return page;
    }

    ResponseEntity<ApiError> answer(Exception exception, HttpServletRequest request) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            Optional<ResponseEntity<ApiError>> answer = answer(cause, request);
            if (answer.isPresent()) {
                return answer.get();
            }
        }
        String incident = UUID.randomUUID().toString();
        log.error("Unexpected error {} on {} {}", incident, request.getMethod(), request.getRequestURI(), exception);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "Interner Fehler (Vorgang " + incident
                + "). Es wurde nichts geändert; bitte versuchen Sie es erneut.", request, List.of());
    }

    private Optional<ResponseEntity<ApiError>> answer(Throwable cause, HttpServletRequest request) {
        if (cause instanceof FormValidationException invalid) {
            return Optional.of(error(HttpStatus.BAD_REQUEST, "Die Eingaben sind ungültig", request, invalid.errors()));
        }
        if (cause instanceof AccessDeniedException) {
            return Optional.of(error(HttpStatus.FORBIDDEN, cause.getMessage() == null || cause.getMessage().isBlank()
                    || "Access Denied".equals(cause.getMessage()) ? "Keine Berechtigung" : cause.getMessage(),
                    request, List.of()));
        }
        if (cause instanceof AuthorizationException) {
            // the engine's own check (README: Security) behind ours: it refuses only what ours should have refused
            return Optional.of(error(HttpStatus.FORBIDDEN, "Keine Berechtigung für diese Aufgabe", request,
                    List.of()));
        }
        if (cause instanceof HttpMessageNotReadableException unreadable) {
            return Optional.of(error(HttpStatus.BAD_REQUEST, "Der Inhalt der Anfrage ist kein gültiges JSON"
                    + " in der erwarteten Form", request, fieldOf(unreadable)));
        }
        if (cause instanceof MethodArgumentTypeMismatchException mismatch) {
            return Optional.of(error(HttpStatus.BAD_REQUEST, "Ungültiger Wert für " + mismatch.getName(), request,
                    List.of(new FieldError(mismatch.getName(), "Ungültiger Wert"))));
        }
        if (cause instanceof MissingServletRequestParameterException missing) {
            return Optional.of(error(HttpStatus.BAD_REQUEST, "Es fehlt der Parameter „" + missing.getParameterName()
                    + "“", request, List.of(new FieldError(missing.getParameterName(), "Pflichtangabe"))));
        }
        if (cause instanceof HttpRequestMethodNotSupportedException) {
            return Optional.of(error(HttpStatus.METHOD_NOT_ALLOWED, "Methode nicht erlaubt", request, List.of()));
        }
        if (cause instanceof HttpMediaTypeNotSupportedException) {
            return Optional.of(error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Bitte JSON senden (Content-Type:"
                    + " application/json)", request, List.of()));
        }
        if (cause instanceof HttpMediaTypeNotAcceptableException notAcceptable) {
            // decided before any case is looked up, so it tells nothing about what exists
            return Optional.of(error(HttpStatus.NOT_ACCEPTABLE, "Diese Adresse liefert nur "
                    + MediaType.toString(notAcceptable.getSupportedMediaTypes()) + " (Accept-Kopfzeile anpassen)",
                    request, List.of()));
        }
        if (cause instanceof MissingServletRequestParameterException missing) {
            return Optional.of(error(HttpStatus.BAD_REQUEST, "Es fehlt der Parameter „" + missing.getParameterName()
                    + "“", request, List.of(new FieldError(missing.getParameterName(), "Bitte angeben"))));
        }
        if (cause instanceof MissingServletRequestPartException missing) {
            return Optional.of(error(HttpStatus.BAD_REQUEST, "Es fehlt der Teil „" + missing.getRequestPartName()
                    + "“ (multipart/form-data)", request, List.of(new FieldError(missing.getRequestPartName(),
                    "Bitte eine Datei senden"))));
        }
        if (cause instanceof MaxUploadSizeExceededException) {
            return Optional.of(error(HttpStatus.PAYLOAD_TOO_LARGE, "Die Datei ist zu groß", request, List.of()));
        }
        if (cause instanceof MultipartException) {
            return Optional.of(error(HttpStatus.BAD_REQUEST, "Der Inhalt ist kein lesbares multipart/form-data",
                    request, List.of()));
        }
        if (cause instanceof java.sql.SQLException sql && "22P05".equals(sql.getSQLState())) {
            // untranslatable character: a NUL somewhere in text that no form checked
            return Optional.of(error(HttpStatus.BAD_REQUEST, "Der Text enthält ein Nullzeichen (U+0000), das nicht"
                    + " gespeichert werden kann", request, List.of()));
        }
        if (cause instanceof java.sql.SQLException sql && "22003".equals(sql.getSQLState())) {
            // numeric value out of range: an amount beyond what any field holds, which no check caught first
            return Optional.of(error(HttpStatus.BAD_REQUEST, "Ein Betrag ist zu groß", request, List.of()));
        }
        if (cause instanceof NoResourceFoundException) {
            return Optional.of(error(HttpStatus.NOT_FOUND, "Nicht gefunden", request, List.of()));
        }
        if (cause instanceof ErrorResponse framework && framework.getStatusCode().is4xxClientError()) {
            // any other refusal of Spring MVC itself is the caller's mistake, never an internal error
            HttpStatus code = HttpStatus.valueOf(framework.getStatusCode().value());
            return Optional.of(error(code, "Ungültige Anfrage: " + code.getReasonPhrase(), request, List.of()));
        }
        ResponseStatus status = AnnotatedElementUtils.findMergedAnnotation(cause.getClass(), ResponseStatus.class);
        if (status != null) {
            return Optional.of(error(status.code(), cause.getMessage(), request, List.of()));
        }
        return Optional.empty();
    }

    /** The field a value of the wrong type was given for, with the type expected, when Jackson can tell. */
    private static List<FieldError> fieldOf(HttpMessageNotReadableException unreadable) {
        if (!(unreadable.getCause() instanceof MismatchedInputException mismatch) || mismatch.getPath().isEmpty()) {
            return List.of();
        }
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : mismatch.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        Class<?> type = mismatch.getTargetType();
        String expected = type == null ? "ein anderer Wert"
                : java.time.LocalDate.class.equals(type) ? "ein Datum im Format JJJJ-MM-TT"
                : java.math.BigDecimal.class.equals(type) || Number.class.isAssignableFrom(type)
                        || type.isPrimitive() && !boolean.class.equals(type) ? "eine Zahl"
                : Boolean.class.equals(type) || boolean.class.equals(type) ? "true oder false"
                : String.class.equals(type) ? "ein Text"
                : java.util.List.class.isAssignableFrom(type) ? "eine Liste"
                : "ein Objekt";
        return List.of(new FieldError(path.toString(), "Erwartet wird " + expected));
    }

    private static ResponseEntity<ApiError> error(HttpStatus status, String message, HttpServletRequest request,
            List<FieldError> errors) {
        return ResponseEntity.status(status).body(ApiError.of(status, message, request.getRequestURI(), errors));
    }
}
