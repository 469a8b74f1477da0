package de.grantflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeadlineCalendarTest {

    private final DeadlineCalendar nrw = new DeadlineCalendar(FederalState.NW);
    private final DeadlineCalendar bw = new DeadlineCalendar(FederalState.BW);

    @ParameterizedTest(name = "Easter {0} is {1}")
    @CsvSource({"2024,2024-03-31", "2025,2025-04-20", "2026,2026-04-05", "2027,2027-03-28", "2028,2028-04-16",
            "2029,2029-04-01", "2030,2030-04-21", "2038,2038-04-25"})
    void computesEasterSunday(int year, LocalDate easter) {
        assertThat(PublicHolidays.easterSunday(year)).isEqualTo(easter);
    }

    @Test
    void knowsTheHolidaysOfEachState() {
        assertThat(PublicHolidays.holidayName(LocalDate.of(2026, 4, 6), FederalState.NW)).contains("Ostermontag");
        assertThat(PublicHolidays.isHoliday(LocalDate.of(2026, 1, 6), FederalState.BW)).isTrue();
        assertThat(PublicHolidays.isHoliday(LocalDate.of(2026, 1, 6), FederalState.NW)).isFalse();
        assertThat(PublicHolidays.isHoliday(LocalDate.of(2026, 6, 4), FederalState.NW)).isTrue();
        assertThat(PublicHolidays.isHoliday(LocalDate.of(2026, 6, 4), FederalState.NI)).isFalse();
        assertThat(PublicHolidays.isHoliday(LocalDate.of(2026, 11, 1), FederalState.BW)).isTrue();
        assertThat(PublicHolidays.isHoliday(LocalDate.of(2026, 10, 31), FederalState.NW)).isFalse();
        assertThat(PublicHolidays.isHoliday(LocalDate.of(2026, 10, 31), FederalState.NI)).isTrue();
        assertThat(PublicHolidays.holidayName(LocalDate.of(2026, 11, 18), FederalState.SN)).contains("Buß- und Bettag");
    }

    @ParameterizedTest(name = "{0} + {1} ends {2}")
    @CsvSource({
            // Easter Monday 2026 is a holiday: 9 March + 4 weeks = Monday 6 April -> Tuesday 7 April
            "2026-03-09,P4W,2026-04-07",
            // 3 October 2025 is a Friday: 5 September + 4 weeks -> Monday 6 October
            "2025-09-05,P4W,2025-10-06",
            // 3 October 2026 is a Saturday: the next working day is Monday 5 October
            "2026-09-05,P4W,2026-10-05",
            // month end: 31 January + 1 month = 28 February (2027 is no leap year); a Sunday -> Monday 1 March
            "2027-01-31,P1M,2027-03-01",
            // leap year 2028: 31 January + 1 month = Tuesday 29 February
            "2028-01-31,P1M,2028-02-29",
            // a plain weekday: Monday 2 March 2026 + 2 weeks = Monday 16 March
            "2026-03-02,P2W,2026-03-16",
            // Christmas: 27 November 2026 + 4 weeks = Friday 25 December -> Monday 28 December
            "2026-11-27,P4W,2026-12-28",
            // Fronleichnam in NRW: 7 May 2026 + 4 weeks = Thursday 4 June -> Friday 5 June
            "2026-05-07,P4W,2026-06-05"})
    void movesADeadlineToTheNextWorkingDay(LocalDate event, String period, LocalDate expected) {
        assertThat(nrw.deadline(event, Period.parse(period))).isEqualTo(expected);
    }

    @Test
    void countsBadenWuerttembergHolidaysForItsAuthorities() {
        // 9 December 2025 + 4 weeks = Tuesday 6 January 2026: a holiday in BW, not in NRW
        assertThat(bw.deadline(LocalDate.of(2025, 12, 9), Period.ofWeeks(4))).isEqualTo(LocalDate.of(2026, 1, 7));
        assertThat(nrw.deadline(LocalDate.of(2025, 12, 9), Period.ofWeeks(4))).isEqualTo(LocalDate.of(2026, 1, 6));
    }

    @Test
    void deemsALetterNotifiedOnTheFourthDayAndMakesItFinalAfterOneMonth() {
        // dispatched Thursday 26 March 2026: fourth day Monday 30 March; one month -> Thursday 30 April; final 1 May
        assertThat(nrw.deemedNotification(LocalDate.of(2026, 3, 26), 4)).isEqualTo(LocalDate.of(2026, 3, 30));
        assertThat(nrw.finalOn(LocalDate.of(2026, 3, 26), 4, Period.ofMonths(1))).isEqualTo(LocalDate.of(2026, 5, 1));
        // dispatched Wednesday 1 April 2026: fourth day is Easter Sunday -> Tuesday 7 April after Easter Monday
        assertThat(nrw.deemedNotification(LocalDate.of(2026, 4, 1), 4)).isEqualTo(LocalDate.of(2026, 4, 7));
    }

    @Test
    void countsWorkingDaysBackwards() {
        // five working days before Tuesday 7 April 2026 skip Easter Monday and Good Friday
        assertThat(nrw.workingDaysBefore(LocalDate.of(2026, 4, 7), 5)).isEqualTo(LocalDate.of(2026, 3, 27));
    }
}
