package de.grantflow.workspace;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/**
 * Dates as the workspace's templates show them ({@code ${@workspaceDates.dateTime(...)}}): in the authority's time
 * zone, whatever zone the server runs in, and in the German numeric form, which reads the same in English.
 */
@Component("workspaceDates")
class PageDates {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    public String date(Instant instant) {
        return instant == null ? "" : DAY.format(instant.atZone(Staff.ZONE));
    }

    public String date(LocalDate day) {
        return day == null ? "" : DAY.format(day);
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : DAY_TIME.format(instant.atZone(Staff.ZONE));
    }
}
