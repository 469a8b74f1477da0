package de.grantflow.forms;

/** What is wrong with one field: its key path ("costPlan[1].amount") and a German message. */
public record FieldError(String field, String message) {
}
