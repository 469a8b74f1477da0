package de.grantflow.forms;

import java.util.List;
import java.util.Map;

/** The data as normalised (numbers as decimals, dates as ISO text, trimmed text) and the errors found. */
public record FormValidationResult(Map<String, Object> data, List<FieldError> errors) {

    public boolean valid() {
        return errors.isEmpty();
    }
}
