package de.grantflow.application;

import de.grantflow.letters.LetterService;
import de.grantflow.programme.Retention;
import de.grantflow.rules.RuleEvaluator;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Closed cases at the end of their retention period: finding them and removing their personal data, so that only
 * what the figures need stays (README: Data protection).
 */
@Component
public class ClosedCases {

    /** Who created the case, once it is anonymised (the column may not be empty). */
    static final String ANONYMISED = "anonymisiert";

    private static final ZoneId AUTHORITY_ZONE = ZoneId.of("Europe/Berlin");

    private final ApplicationRepository repository;
    private final LetterService letters;
    private final RuleEvaluator rules;
    private final EarlyStartRepository earlyStarts;

    ClosedCases(ApplicationRepository repository, LetterService letters, RuleEvaluator rules,
            EarlyStartRepository earlyStarts) {
        this.repository = repository;
        this.letters = letters;
        this.rules = rules;
        this.earlyStarts = earlyStarts;
    }

    /**
     * Locks one case of the programme whose procedure has ended before its retention period began, skipping cases
     * another node holds, so that nodes running the job at the same time never work on the same case. A case has
     * ended when it was closed after the proof of use, when it lapsed or was withdrawn (the day of its last status
     * change), or when its rejection became final (that day).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<UUID> lockNextPastRetention(String programmeKey, Retention retention, LocalDate today) {
        LocalDate fundedBefore = retention.fundedClosedBefore(today);
        LocalDate notFundedBefore = retention.notFundedClosedBefore(today);
        return repository.lockNextEnded(programmeKey, fundedBefore.atStartOfDay(AUTHORITY_ZONE).toInstant(),
                notFundedBefore.atStartOfDay(AUTHORITY_ZONE).toInstant(), notFundedBefore);
    }

    /**
     * Removes the personal data of a case locked by {@link #lockNextPastRetention}: the given form fields (also from
     * the inputs of its recorded rule decisions), who created and worked on it, the free texts of its review,
     * timeline and requests for an early start, and its letters (they name the contact person). The case stays with
     * its programme, municipality, status, amounts and dates, and its timeline records the anonymisation with what was
     * removed.
     *
     * @param removedElsewhere what other modules removed in the same transaction, for the timeline
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void anonymise(UUID id, Set<String> personalFields, Map<String, Object> removedElsewhere, Instant now) {
        Application application = repository.find(id).orElseThrow(() -> new CaseNotFoundException(id));
        Map<String, Object> data = new LinkedHashMap<>(application.data());
        Set<String> removedFields = new TreeSet<>(data.keySet());
        removedFields.retainAll(personalFields);
        data.keySet().removeAll(personalFields);
        repository.anonymise(id, data, application.assessment().anonymised(), ANONYMISED, now);
        rules.removeInputs(id, personalFields);
        earlyStarts.anonymise(id, ANONYMISED);
        int deletedLetters = letters.deleteOf(id);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("removedFields", removedFields);
        details.put("deletedLetters", deletedLetters);
        details.putAll(removedElsewhere);
        repository.appendEvent(id, new CaseEvent(now, CaseEventType.ANONYMISED, null, application.status(), null,
                details));
    }
}
