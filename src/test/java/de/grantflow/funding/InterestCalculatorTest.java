package de.grantflow.funding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.grantflow.letters.LetterBody.InterestLine;
import de.grantflow.letters.LetterBody.InterestStatement;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Interest at five points above the Basiszinssatz, against figures calculated by hand from shared/data/basiszinssatz.csv
 * (act/act: days in the stretch over days of its calendar year, each stretch rounded to the cent).
 */
class InterestCalculatorTest {

    private final InterestCalculator calculator = new InterestCalculator(new BaseRates(""));

    @Test
    void countsTheDaysFromTheFirstDayUpToTheLastAtOneRate() {
        // 1 Jan to 28 Feb 2025: 59 days at 2.27 + 5 = 7.27 %: 10,000 * 7.27 % * 59 / 365 = 117.5151
        InterestStatement statement = calculator.calculate(new BigDecimal("10000.00"), LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 3, 1));

        assertThat(statement.lines()).hasSize(1);
        InterestLine line = statement.lines().get(0);
        assertThat(line.to()).isEqualTo(LocalDate.of(2025, 2, 28));
        assertThat(line.days()).isEqualTo(59);
        assertThat(line.rate()).isEqualByComparingTo("7.27");
        assertThat(statement.total()).isEqualByComparingTo("117.52");
    }

    @Test
    void splitsWhereTheBaseRateChanges() {
        // June 2025 at 7.27 % (30 days: 59.7534), July 2025 at 1.27 + 5 = 6.27 % (31 days: 53.2521)
        InterestStatement statement = calculator.calculate(new BigDecimal("10000.00"), LocalDate.of(2025, 6, 1),
                LocalDate.of(2025, 8, 1));

        assertThat(statement.lines()).extracting(InterestLine::days).containsExactly(30L, 31L);
        assertThat(statement.lines()).extracting(InterestLine::interest)
                .containsExactly(new BigDecimal("59.75"), new BigDecimal("53.25"));
        assertThat(statement.total()).isEqualByComparingTo("113.00");
    }

    @Test
    void countsALeapYearWith366DaysAndSplitsAtTheYearEnd() {
        // 15 Dec 2023 to 14 Jan 2024: 17 days at 3.12 + 5 = 8.12 % over 365 (37.8192),
        // then 14 days at 3.62 + 5 = 8.62 % over 366 (32.9727)
        InterestStatement statement = calculator.calculate(new BigDecimal("10000.00"), LocalDate.of(2023, 12, 15),
                LocalDate.of(2024, 1, 15));

        assertThat(statement.lines()).extracting(InterestLine::daysInYear).containsExactly(365, 366);
        assertThat(statement.total()).isEqualByComparingTo("70.79");
        // February 2024 has 29 days: 10,000 * 8.62 % * 29 / 366 = 68.3005
        assertThat(calculator.calculate(new BigDecimal("10000.00"), LocalDate.of(2024, 2, 1),
                LocalDate.of(2024, 3, 1)).total()).isEqualByComparingTo("68.30");
    }

    @Test
    void bearsNoInterestForAnEmptyStretch() {
        assertThat(calculator.calculate(new BigDecimal("500.00"), LocalDate.of(2025, 3, 1),
                LocalDate.of(2025, 3, 1)).total()).isEqualByComparingTo("0");
    }

    @Test
    void refusesDaysTheTableDoesNotReach() {
        assertThatThrownBy(() -> calculator.calculate(new BigDecimal("100.00"), LocalDate.of(2026, 6, 1),
                LocalDate.of(2026, 8, 1)))
                .isInstanceOf(BaseRateMissingException.class)
                .hasMessageContaining("01.07.2026");
    }
}
