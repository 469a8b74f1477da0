package de.grantflow.application;

import de.grantflow.letters.LetterBody;
import de.grantflow.letters.StoredLetter;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case as the steps after the grant see it: they read it, move its status, add to its timeline and issue its
 * letters, always in the caller's transaction.
 */
@Service
public class CaseFile {

    private final ApplicationRepository repository;
    private final CaseLetters letters;
    private final EarlyStartRepository earlyStarts;
    private final Clock clock;

    CaseFile(ApplicationRepository repository, CaseLetters letters, EarlyStartRepository earlyStarts, Clock clock) {
        this.repository = repository;
        this.letters = letters;
        this.earlyStarts = earlyStarts;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Snapshot lock(UUID id) {
        return snapshot(lockApplication(id));
    }

    @Transactional(readOnly = true)
    public Snapshot get(UUID id) {
        return snapshot(repository.find(id).orElseThrow(() -> new CaseNotFoundException(id)));
    }

    /** Moves the case to the status (nothing when it is there already) and records why. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void move(UUID id, ApplicationStatus status, CaseEventType event, String actor, String note,
            Map<String, Object> details) {
        Application application = lockApplication(id);
        Instant now = clock.instant();
        if (application.moveTo(status, now)) {
            repository.update(application);
        }
        repository.appendEvent(id, new CaseEvent(now, event, actor, application.status(), note, details));
    }

    /** Adds an entry to the case's timeline. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(UUID id, CaseEventType event, String actor, String note, Map<String, Object> details) {
        ApplicationStatus status = repository.lockStatus(id).orElseThrow(() -> new CaseNotFoundException(id));
        repository.appendEvent(id, new CaseEvent(clock.instant(), event, actor, status, note, details));
    }

    /** Issues the step's letter once; a retried step gets the letter already stored. */
    @Transactional(propagation = Propagation.MANDATORY)
    public StoredLetter issueLetter(UUID id, String stepKey, LetterBody body) {
        return letters.issue(lockApplication(id), stepKey, body);
    }

    /**
     * The first day of the case's Bewilligungszeitraum: the project's start, or the day of an agreed early start when
     * that is earlier (as the Zuwendungsbescheid says).
     */
    @Transactional(readOnly = true)
    public LocalDate fundingStart(UUID id) {
        Application application = repository.find(id).orElseThrow(() -> new CaseNotFoundException(id));
        return EarlyStartRequest.fundingStart(LocalDate.parse(application.text("projectStart")), earlyStarts.of(id));
    }

    public LocalDate today() {
        return ApplicationService.today(clock.instant());
    }

    private Application lockApplication(UUID id) {
        return repository.lock(id).orElseThrow(() -> new CaseNotFoundException(id));
    }

    private static Snapshot snapshot(Application a) {
        return new Snapshot(a.id(), a.reference().value(), a.programmeKey(), a.municipalityAgs(), a.status(), a.data(),
                a.grantedAmount(), a.finalOn(), a.createdBy());
    }

    /** What the later steps need of a case. */
    public record Snapshot(UUID id, String reference, String programmeKey, String municipalityAgs,
            ApplicationStatus status, Map<String, Object> data, BigDecimal grantedAmount, LocalDate finalOn,
            String createdBy) {

        public String text(String key) {
            Object value = data.get(key);
            return value == null ? null : value.toString();
        }

        public BigDecimal amount(String key) {
            Object value = data.get(key);
            return value == null || value.toString().isBlank() ? BigDecimal.ZERO : new BigDecimal(value.toString());
        }
    }
}
