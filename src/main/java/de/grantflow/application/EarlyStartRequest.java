package de.grantflow.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A request to start the project before the decision (vorzeitiger Maßnahmebeginn) and what became of it.
 *
 * @param note the reviewer's justification, then the approver's reasons, or why the request was settled
 */
public record EarlyStartRequest(UUID id, UUID applicationId, int number, LocalDate startOn, String reason,
        Status status, String requestedBy, Instant requestedAt, String recommendation, String reviewedBy,
        String decidedBy, Instant decidedAt, String note) {

    /** Where a request stands; PENDING and REVIEWED are open. */
    public enum Status {
        PENDING, REVIEWED, APPROVED, REFUSED, SETTLED;

        boolean open() {
            return this == PENDING || this == REVIEWED;
        }
    }

    /**
     * The first day of the Bewilligungszeitraum: the project's planned start, or the day of an agreed early start when
     * that is earlier, so that what the consent allowed is inside the period.
     */
    static LocalDate fundingStart(LocalDate projectStart, List<EarlyStartRequest> requests) {
        return agreed(requests).map(EarlyStartRequest::startOn).filter(day -> day.isBefore(projectStart))
                .orElse(projectStart);
    }

    /** The request the authority agreed to, if any (there is at most one). */
    static Optional<EarlyStartRequest> agreed(List<EarlyStartRequest> requests) {
        return requests.stream().filter(r -> r.status() == Status.APPROVED).findFirst();
    }

    EarlyStartRequest reviewed(String reviewer, String recommended, String justification) {
        return new EarlyStartRequest(id, applicationId, number, startOn, reason, Status.REVIEWED, requestedBy,
                requestedAt, recommended, reviewer, null, null, justification);
    }

    EarlyStartRequest decided(boolean approved, String approver, Instant at, String reasons) {
        return new EarlyStartRequest(id, applicationId, number, startOn, reason,
                approved ? Status.APPROVED : Status.REFUSED, requestedBy, requestedAt, recommendation, reviewedBy,
                approver, at, reasons);
    }

    EarlyStartRequest settled(Instant at, String why) {
        return new EarlyStartRequest(id, applicationId, number, startOn, reason, Status.SETTLED, requestedBy,
                requestedAt, recommendation, reviewedBy, null, at, why);
    }
}
