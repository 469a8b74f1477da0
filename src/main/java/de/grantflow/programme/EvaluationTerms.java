package de.grantflow.programme;

import java.time.Period;
import java.util.List;

/**
 * What a funded project reports about its effect: the indicator set (keys of the programme's self-evaluation form) and
 * that form, a Camunda Form in forms/, due this long after the proof of use was filed; the flash survey of funded
 * municipalities with its form, how long it runs and when it reminds.
 */
public record EvaluationTerms(String selfEvaluationForm, Period selfEvaluationPeriod, String surveyForm,
        Period surveyPeriod, Period surveyReminderBefore, List<Indicator> indicators) {

    /** One indicator, counted as a whole number. */
    public record Indicator(String key, String label) {
    }
}
