package de.grantflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class PublicHolidaysTest {

    @ParameterizedTest(name = "Easter {0} is {1}")
    @CsvSource({"2024,2024-03-31", "2025,2025-04-20", "2026,2026-04-05", "2027,2027-03-28", "2028,2028-04-16",
            "2029,2029-04-01", "2030,2030-04-21", "2008,2008-03-23", "2038,2038-04-25", "2285,2285-03-22"})
    void computesEasterSundayByTheGregorianComputus(int year, LocalDate easter) {
        assertThat(PublicHolidays.easterSunday(year)).isEqualTo(easter);
    }

    @ParameterizedTest(name = "{0} in {1}: {2}")
    @CsvSource({
            "2026-01-01,NW,Neujahr",
            "2026-04-03,NW,Karfreitag",
            "2026-04-06,NW,Ostermontag",
            "2026-04-06,BW,Ostermontag",
            "2026-05-01,BW,Tag der Arbeit",
            "2026-05-14,NW,Christi Himmelfahrt",
            "2026-05-25,BW,Pfingstmontag",
            "2026-06-04,NW,Fronleichnam",
            "2026-06-04,BW,Fronleichnam",
            "2026-06-04,HE,Fronleichnam",
            "2026-10-03,NI,Tag der Deutschen Einheit",
            "2027-11-01,NW,Allerheiligen",
            "2027-11-01,BW,Allerheiligen",
            "2026-01-06,BW,Heilige Drei Könige",
            "2026-01-06,ST,Heilige Drei Könige",
            "2026-03-08,BE,Internationaler Frauentag",
            "2026-03-08,MV,Internationaler Frauentag",
            "2026-08-15,SL,Mariä Himmelfahrt",
            "2026-09-20,TH,Weltkindertag",
            "2026-10-31,NI,Reformationstag",
            "2026-10-31,SH,Reformationstag",
            "2017-10-31,NW,Reformationstag",
            "2026-11-18,SN,Buß- und Bettag",
            "2025-11-19,SN,Buß- und Bettag",
            "2025-05-08,BE,Tag der Befreiung",
            "2026-12-25,BW,1. Weihnachtstag",
            "2026-12-26,NW,2. Weihnachtstag"})
    void namesTheHolidaysOfAState(LocalDate day, FederalState state, String name) {
        assertThat(PublicHolidays.holidayName(day, state)).contains(name);
        assertThat(PublicHolidays.isHoliday(day, state)).isTrue();
    }

    @ParameterizedTest(name = "{0} is no holiday in {1}")
    @CsvSource({
            "2026-01-06,NW",
            "2026-06-04,NI",
            "2026-06-04,BE",
            "2027-11-01,NI",
            "2027-11-01,HE",
            "2026-10-31,NW",
            "2026-10-31,BW",
            "2016-10-31,NI",
            "2026-03-08,NW",
            "2022-03-08,MV",
            "2026-08-15,BY",
            "2026-11-18,NW",
            "2026-09-20,BW",
            "2026-05-08,BE",
            "2026-12-24,NW",
            "2026-12-31,BW",
            "2026-04-02,NW"})
    void knowsWhatIsNoHolidayInAState(LocalDate day, FederalState state) {
        assertThat(PublicHolidays.holidayName(day, state)).isEmpty();
        assertThat(PublicHolidays.isHoliday(day, state)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(FederalState.class)
    void givesEveryStateTheNineNationwideHolidays(FederalState state) {
        assertThat(Stream.of("2026-01-01", "2026-04-03", "2026-04-06", "2026-05-01", "2026-05-14", "2026-05-25",
                "2026-10-03", "2026-12-25", "2026-12-26").map(LocalDate::parse))
                .allMatch(day -> PublicHolidays.isHoliday(day, state));
    }

    @Test
    void countsTheHolidaysOfNrwAndBadenWuerttembergIn2026() {
        assertThat(holidaysIn2026(FederalState.NW)).isEqualTo(11);
        assertThat(holidaysIn2026(FederalState.BW)).isEqualTo(12);
        assertThat(holidaysIn2026(FederalState.NI)).isEqualTo(10);
    }

    @Test
    void placesBussUndBettagOnTheWednesdayBeforeTheTwentyThirdOfNovember() {
        Arrays.asList(2024, 2025, 2026, 2027, 2028, 2029, 2030).forEach(year -> {
            LocalDate day = LocalDate.of(year, 11, 16).datesUntil(LocalDate.of(year, 11, 23))
                    .filter(d -> PublicHolidays.isHoliday(d, FederalState.SN))
                    .findFirst().orElseThrow();
            assertThat(day.getDayOfWeek()).isEqualTo(DayOfWeek.WEDNESDAY);
        });
    }

    private static long holidaysIn2026(FederalState state) {
        return LocalDate.of(2026, 1, 1).datesUntil(LocalDate.of(2027, 1, 1))
                .filter(day -> PublicHolidays.isHoliday(day, state))
                .count();
    }
}
