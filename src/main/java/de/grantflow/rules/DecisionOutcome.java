package de.grantflow.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One evaluation of a decision for a case: what went in, what came out, which rule fired and why. */
public record DecisionOutcome(UUID id, String decisionKey, int decisionVersion, Map<String, Object> inputs,
        Map<String, Object> outputs, String ruleId, String reason, Instant evaluatedAt) {

    public boolean flag(String output) {
        return Boolean.TRUE.equals(outputs.get(output));
    }

    public BigDecimal amount(String output) {
        Object value = outputs.get(output);
        return value == null ? null : new BigDecimal(value.toString()).setScale(2, RoundingMode.HALF_UP);
    }
}
