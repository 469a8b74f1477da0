package de.grantflow.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Period;

/**
 * Deadlines of one state's authority: a period that starts with an event does not count the event's day (§ 187 (1)
 * BGB); a period of weeks or months ends on the day that matches the event's day, or the month's last day when there is
 * no such day (§ 188 (2), (3) BGB); an end on a Saturday, Sunday or public holiday moves to the next working day
 * (§ 193 BGB, § 31 (3) VwVfG).
 */
public final class DeadlineCalendar {

    private final FederalState state;

    public DeadlineCalendar(FederalState state) {
        this.state = state;
    }

    /** The last day of a period that starts with the event. */
    public LocalDate deadline(LocalDate event, Period period) {
        // plusMonths/plusYears already clamp to the month's last day, which is § 188 (3)
        LocalDate end = event.plusYears(period.getYears()).plusMonths(period.getMonths()).plusDays(period.getDays());
        return nextWorkingDayIfClosed(end);
    }

    public LocalDate nextWorkingDayIfClosed(LocalDate day) {
        LocalDate current = day;
        while (!isWorkingDay(current)) {
            current = current.plusDays(1);
        }
        return current;
    }

    public boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !PublicHolidays.isHoliday(day, state);
    }

    /**
     * Bekanntgabefiktion (§ 41 (2) VwVfG): a letter counts as notified on the n-th day after dispatch (four days since
     * 2025, three before); following BFH and BSG a deemed day on a weekend or holiday moves to the next working day.
     */
    public LocalDate deemedNotification(LocalDate dispatch, int days) {
        return nextWorkingDayIfClosed(dispatch.plusDays(days));
    }

    /** The day a decision becomes final (bestandskräftig): the day after the time limit for suing has ended. */
    public LocalDate finalOn(LocalDate dispatch, int notificationDays, Period appealPeriod) {
        return deadline(deemedNotification(dispatch, notificationDays), appealPeriod).plusDays(1);
    }

    /** The working day that lies the given number of working days before the day. */
    public LocalDate workingDaysBefore(LocalDate day, int workingDays) {
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
}
