package de.grantflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.time.Period;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeadlineCalendarTest {

    private final DeadlineCalendar nrw = new DeadlineCalendar(FederalState.NW);
    private final DeadlineCalendar bw = new DeadlineCalendar(FederalState.BW);
    private final DeadlineCalendar niedersachsen = new DeadlineCalendar(FederalState.NI);

    @ParameterizedTest(name = "NRW: {0} + {1} ends {2}")
    @CsvSource({
            // days: the event day is not counted; Monday 2 March 2026 + 14 days = Monday 16 March
            "2026-03-02,P14D,2026-03-16",
            // weeks end on the same weekday: Wednesday 4 March 2026 + 2 weeks = Wednesday 18 March
            "2026-03-04,P2W,2026-03-18",
            // months end on the same day number: 15 April 2026 + 1 month = Friday 15 May
            "2026-04-15,P1M,2026-05-15",
            // Good Friday 3 April 2026, then the weekend and Easter Monday: Tuesday 7 April
            "2026-03-06,P4W,2026-04-07",
            // Easter Monday 6 April 2026 -> Tuesday 7 April
            "2026-03-09,P4W,2026-04-07",
            // 3 October 2025 is a Friday -> Monday 6 October
            "2025-09-05,P4W,2025-10-06",
            // 3 October 2026 is a Saturday -> Monday 5 October
            "2026-09-05,P4W,2026-10-05",
            // Fronleichnam, Thursday 4 June 2026 -> Friday 5 June
            "2026-05-07,P4W,2026-06-05",
            // Allerheiligen, Monday 1 November 2027 -> Tuesday 2 November
            "2027-10-04,P4W,2027-11-02",
            // 31 January + 1 month = 28 February 2027 (no leap year), a Sunday -> Monday 1 March
            "2027-01-31,P1M,2027-03-01",
            // leap year: 31 January + 1 month = Tuesday 29 February 2028
            "2028-01-31,P1M,2028-02-29",
            // 30 November + 3 months = 28 February 2029 (no 30th), a Wednesday
            "2028-11-30,P3M,2029-02-28",
            // 29 February 2028 + 1 year 1 month = Thursday 29 March 2029: months are counted together
            "2028-02-29,P1Y1M,2029-03-29",
            // 29 February 2028 + 1 year = Wednesday 28 February 2029
            "2028-02-29,P1Y,2029-02-28",
            // Christmas 2026: Friday 25, Saturday 26, Sunday 27 December -> Monday 28 December
            "2026-11-27,P4W,2026-12-28",
            // Christmas 2025: Thursday 25 and Friday 26 December, then the weekend -> Monday 29 December
            "2025-11-27,P4W,2025-12-29",
            // Christmas 2024: Wednesday 25 and Thursday 26 December -> Friday 27 December
            "2024-11-27,P4W,2024-12-27",
            // New Year 2028 is a Saturday -> Monday 3 January
            "2027-12-04,P4W,2028-01-03",
            // New Year's Eve is a working day: Thursday 31 December 2026
            "2026-12-03,P4W,2026-12-31"})
    void computesDeadlinesOfAnNrwAuthority(LocalDate event, String period, LocalDate expected) {
        assertThat(nrw.deadline(event, Period.parse(period))).isEqualTo(expected);
    }

    @Test
    void movesADeadlineOnlyForTheHolidaysOfTheAuthoritysState() {
        // Heilige Drei Könige, Tuesday 6 January 2026: a holiday in Baden-Württemberg, not in NRW
        assertThat(bw.deadline(LocalDate.of(2025, 12, 9), Period.ofWeeks(4))).isEqualTo(LocalDate.of(2026, 1, 7));
        assertThat(nrw.deadline(LocalDate.of(2025, 12, 9), Period.ofWeeks(4))).isEqualTo(LocalDate.of(2026, 1, 6));
        // Fronleichnam, Thursday 4 June 2026: a holiday in NRW, not in Niedersachsen
        assertThat(niedersachsen.deadline(LocalDate.of(2026, 5, 7), Period.ofWeeks(4)))
                .isEqualTo(LocalDate.of(2026, 6, 4));
        // Allerheiligen, Monday 1 November 2027: Baden-Württemberg yes, Niedersachsen no
        assertThat(bw.deadline(LocalDate.of(2027, 10, 4), Period.ofWeeks(4))).isEqualTo(LocalDate.of(2027, 11, 2));
        assertThat(niedersachsen.deadline(LocalDate.of(2027, 10, 4), Period.ofWeeks(4)))
                .isEqualTo(LocalDate.of(2027, 11, 1));
        // Easter Monday, 6 April 2026, in both
        assertThat(bw.deadline(LocalDate.of(2026, 3, 9), Period.ofWeeks(4))).isEqualTo(LocalDate.of(2026, 4, 7));
    }

    @Test
    void leavesAWorkingDayAsItIs() {
        assertThat(nrw.nextWorkingDayIfClosed(LocalDate.of(2026, 4, 2))).isEqualTo(LocalDate.of(2026, 4, 2));
        assertThat(nrw.nextWorkingDayIfClosed(LocalDate.of(2026, 4, 3))).isEqualTo(LocalDate.of(2026, 4, 7));
        assertThat(nrw.isWorkingDay(LocalDate.of(2026, 4, 2))).isTrue();
        assertThat(nrw.isWorkingDay(LocalDate.of(2026, 4, 4))).isFalse();
        assertThat(nrw.isWorkingDay(LocalDate.of(2026, 4, 6))).isFalse();
    }

    @Test
    void deemsALetterNotifiedOnTheNthDayAfterDispatchOrTheNextWorkingDay() {
        // Thursday 26 March 2026 + 4 days = Monday 30 March
        assertThat(nrw.deemedNotification(LocalDate.of(2026, 3, 26), 4)).isEqualTo(LocalDate.of(2026, 3, 30));
        // Wednesday 1 April 2026 + 4 days = Easter Sunday -> Tuesday 7 April after Easter Monday
        assertThat(nrw.deemedNotification(LocalDate.of(2026, 4, 1), 4)).isEqualTo(LocalDate.of(2026, 4, 7));
        // the former three days: Tuesday 24 March 2026 + 3 days = Friday 27 March
        assertThat(nrw.deemedNotification(LocalDate.of(2026, 3, 24), 3)).isEqualTo(LocalDate.of(2026, 3, 27));
        // Wednesday 25 March 2026 + 3 days = Saturday -> Monday 30 March
        assertThat(nrw.deemedNotification(LocalDate.of(2026, 3, 25), 3)).isEqualTo(LocalDate.of(2026, 3, 30));
    }

    @Test
    void makesADecisionFinalOnTheDayAfterTheTimeLimitForSuing() {
        // dispatched Thursday 26 March 2026, notified Monday 30 March, Klagefrist ends Thursday 30 April: final 1 May
        assertThat(nrw.finalOn(LocalDate.of(2026, 3, 26), 4, Period.ofMonths(1))).isEqualTo(LocalDate.of(2026, 5, 1));
        // dispatched Monday 27 April 2026, notified Friday 1 May -> Monday 4 May; Klagefrist ends Thursday 4 June,
        // Fronleichnam in NRW -> Friday 5 June; final Saturday 6 June
        assertThat(nrw.finalOn(LocalDate.of(2026, 4, 27), 4, Period.ofMonths(1))).isEqualTo(LocalDate.of(2026, 6, 6));
    }

    @Test
    void countsWorkingDaysBackwards() {
        // five working days before Tuesday 7 April 2026 skip Easter Monday and Good Friday
        assertThat(nrw.workingDaysBefore(LocalDate.of(2026, 4, 7), 5)).isEqualTo(LocalDate.of(2026, 3, 27));
        // three working days before Monday 5 January 2026 in BW: Friday 2 January, 31 and 30 December
        assertThat(bw.workingDaysBefore(LocalDate.of(2026, 1, 5), 3)).isEqualTo(LocalDate.of(2025, 12, 30));
        assertThat(nrw.workingDaysBefore(LocalDate.of(2026, 4, 7), 0)).isEqualTo(LocalDate.of(2026, 4, 7));
    }

    @Test
    void rejectsPeriodsAndCountsThatRunBackwards() {
        assertThatIllegalArgumentException().isThrownBy(() -> nrw.deadline(LocalDate.of(2026, 3, 2), Period.ofDays(-1)));
        assertThatIllegalArgumentException().isThrownBy(() -> nrw.deemedNotification(LocalDate.of(2026, 3, 2), -1));
        assertThatIllegalArgumentException().isThrownBy(() -> nrw.workingDaysBefore(LocalDate.of(2026, 3, 2), -1));
    }
}
