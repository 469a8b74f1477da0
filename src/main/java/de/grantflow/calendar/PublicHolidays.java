package de.grantflow.calendar;

import static de.grantflow.calendar.FederalState.*;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The statutory public holidays of the German states. */
public final class PublicHolidays {

    private static final Set<FederalState> ALL = EnumSet.allOf(FederalState.class);

    private PublicHolidays() {
    }

    public static boolean isHoliday(LocalDate day, FederalState state) {
        return holidayName(day, state).isPresent();
    }

    public static Optional<String> holidayName(LocalDate day, FederalState state) {
        return holidays(day.getYear()).entrySet().stream()
                .filter(e -> e.getKey().equals(day))
                .filter(e -> e.getValue().states().contains(state))
                .map(e -> e.getValue().name())
                .findFirst();
    }

    /** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
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
        Map<LocalDate, Holiday> days = new LinkedHashMap<>();
        days.put(LocalDate.of(year, 1, 1), new Holiday("Neujahr", ALL));
        days.put(LocalDate.of(year, 1, 6), new Holiday("Heilige Drei Könige", EnumSet.of(BW, BY, ST)));
        if (year >= 2019) {
            days.put(LocalDate.of(year, 3, 8), new Holiday("Internationaler Frauentag",
                    year >= 2023 ? EnumSet.of(BE, MV) : EnumSet.of(BE)));
        }
        days.put(easter.minusDays(2), new Holiday("Karfreitag", ALL));
        days.put(easter.plusDays(1), new Holiday("Ostermontag", ALL));
        days.put(LocalDate.of(year, 5, 1), new Holiday("Tag der Arbeit", ALL));
        days.put(easter.plusDays(39), new Holiday("Christi Himmelfahrt", ALL));
        days.put(easter.plusDays(50), new Holiday("Pfingstmontag", ALL));
        days.put(easter.plusDays(60), new Holiday("Fronleichnam", EnumSet.of(BW, BY, HE, NW, RP, SL)));
        days.put(LocalDate.of(year, 8, 15), new Holiday("Mariä Himmelfahrt", EnumSet.of(SL)));
        if (year >= 2019) {
            days.put(LocalDate.of(year, 9, 20), new Holiday("Weltkindertag", EnumSet.of(TH)));
        }
        days.put(LocalDate.of(year, 10, 3), new Holiday("Tag der Deutschen Einheit", ALL));
        days.put(LocalDate.of(year, 10, 31), new Holiday("Reformationstag",
                year >= 2018 ? EnumSet.of(BB, HB, HH, MV, NI, SN, ST, SH, TH) : EnumSet.of(BB, MV, SN, ST, TH)));
        days.put(LocalDate.of(year, 11, 1), new Holiday("Allerheiligen", EnumSet.of(BW, BY, NW, RP, SL)));
        LocalDate repentance = LocalDate.of(year, Month.NOVEMBER, 23)
                .with(TemporalAdjusters.previous(DayOfWeek.WEDNESDAY));
        days.put(repentance, new Holiday("Buß- und Bettag", EnumSet.of(SN)));
        days.put(LocalDate.of(year, 12, 25), new Holiday("1. Weihnachtstag", ALL));
        days.put(LocalDate.of(year, 12, 26), new Holiday("2. Weihnachtstag", ALL));
        return days;
    }

    private record Holiday(String name, Set<FederalState> states) {
    }
}
