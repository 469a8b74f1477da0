package de.grantflow.calendar;

import static de.grantflow.calendar.FederalState.BB;
import static de.grantflow.calendar.FederalState.BE;
import static de.grantflow.calendar.FederalState.BW;
import static de.grantflow.calendar.FederalState.BY;
import static de.grantflow.calendar.FederalState.HB;
import static de.grantflow.calendar.FederalState.HE;
import static de.grantflow.calendar.FederalState.HH;
import static de.grantflow.calendar.FederalState.MV;
import static de.grantflow.calendar.FederalState.NI;
import static de.grantflow.calendar.FederalState.NW;
import static de.grantflow.calendar.FederalState.RP;
import static de.grantflow.calendar.FederalState.SH;
import static de.grantflow.calendar.FederalState.SL;
import static de.grantflow.calendar.FederalState.SN;
import static de.grantflow.calendar.FederalState.ST;
import static de.grantflow.calendar.FederalState.TH;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The statutory public holidays of each German state, as its Feiertagsgesetz sets them for the whole state. Holidays of
 * only a part of a state (Mariä Himmelfahrt in Catholic communities of Bavaria, the Augsburger Friedensfest,
 * Fronleichnam in parts of Saxony and Thuringia) are not counted: a state-wide calendar cannot know the place.
 */
public final class PublicHolidays {

    private static final Set<FederalState> ALL = EnumSet.allOf(FederalState.class);

    private PublicHolidays() {
    }

    public static boolean isHoliday(LocalDate day, FederalState state) {
        return holidayName(day, state).isPresent();
    }

    public static Optional<String> holidayName(LocalDate day, FederalState state) {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(state, "state");
        Holiday holiday = holidays(day.getYear()).get(day);
        return holiday != null && holiday.states().contains(state) ? Optional.of(holiday.name()) : Optional.empty();
    }

    /** Easter Sunday by the anonymous Gregorian computus (Meeus/Jones/Butcher). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int dayOfMonth = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, dayOfMonth);
    }

    private static Map<LocalDate, Holiday> holidays(int year) {
        LocalDate easter = easterSunday(year);
        Map<LocalDate, Holiday> days = new HashMap<>();
        days.put(LocalDate.of(year, 1, 1), new Holiday("Neujahr", ALL));
        days.put(LocalDate.of(year, 1, 6), new Holiday("Heilige Drei Könige", EnumSet.of(BW, BY, ST)));
        if (year >= 2019) {
            days.put(LocalDate.of(year, 3, 8), new Holiday("Internationaler Frauentag",
                    year >= 2023 ? EnumSet.of(BE, MV) : EnumSet.of(BE)));
        }
        days.put(easter.minusDays(2), new Holiday("Karfreitag", ALL));
        days.put(easter.plusDays(1), new Holiday("Ostermontag", ALL));
        // Christi Himmelfahrt can fall on 1 May (as in 2008): the day stays a holiday everywhere under its later name
        days.put(LocalDate.of(year, 5, 1), new Holiday("Tag der Arbeit", ALL));
        days.put(easter.plusDays(39), new Holiday("Christi Himmelfahrt", ALL));
        if (year == 2020 || year == 2025) {
            days.put(LocalDate.of(year, 5, 8), new Holiday("Tag der Befreiung", EnumSet.of(BE)));
        }
        days.put(easter.plusDays(50), new Holiday("Pfingstmontag", ALL));
        days.put(easter.plusDays(60), new Holiday("Fronleichnam", EnumSet.of(BW, BY, HE, NW, RP, SL)));
        days.put(LocalDate.of(year, 8, 15), new Holiday("Mariä Himmelfahrt", EnumSet.of(SL)));
        if (year >= 2019) {
            days.put(LocalDate.of(year, 9, 20), new Holiday("Weltkindertag", EnumSet.of(TH)));
        }
        days.put(LocalDate.of(year, 10, 3), new Holiday("Tag der Deutschen Einheit", ALL));
        days.put(LocalDate.of(year, 10, 31), new Holiday("Reformationstag", reformationDayStates(year)));
        days.put(LocalDate.of(year, 11, 1), new Holiday("Allerheiligen", EnumSet.of(BW, BY, NW, RP, SL)));
        LocalDate repentanceDay = LocalDate.of(year, 11, 23).with(TemporalAdjusters.previous(DayOfWeek.WEDNESDAY));
        days.put(repentanceDay, new Holiday("Buß- und Bettag", EnumSet.of(SN)));
        days.put(LocalDate.of(year, 12, 25), new Holiday("1. Weihnachtstag", ALL));
        days.put(LocalDate.of(year, 12, 26), new Holiday("2. Weihnachtstag", ALL));
        return days;
    }

    private static Set<FederalState> reformationDayStates(int year) {
        if (year == 2017) {
            return ALL; // the 500th anniversary was a holiday in every state, once
        }
        return year >= 2018 ? EnumSet.of(BB, HB, HH, MV, NI, SN, ST, SH, TH) : EnumSet.of(BB, MV, SN, ST, TH);
    }

    private record Holiday(String name, Set<FederalState> states) {
    }
}
