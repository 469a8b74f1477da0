package de.grantflow.application;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The authority's working state on a case: eligibility by the rules, the formal check, the review, the decision and
 * the deadlines set. Kept with the case, so the process holds only ids and the few values its gateways need.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Assessment(
        Boolean eligible,
        String eligibilityRule,
        String eligibilityReason,
        BigDecimal maxFundable,
        List<String> missingDocuments,
        LocalDate documentsDue,
        String reviewer,
        String recommendation,
        BigDecimal proposedAmount,
        String justification,
        Integer score,
        String decision,
        String decidedBy,
        String decisionComment,
        LocalDate hearingDue,
        String hearingStatement,
        LocalDate finalOn) {

    static Assessment empty() {
        return new Assessment(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }

    /** The decision values without who worked on the case and what they wrote (free text may name people). */
    Assessment anonymised() {
        return new Assessment(eligible, eligibilityRule, eligibilityReason, maxFundable, missingDocuments, documentsDue,
                null, recommendation, proposedAmount, null, score, decision, null, null, hearingDue, null, finalOn);
    }

    Assessment withEligibility(boolean isEligible, String rule, String reason, BigDecimal fundable) {
        return new Assessment(isEligible, rule, reason, fundable, missingDocuments, documentsDue, reviewer,
                recommendation, proposedAmount, justification, score, decision, decidedBy, decisionComment, hearingDue,
                hearingStatement, finalOn);
    }

    Assessment withMissingDocuments(List<String> documents, LocalDate due) {
        return new Assessment(eligible, eligibilityRule, eligibilityReason, maxFundable, documents, due, reviewer,
                recommendation, proposedAmount, justification, score, decision, decidedBy, decisionComment, hearingDue,
                hearingStatement, finalOn);
    }

    Assessment withReview(String by, String recommended, BigDecimal amount, String reasons, Integer points) {
        return new Assessment(eligible, eligibilityRule, eligibilityReason, maxFundable, missingDocuments,
                documentsDue, by, recommended, amount, reasons, points, decision, decidedBy, decisionComment,
                hearingDue, hearingStatement, finalOn);
    }

    Assessment withDecision(String decided, String by, String comment) {
        return new Assessment(eligible, eligibilityRule, eligibilityReason, maxFundable, missingDocuments,
                documentsDue, reviewer, recommendation, proposedAmount, justification, score, decided, by, comment,
                hearingDue, hearingStatement, finalOn);
    }

    Assessment withHearing(LocalDate due) {
        return new Assessment(eligible, eligibilityRule, eligibilityReason, maxFundable, missingDocuments,
                documentsDue, reviewer, recommendation, proposedAmount, justification, score, decision, decidedBy,
                decisionComment, due, hearingStatement, finalOn);
    }

    Assessment withHearingStatement(String statement) {
        return new Assessment(eligible, eligibilityRule, eligibilityReason, maxFundable, missingDocuments,
                documentsDue, reviewer, recommendation, proposedAmount, justification, score, decision, decidedBy,
                decisionComment, hearingDue, statement, finalOn);
    }

    Assessment withFinalOn(LocalDate day) {
        return new Assessment(eligible, eligibilityRule, eligibilityReason, maxFundable, missingDocuments,
                documentsDue, reviewer, recommendation, proposedAmount, justification, score, decision, decidedBy,
                decisionComment, hearingDue, hearingStatement, day);
    }

    boolean approves() {
        return "approve".equals(decision);
    }
}
