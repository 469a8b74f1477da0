package de.grantflow.tasks;

/** A kind of staff task in the procedure (the user task's definition key and its name). */
public record Stage(String key, String name) {
}
