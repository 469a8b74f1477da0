package de.grantflow.forms;

import java.util.List;

/** Submitted data does not fit its form or a rule of the domain; answered with 400 and every field concerned. */
public class FormValidationException extends RuntimeException {

    private final transient List<FieldError> errors;

    public FormValidationException(List<FieldError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b)
                .orElse("ungültige Eingaben"));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
