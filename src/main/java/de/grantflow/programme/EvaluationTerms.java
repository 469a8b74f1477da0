package de.grantflow.programme;

import java.time.Period;
import java.util.List;

/**
 * What a funded project reports about its effect: the indicator set (keys of the programme's self-evaluation form) and
 * that form, a Camunda Form in forms/, due this long after the proof of use was filed.
 */
public record EvaluationTerms(String selfEvaluationForm, Period selfEvaluationPeriod, List<Indicator> indicators) {

    /** One indicator, counted as a whole number. */
    public record Indicator(String key, String label) {
    }
}
