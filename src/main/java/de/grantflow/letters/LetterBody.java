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

    /** Zuwendungsbescheid with the parts I.1 to III. */
    record GrantDecision(String recipientName, BigDecimal amount, String purpose, LocalDate fundingStart,
            LocalDate fundingEnd, String financingDescription, BigDecimal eligibleCosts, String legalBasis,
            String payoutAndProof, List<String> ancillaryProvisions, Court court, boolean partialGrant,
            String partialGrantReason) implements LetterBody {
        public LetterType type() {
            return LetterType.GRANT_DECISION;
        }
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
}
