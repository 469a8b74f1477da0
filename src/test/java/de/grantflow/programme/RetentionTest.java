package de.grantflow.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import org.junit.jupiter.api.Test;

/** The retention period runs from the end of the year the case was closed. */
class RetentionTest {

    private final Retention retention = new Retention(Period.ofYears(10), Period.ofYears(5), Period.ofYears(3));

    @Test
    void aCaseClosedInAYearIsDueOnlyWhenItsPeriodAfterThatYearHasEnded() {
        // closed at any time in 2026: the period runs 2027-2031 (five years) or 2027-2036 (ten years)
        assertThat(retention.notFundedClosedBefore(LocalDate.of(2031, 12, 31))).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(retention.notFundedClosedBefore(LocalDate.of(2032, 1, 1))).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(retention.fundedClosedBefore(LocalDate.of(2036, 12, 31))).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(retention.fundedClosedBefore(LocalDate.of(2037, 1, 1))).isEqualTo(LocalDate.of(2027, 1, 1));
    }

    @Test
    void aSurveyClosedInAYearIsDueWhenItsPeriodAfterThatYearHasEnded() {
        // closed at any time in 2026: the answers are kept 2027-2029 (three years)
        assertThat(retention.surveysClosedBefore(LocalDate.of(2029, 12, 31))).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(retention.surveysClosedBefore(LocalDate.of(2030, 1, 1))).isEqualTo(LocalDate.of(2027, 1, 1));
    }
}
