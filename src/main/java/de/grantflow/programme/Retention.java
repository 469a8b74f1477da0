package de.grantflow.programme;

import java.time.LocalDate;
import java.time.Period;

/**
 * How long the authority keeps a closed case with its personal data (Aufbewahrungsfrist). As in German records
 * practice, the period runs from the end of the calendar year in which the case was closed; after it, the case file is
 * destroyed, here: its personal data are anonymised and its documents deleted, the figures stay.
 *
 * @param funded for a funded case, closed after the proof of use was checked (Schlussmitteilung)
 * @param notFunded for a case that ended without a grant: rejected and final, lapsed, withdrawn
 * @param surveyAnswers for a flash survey's answers and which municipality gave them (and who in it), from the end of
 *     the year the survey closed; after it only the survey's figures stay (invited, responded, answers counted)
 */
public record Retention(Period funded, Period notFunded, Period surveyAnswers) {

    /** Funded cases closed before this day are past their period on the given day. */
    public LocalDate fundedClosedBefore(LocalDate today) {
        return startOfYear(today).minus(funded);
    }

    /** Cases without a grant closed before this day are past their period on the given day. */
    public LocalDate notFundedClosedBefore(LocalDate today) {
        return startOfYear(today).minus(notFunded);
    }

    /** Surveys closed before this day are past their period on the given day. */
    public LocalDate surveysClosedBefore(LocalDate today) {
        return startOfYear(today).minus(surveyAnswers);
    }

    private static LocalDate startOfYear(LocalDate day) {
        return day.withDayOfYear(1);
    }
}
