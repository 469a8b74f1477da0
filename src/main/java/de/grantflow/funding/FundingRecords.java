package de.grantflow.funding;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The rows of the funding tables as the services work with them. */
public final class FundingRecords {

    private FundingRecords() {
    }

    /** One funded case: the period as currently granted, the cost plan, and the outcome of the check. */
    record Funding(UUID applicationId, String programmeKey, BigDecimal granted, LocalDate periodStart,
            LocalDate periodEnd, LocalDate finishedOn, Map<String, BigDecimal> costPlan, LocalDate proofDue,
            Boolean inDepth, Outcome outcome, LocalDate closedOn) {

        /** The end that counts for reports: the end of the period, or the day the recipient declared it finished. */
        LocalDate effectiveEnd() {
            return finishedOn != null && finishedOn.isBefore(periodEnd) ? finishedOn : periodEnd;
        }

        BigDecimal plannedTotal() {
            return costPlan.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /** The result of checking the proof of use, of the recovery that may follow, and who confirmed the closure. */
    public record Outcome(String checkedBy, List<CheckedLine> lines, List<CheckedLine> income, BigDecimal actualTotal, BigDecimal acceptedTotal,
            BigDecimal finalGrant, BigDecimal paid, BigDecimal owed, boolean purposeAchieved, String note,
            String recoveryDecision, String recoveryDecidedBy, String recoveryComment, String hearingStatement,
            LocalDate hearingDue, BigDecimal interest, LocalDate payBy, String closureConfirmedBy,
            String closureNote) {

        Outcome withHearing(LocalDate due) {
            return new Outcome(checkedBy, lines, income, actualTotal, acceptedTotal, finalGrant, paid, owed, purposeAchieved,
                    note, recoveryDecision, recoveryDecidedBy, recoveryComment, hearingStatement, due, interest, payBy,
                    closureConfirmedBy, closureNote);
        }

        Outcome withHearingStatement(String statement) {
            return new Outcome(checkedBy, lines, income, actualTotal, acceptedTotal, finalGrant, paid, owed, purposeAchieved,
                    note, recoveryDecision, recoveryDecidedBy, recoveryComment, statement, hearingDue, interest,
                    payBy, closureConfirmedBy, closureNote);
        }

        Outcome withRecoveryDecision(String decision, String approver, String comment) {
            return new Outcome(checkedBy, lines, income, actualTotal, acceptedTotal, finalGrant, paid, owed, purposeAchieved,
                    note, decision, approver, comment, hearingStatement, hearingDue, interest, payBy,
                    closureConfirmedBy, closureNote);
        }

        Outcome withRecovery(BigDecimal interestOwed, LocalDate due) {
            return new Outcome(checkedBy, lines, income, actualTotal, acceptedTotal, finalGrant, paid, owed, purposeAchieved,
                    note, recoveryDecision, recoveryDecidedBy, recoveryComment, hearingStatement, hearingDue,
                    interestOwed, due, closureConfirmedBy, closureNote);
        }

        Outcome withClosureConfirmed(String approver, String confirmationNote) {
            return new Outcome(checkedBy, lines, income, actualTotal, acceptedTotal, finalGrant, paid, owed, purposeAchieved,
                    note, recoveryDecision, recoveryDecidedBy, recoveryComment, hearingStatement, hearingDue,
                    interest, payBy, approver, confirmationNote);
        }
    }

    /** A line of the proof as checked: planned, actual, what was cut and why. */
    public record CheckedLine(String key, String label, BigDecimal planned, BigDecimal actual, BigDecimal cut,
            String reason) {
    }

    /** A Mittelabruf. */
    record PaymentRequest(UUID id, UUID applicationId, int number, BigDecimal amount, LocalDate neededOn,
            String purpose, PaymentStatus status, String requestedBy, Instant requestedAt, String checkedBy,
            String releasedBy, LocalDate paidOn, String note, String interestWaivedBy,
            String interestWaiverReason) {

        /** The request at a new stage of its release. */
        PaymentRequest moved(PaymentStatus newStatus, String checker, String releaser, LocalDate paid,
                String comment) {
            return new PaymentRequest(id, applicationId, number, amount, neededOn, purpose, newStatus, requestedBy,
                    requestedAt, checker, releaser, paid, comment, interestWaivedBy, interestWaiverReason);
        }

        PaymentRequest interestWaived(String by, String reason) {
            return new PaymentRequest(id, applicationId, number, amount, neededOn, purpose, status, requestedBy,
                    requestedAt, checkedBy, releasedBy, paidOn, note, by, reason);
        }
    }

    enum PaymentStatus { REQUESTED, CHECKED, PAID, REFUSED }

    /** Money that moved. */
    record LedgerEntry(long id, UUID applicationId, String programmeKey, LedgerKind kind, BigDecimal amount,
            LocalDate bookedOn, String sourceKey, String bookedBy, String note) {
    }

    enum LedgerKind { PAYOUT, RETURN, INTEREST }

    /** Spending the recipient reported. */
    record Usage(BigDecimal amount, LocalDate usedOn) {
    }

    /** An Änderungsantrag. */
    record ChangeRequest(UUID id, UUID applicationId, int number, LocalDate newPeriodEnd,
            Map<String, BigDecimal> costPlan, String reason, ChangeStatus status, String requestedBy,
            Instant requestedAt, String reviewedBy, String decidedBy, Instant decidedAt, String note) {
    }

    enum ChangeStatus { ACCEPTED, PENDING, REVIEWED, APPROVED, REJECTED }

    /** A Zwischennachweis or the Verwendungsnachweis. */
    record Report(UUID id, UUID applicationId, ReportKind kind, Integer periodYear, LocalDate dueOn,
            Map<String, Object> data, String submittedBy, Instant submittedAt, ReportStatus status,
            String checkedBy, Map<String, Object> checkResult) {
    }

    enum ReportKind { INTERIM, FINAL }

    enum ReportStatus { DUE, SUBMITTED, ACCEPTED, INCOMPLETE, NOT_REQUIRED }
}
