package de.grantflow.rules;

/** A decision found no matching rule: the rules are incomplete for this case. */
public class RuleEvaluationException extends RuntimeException {

    public RuleEvaluationException(String message) {
        super(message);
    }
}
