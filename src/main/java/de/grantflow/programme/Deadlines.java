package de.grantflow.programme;

import java.time.Period;

/** The programme's deadlines: documents (Nachforderung), hearing, reminder, deemed notification, appeal. */
public record Deadlines(Period documents, Period hearing, Period reminderBefore, int notificationDays, Period appeal) {
}
