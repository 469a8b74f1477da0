package de.grantflow.application;

import de.grantflow.letters.LetterService;
import de.grantflow.rules.RuleEvaluator;
import de.grantflow.security.CurrentUser;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What other modules may read about cases, always through the same visibility rule as the case API. */
@Component
public class Cases {

    private final ApplicationRepository repository;
    private final CaseAccess access;
    private final LetterService letters;
    private final RuleEvaluator rules;
    private final EarlyStartRepository earlyStarts;

    Cases(ApplicationRepository repository, CaseAccess access, LetterService letters, RuleEvaluator rules,
            EarlyStartRepository earlyStarts) {
        this.repository = repository;
        this.access = access;
        this.letters = letters;
        this.rules = rules;
        this.earlyStarts = earlyStarts;
    }

    /** The whole case for the authority's pages; a case the user may not see is not found. */
    @Transactional(readOnly = true)
    public CaseDossier dossier(UUID id, CurrentUser user) {
        Application a = repository.find(id).filter(c -> access.canSee(user, c))
                .orElseThrow(() -> new CaseNotFoundException(id));
        Assessment s = a.assessment();
        CaseDossier.Review review = new CaseDossier.Review(s.eligible(), s.missingDocuments(), s.documentsDue(),
                s.reviewer(), s.recommendation(), s.score(), s.proposedAmount(), s.justification(), s.decidedBy(),
                s.hearingDue());
        return new CaseDossier(a.id(), a.reference().value(), a.programmeKey(), a.municipalityAgs(), a.status(),
                a.data(), a.amount("requestedAmount"), a.grantedAmount(), a.submittedAt(), a.decidedAt(),
                a.finalOn(), review, rules.outcomesOf(id), letters.lettersOf(id), repository.timeline(id),
                earlyStarts.of(id));
    }

    @Transactional(readOnly = true)
    public Optional<CaseSummary> findVisible(UUID id, CurrentUser user) {
        return repository.findSummaries(java.util.List.of(id)).stream().filter(c -> access.canSee(user, c))
                .findFirst();
    }

    /** A case by its Aktenzeichen, in any letter case, if the user may see it. */
    @Transactional(readOnly = true)
    public Optional<CaseSummary> findVisibleByReference(String reference, CurrentUser user) {
        if (reference == null || reference.isBlank() || reference.length() > 40) {
            return Optional.empty();
        }
        return repository.findSummaryByReference(reference.strip().toUpperCase(java.util.Locale.ROOT))
                .filter(c -> access.canSee(user, c));
    }

    /** The visible cases among the given ones, in one query. */
    @Transactional(readOnly = true)
    public Map<UUID, CaseSummary> findVisible(Collection<UUID> ids, CurrentUser user) {
        return repository.findSummaries(ids).stream().filter(c -> access.canSee(user, c))
                .collect(Collectors.toMap(CaseSummary::id, c -> c));
    }

    @Transactional(readOnly = true)
    public Map<String, UUID> applicationIdsByProcessInstance(Collection<String> processInstanceIds) {
        return repository.applicationIdsByProcessInstance(processInstanceIds);
    }

    /** What the statistics need of a case, whoever asks (the read model is not filtered by user). */
    @Transactional(readOnly = true)
    public java.util.Optional<CaseFacts> facts(UUID id) {
        return repository.find(id).map(a -> new CaseFacts(a.id(), a.programmeKey(), a.municipalityAgs(), a.status(),
                a.amount("requestedAmount"), a.grantedAmount(), a.submittedAt(), a.decidedAt(), a.updatedAt(),
                a.assessment().eligible(), a.assessment().reviewer(), a.text("foerderschwerpunkt"),
                a.assessment().documentsDue(), a.assessment().hearingDue()));
    }

    /** A case as the statistics count it. */
    public record CaseFacts(UUID id, String programmeKey, String municipalityAgs, ApplicationStatus status,
            java.math.BigDecimal requested, java.math.BigDecimal granted, java.time.Instant submittedAt,
            java.time.Instant decidedAt, java.time.Instant updatedAt, Boolean eligible, String reviewer,
            String priority, java.time.LocalDate documentsDue, java.time.LocalDate hearingDue) {
    }

    /** A case in brief: what lists show; the deadline is the one the applicant must keep now. */
    public record CaseSummary(UUID id, String reference, String programmeKey, String municipalityAgs,
            ApplicationStatus status, String projectTitle, String processInstanceId, java.time.Instant lastChange,
            java.time.LocalDate nextDeadline) {
    }
}
