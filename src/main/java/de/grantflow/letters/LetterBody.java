package de.grantflow.letters;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The part of a letter that differs by its kind. */
public sealed interface LetterBody {

    LetterType type();

    /** Eingangsbestätigung. */
    record Receipt(LocalDate submittedOn, BigDecimal requestedAmount) implements LetterBody {
        public LetterType type() {
            return LetterType.RECEIPT;
        }
    }

    /** Nachforderung: the documents missing and the deadline. */
    record DocumentRequest(List<String> missingDocuments, LocalDate dueDate) implements LetterBody {
        public LetterType type() {
            return LetterType.REQUEST_FOR_DOCUMENTS;
        }
    }

    /** Erinnerung before a deadline expires. */
    record Reminder(String subjectOfReminder, LocalDate dueDate) implements LetterBody {
        public LetterType type() {
            return LetterType.REMINDER;
        }
    }

    /** Anhörung (§ 28 VwVfG) before an adverse decision. */
    record Hearing(String intendedDecision, List<String> reasons, BigDecimal requestedAmount,
            BigDecimal proposedAmount, LocalDate responseDueDate) implements LetterBody {
        public LetterType type() {
            return LetterType.HEARING;
        }
    }

    /**
     * Zuwendungsbescheid with the parts I.1 to III.
     *
     * @param earlyStart the consent to an early start the Bescheid recalls, or null
     */
    record GrantDecision(String recipientName, BigDecimal amount, String purpose, LocalDate fundingStart,
            LocalDate fundingEnd, String financingDescription, BigDecimal eligibleCosts, String legalBasis,
            String payoutAndProof, List<String> ancillaryProvisions, Court court, boolean partialGrant,
            String partialGrantReason, EarlyStartConsent earlyStart) implements LetterBody {
        public LetterType type() {
            return LetterType.GRANT_DECISION;
        }
    }

    /** The authority agreed on the given day that the project may start from the other. */
    record EarlyStartConsent(LocalDate from, LocalDate agreedOn) {
    }

    /** Ablehnungsbescheid. */
    record Rejection(String legalBasis, List<String> reasons, Court court) implements LetterBody {
        public LetterType type() {
            return LetterType.REJECTION;
        }
    }

    /** The application lapsed because documents did not arrive in time. */
    record Lapse(List<String> missingDocuments, LocalDate expiredOn) implements LetterBody {
        public LetterType type() {
            return LetterType.LAPSE;
        }
    }

    /**
     * Zustimmung zum vorzeitigen Maßnahmebeginn, or its refusal: the project may (or may not) start before the
     * decision on its grant, from the given day; a consent promises no grant.
     */
    record EarlyStartDecision(boolean approved, LocalDate startOn, LocalDate requestedOn, String project,
            String reasons, String legalBasis, Court court) implements LetterBody {
        public LetterType type() {
            return LetterType.EARLY_START_DECISION;
        }
    }

    /** Auszahlungsmitteilung: what is paid now, what has been paid in all, and by when it must be spent. */
    record PayoutNotice(int number, BigDecimal amount, LocalDate paidOn, String purpose, BigDecimal granted,
            BigDecimal paidTotal, BigDecimal remaining, LocalDate useBy) implements LetterBody {
        public LetterType type() {
            return LetterType.PAYOUT_NOTICE;
        }
    }

    /** Erinnerung: a payout not spent within two months, with the interest of § 49a (4) VwVfG it bears. */
    record UnusedFundsReminder(int number, LocalDate paidOn, BigDecimal amount, BigDecimal unused, LocalDate useBy,
            InterestStatement interest) implements LetterBody {
        public LetterType type() {
            return LetterType.REMINDER;
        }
    }

    /** Mahnung: a report is overdue; a Nachfrist is set. */
    record Dunning(String subject, LocalDate originalDue, LocalDate newDue) implements LetterBody {
        public LetterType type() {
            return LetterType.DUNNING;
        }
    }

    /** Änderungsbescheid: the change granted or refused, with the plan before and after. */
    record ChangeDecision(boolean approved, List<String> changes, String reasons, LocalDate periodEnd,
            List<CostPlanRow> costPlan, String legalBasis, Court court) implements LetterBody {
        public LetterType type() {
            return LetterType.CHANGE_DECISION;
        }
    }

    /** Prüfvermerk: the proof of use line by line, and what follows from it. */
    record CheckNote(boolean inDepth, List<ProofLine> lines, List<ProofLine> income, BigDecimal plannedTotal, BigDecimal actualTotal,
            BigDecimal acceptedTotal, BigDecimal granted, BigDecimal finalGrant, BigDecimal paid, BigDecimal owed,
            boolean purposeAchieved, String note) implements LetterBody {
        public LetterType type() {
            return LetterType.CHECK_NOTE;
        }
    }

    /** Schlussmitteilung: the case is closed. */
    record ClosingNotice(BigDecimal granted, BigDecimal finalGrant, BigDecimal paid, BigDecimal returned,
            String outcome) implements LetterBody {
        public LetterType type() {
            return LetterType.CLOSING_NOTICE;
        }
    }

    /** Anhörung before revoking the grant and claiming money back. */
    record RecoveryHearing(BigDecimal amount, List<String> reasons, LocalDate responseDue) implements LetterBody {
        public LetterType type() {
            return LetterType.RECOVERY_HEARING;
        }
    }

    /** Widerrufs- und Rückforderungsbescheid (§§ 49, 49a VwVfG) with the interest calculated to the day. */
    record RecoveryDecision(BigDecimal granted, BigDecimal finalGrant, BigDecimal paid, BigDecimal owed,
            List<String> reasons, InterestStatement interest, LocalDate payBy, String legalBasis, Court court)
            implements LetterBody {
        public LetterType type() {
            return LetterType.RECOVERY_DECISION;
        }
    }

    /** Evaluationsbogen: the project's indicators and self-assessment, and the authority's rating. */
    record EvaluationSheet(List<IndicatorValue> indicators, String goalsReached, String lessonsLearned,
            String goalAchievement, String assessment, String ratedBy) implements LetterBody {
        public LetterType type() {
            return LetterType.EVALUATION_SHEET;
        }
    }

    /** An indicator with the value the project reported. */
    record IndicatorValue(String label, long value) {
    }

    /** One line of a cost plan, before and after a change. */
    record CostPlanRow(String label, BigDecimal before, BigDecimal after) {
    }

    /** One line of the proof of use: planned, actual, the share of the plan, what the check cut and why. */
    record ProofLine(String label, BigDecimal planned, BigDecimal actual, BigDecimal percentOfPlan, BigDecimal cut,
            String reason) {
    }

    /** Interest calculated to the day, one line per stretch with one rate. */
    record InterestStatement(List<InterestLine> lines, BigDecimal total) {
    }

    /** From and to (both inclusive), the days, the base rate and the rate applied, the principal and its interest. */
    record InterestLine(LocalDate from, LocalDate to, long days, int daysInYear, BigDecimal baseRate,
            BigDecimal rate, BigDecimal principal, BigDecimal interest) {
    }
}
