package de.grantflow.funding;

import de.grantflow.application.ApplicationStatus;
import de.grantflow.funding.FundingRecords.ChangeRequest;
import de.grantflow.funding.FundingRecords.LedgerEntry;
import de.grantflow.funding.FundingRecords.Outcome;
import de.grantflow.funding.FundingRecords.Report;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A funded case in figures: granted, paid, returned, still to be called; the period, the cost plan, every deadline
 * ahead, the payouts with the two-month rule, change requests, reports, the ledger and the outcome of the check.
 */
public record FundingView(ApplicationStatus status, BigDecimal granted, BigDecimal paid, BigDecimal returned,
        BigDecimal outstanding, BigDecimal interestReceived, LocalDate periodStart, LocalDate periodEnd,
        LocalDate finishedOn, List<PlanLine> costPlan, List<Deadline> deadlines,
        List<PaymentService.PaymentView> payments, List<Change> changeRequests, List<ReportSummary> reports,
        List<Booking> ledger, Outcome outcome, Boolean inDepthCheck, LocalDate closedOn) {

    /** A line of the cost plan. */
    public record PlanLine(String category, String label, BigDecimal amount) {
    }

    /** A deadline ahead. */
    public record Deadline(String what, LocalDate due) {
    }

    /** An Änderungsantrag. */
    public record Change(UUID id, int number, LocalDate newPeriodEnd, Map<String, BigDecimal> costPlan,
            String reason, String status, String requestedBy, Instant requestedAt, String reviewedBy,
            String decidedBy, String note) {

        static Change of(ChangeRequest c) {
            return new Change(c.id(), c.number(), c.newPeriodEnd(), c.costPlan(), c.reason(), c.status().name(),
                    c.requestedBy(), c.requestedAt(), c.reviewedBy(), c.decidedBy(), c.note());
        }
    }

    /** A Zwischennachweis or the Verwendungsnachweis. */
    public record ReportSummary(UUID id, String kind, Integer year, LocalDate due, String status,
            String submittedBy, Instant submittedAt, Map<String, Object> data, String checkedBy) {

        static ReportSummary of(Report r) {
            return new ReportSummary(r.id(), r.kind().name(), r.periodYear(), r.dueOn(), r.status().name(),
                    r.submittedBy(), r.submittedAt(), r.data(), r.checkedBy());
        }
    }

    /** One entry of the ledger. */
    public record Booking(String kind, BigDecimal amount, LocalDate bookedOn, String bookedBy, String note) {

        static Booking of(LedgerEntry e) {
            return new Booking(e.kind().name(), e.amount(), e.bookedOn(), e.bookedBy(), e.note());
        }
    }
}
