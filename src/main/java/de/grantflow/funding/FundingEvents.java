package de.grantflow.funding;

import java.util.UUID;

/** What the funding module asks the procedure to do, inside the transaction that raised it. */
public final class FundingEvents {

    private FundingEvents() {
    }

    /** A Mittelabruf that two people must release. */
    public record PaymentRequested(UUID applicationId, UUID paymentRequestId, String authorityKey,
            String municipalityAgs) {
    }

    /** An Änderungsantrag that needs a decision. */
    public record ChangeRequested(UUID applicationId, UUID changeRequestId, String authorityKey,
            String municipalityAgs) {
    }

    /** The Verwendungsnachweis was filed: the project's self-evaluation falls due. */
    public record ProofSubmitted(UUID applicationId, String authorityKey, String municipalityAgs) {
    }

    /** The end that report deadlines count from moved (period extended, project declared finished). */
    public record ScheduleChanged(UUID applicationId) {
    }
}
