package de.grantflow.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;

/**
 * Deadlines of one state's authority: a period that starts with an event does not count the event's day (§ 187 (1)
 * BGB); a period of weeks or months ends on the day that matches the event's day, or the month's last day when there is
 * no such day (§ 188 (2), (3) BGB); an end on a Saturday, Sunday or public holiday moves to the next working day
 * (§ 193 BGB, § 31 (3) VwVfG). The holidays are those of the state, because the authority's seat is the place where a
 * deadline is met.
 */
public final class DeadlineCalendar {

    private final FederalState state;

    public DeadlineCalendar(FederalState state) {
        this.state = Objects.requireNonNull(state, "state");
    }

    /** The last day of a period that starts with the event, moved to the next working day where necessary. */
    public LocalDate deadline(LocalDate event, Period period) {
        return nextWorkingDayIfClosed(endOfPeriod(event, period));
    }

    /** § 193 BGB: a deadline that ends on a Saturday, Sunday or public holiday ends on the next working day. */
    public LocalDate nextWorkingDayIfClosed(LocalDate day) {
        LocalDate current = Objects.requireNonNull(day, "day");
        while (!isWorkingDay(current)) {
            current = current.plusDays(1);
        }
        return current;
    }

    public boolean isWorkingDay(LocalDate day) {
        DayOfWeek dayOfWeek = day.getDayOfWeek();
        return dayOfWeek != DayOfWeek.SATURDAY && dayOfWeek != DayOfWeek.SUNDAY && !PublicHolidays.isHoliday(day, state);
    }

    /**
     * Bekanntgabefiktion (§ 41 (2) VwVfG): a letter counts as notified on the n-th day after dispatch (four days since
     * 2025, three before); following BFH and BSG a deemed day on a weekend or holiday moves to the next working day.
     */
    public LocalDate deemedNotification(LocalDate dispatch, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("Die Bekanntgabefiktion kann nicht vor dem Versand liegen: " + days);
        }
        return nextWorkingDayIfClosed(dispatch.plusDays(days));
    }

    /**
     * Bestandskraft: the time limit for suing (one month, § 74 VwGO) runs from the deemed notification; the decision is
     * final on the day after that limit ends.
     */
    public LocalDate finalOn(LocalDate dispatch, int notificationDays, Period appealPeriod) {
        return deadline(deemedNotification(dispatch, notificationDays), appealPeriod).plusDays(1);
    }

    /** The working day that lies the given number of working days before the day, for reminders before a deadline. */
    public LocalDate workingDaysBefore(LocalDate day, int workingDays) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("Die Zahl der Arbeitstage darf nicht negativ sein: " + workingDays);
        }
        LocalDate current = day;
        int left = workingDays;
        while (left > 0) {
            current = current.minusDays(1);
            if (isWorkingDay(current)) {
                left--;
            }
        }
        return current;
    }

    public FederalState state() {
        return state;
    }

    private static LocalDate endOfPeriod(LocalDate event, Period period) {
        if (period.isNegative()) {
            throw new IllegalArgumentException("Eine Frist kann nicht rückwärts laufen: " + period);
        }
        // years and months are counted together, so 29 February + 1 year 1 month still ends on the 29th;
        // plusMonths falls back to the month's last day where the day does not exist, which is § 188 (3) BGB
        return event.plusMonths(period.toTotalMonths()).plusDays(period.getDays());
    }
}
