package de.grantflow.application;

import de.grantflow.letters.StoredLetter;
import de.grantflow.rules.DecisionOutcome;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A case as the authority works on it: what was applied for, the rules' decisions with their trace, the review so far,
 * the letters, the timeline and the requests for an early start. Read through {@link Cases#dossier}, under the same
 * visibility rule as the case API.
 */
public record CaseDossier(UUID id, String reference, String programmeKey, String municipalityAgs,
        ApplicationStatus status, Map<String, Object> data, BigDecimal requestedAmount, BigDecimal grantedAmount,
        Instant submittedAt, Instant decidedAt, LocalDate finalOn, Review review, List<DecisionOutcome> decisions,
        List<StoredLetter> letters, List<CaseEvent> timeline, List<EarlyStartRequest> earlyStarts) {

    /** The latest request for an early start, the open one if there is one; null when the case has none. */
    public EarlyStartRequest latestEarlyStart() {
        return earlyStarts.isEmpty() ? null : earlyStarts.get(earlyStarts.size() - 1);
    }

    /** The authority's review so far (null values where a step has not happened yet). */
    public record Review(Boolean eligible, List<String> missingDocuments, LocalDate documentsDue, String reviewer,
            String recommendation, Integer score, BigDecimal proposedAmount, String justification, String decidedBy,
            LocalDate hearingDue) {
    }
}
