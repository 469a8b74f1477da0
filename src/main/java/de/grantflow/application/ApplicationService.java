package de.grantflow.application;

import de.grantflow.forms.FieldError;
import de.grantflow.forms.FormCatalog;
import de.grantflow.forms.FormDefinition;
import de.grantflow.forms.FormValidationException;
import de.grantflow.forms.FormValidationResult;
import de.grantflow.forms.FormValidator;
import de.grantflow.programme.Programme;
import de.grantflow.programme.ProgrammeCatalog;
import de.grantflow.programme.UnknownProgrammeException;
import de.grantflow.register.MunicipalityRegister;
import de.grantflow.security.CurrentUser;
import de.grantflow.security.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What applicants do with their cases: draft, change, submit, withdraw, waive the appeal; and what anyone may read. */
@Service
public class ApplicationService {

    static final ZoneId AUTHORITY_ZONE = ZoneId.of("Europe/Berlin");

    private final ApplicationRepository repository;
    private final ProgrammeCatalog programmes;
    private final MunicipalityRegister register;
    private final FormCatalog forms;
    private final FormValidator validator;
    private final CaseAccess access;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private HistoricCases historic;

    /** The imported history, when a module provides it. */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void setHistoricCases(HistoricCases historic) {
        this.historic = historic;
    }

    ApplicationService(ApplicationRepository repository, ProgrammeCatalog programmes, MunicipalityRegister register,
            FormCatalog forms, FormValidator validator, CaseAccess access, ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.programmes = programmes;
        this.register = register;
        this.forms = forms;
        this.validator = validator;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Application create(CurrentUser user, String programmeKey, Map<String, Object> data) {
        requireApplicant(user);
        Programme programme = programmeFor(user, programmeKey);
        Instant now = clock.instant();
        Application application = draft(user, programme, validDraft(programme, data), now);
        repository.insert(application);
        repository.appendEvent(application.id(), new CaseEvent(now, CaseEventType.CREATED, user.username(),
                ApplicationStatus.DRAFT, null, null));
        return application;
    }

    /**
     * Creates and submits in one step, as an API client does that has the whole application at hand: the full check
     * runs before anything is stored, and the case is stored once, already submitted, with its procedure queued in the
     * same transaction. Invalid input stores nothing, not even a draft.
     */
    @Transactional
    public Application createSubmitted(CurrentUser user, String programmeKey, Map<String, Object> data) {
        requireApplicant(user);
        Programme programme = programmeFor(user, programmeKey);
        Instant now = clock.instant();
        Submission submission = check(programme, data == null ? Map.of() : data, now);
        Application application = draft(user, programme, submission.data(), now);
        application.submit(submission.data(), submission.callKey(), now);
        repository.insert(application);
        repository.appendEvent(application.id(), new CaseEvent(now, CaseEventType.CREATED, user.username(),
                ApplicationStatus.DRAFT, null, null));
        submitted(user, application, programme, now);
        return application;
    }

    @Transactional
    public Application updateDraft(CurrentUser user, UUID id, Map<String, Object> data) {
        requireApplicant(user);
        Application application = lockVisible(user, id);
        Map<String, Object> draft = validDraft(programmes.get(application.programmeKey()), data);
        Instant now = clock.instant();
        application.replaceDraftData(draft, now);
        repository.update(application);
        repository.appendEvent(id, new CaseEvent(now, CaseEventType.UPDATED, user.username(), application.status(),
                null, null));
        return application;
    }

    /** Validates the whole application and queues its procedure in the same transaction: both happen or neither. */
    @Transactional
    public Application submit(CurrentUser user, UUID id) {
        requireApplicant(user);
        Application application = lockVisible(user, id);
        if (application.status() != ApplicationStatus.DRAFT) {
            throw new CaseConflictException("Der Antrag " + application.reference() + " ist bereits eingereicht"
                    + " (Status: " + application.status().germanName() + ")");
        }
        Programme programme = programmes.get(application.programmeKey());
        Instant now = clock.instant();
        Submission submission = check(programme, application.data(), now);
        application.submit(submission.data(), submission.callKey(), now);
        repository.update(application);
        submitted(user, application, programme, now);
        return repository.find(id).orElseThrow();
    }

    @Transactional
    public Application withdraw(CurrentUser user, UUID id) {
        requireApplicant(user);
        Application application = lockVisible(user, id);
        if (!application.withdrawable()) {
            throw new CaseConflictException("Der Antrag " + application.reference() + " kann nicht mehr"
                    + " zurückgenommen werden (Status: " + application.status().germanName() + ")");
        }
        if (application.status() == ApplicationStatus.DRAFT) {
            Instant now = clock.instant();
            application.moveTo(ApplicationStatus.WITHDRAWN, now);
            repository.update(application);
            repository.appendEvent(id, new CaseEvent(now, CaseEventType.WITHDRAWN, user.username(),
                    ApplicationStatus.WITHDRAWN, null, null));
        } else {
            events.publishEvent(new ApplicationWithdrawn(id, application.processInstanceId()));
        }
        return repository.find(id).orElseThrow();
    }

    @Transactional
    public Application waiveAppeal(CurrentUser user, UUID id) {
        requireApplicant(user);
        Application application = lockVisible(user, id);
        if (!application.appealWaivable()) {
            throw new CaseConflictException("Ein Rechtsbehelfsverzicht ist nur für einen noch nicht bestandskräftigen"
                    + " Bescheid möglich (Status: " + application.status().germanName() + ")");
        }
        repository.appendEvent(id, new CaseEvent(clock.instant(), CaseEventType.APPEAL_WAIVED, user.username(),
                application.status(), null, null));
        events.publishEvent(new AppealWaived(id, application.processInstanceId()));
        return repository.find(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Application get(CurrentUser user, UUID id) {
        return repository.find(id).filter(a -> access.canSee(user, a)).orElseThrow(() -> new CaseNotFoundException(id));
    }

    @Transactional(readOnly = true)
    public List<Application> visibleTo(CurrentUser user, int limit) {
        return visibleTo(user, limit, repository::findVisible);
    }

    /** The same cases as {@link #visibleTo}, in brief, for lists. */
    @Transactional(readOnly = true)
    public List<Cases.CaseSummary> summariesVisibleTo(CurrentUser user, int limit) {
        return visibleTo(user, limit, repository::findVisibleSummaries);
    }

    private <T> List<T> visibleTo(CurrentUser user, int limit, VisibleQuery<T> query) {
        if (user.has(Role.ADMIN)) {
            return query.find(null, List.of(), true, limit);
        }
        if (user.isApplicant()) {
            return query.find(user.municipalityAgs(), List.of(), false, limit);
        }
        return query.find(null, access.programmesOfStaff(user), false, limit);
    }

    @FunctionalInterface
    private interface VisibleQuery<T> {
        List<T> find(String municipalityAgs, java.util.Collection<String> programmeKeys, boolean all, int limit);
    }

    /** Imported history the user may see: the own municipality's, or the programmes of the staff's authority. */
    @Transactional(readOnly = true)
    List<HistoricCases.HistoricCase> historicVisibleTo(CurrentUser user, int limit) {
        if (historic == null) {
            return List.of();
        }
        if (user.has(Role.ADMIN)) {
            return historic.find(null, null, limit);
        }
        if (user.isApplicant()) {
            return user.municipalityAgs() == null ? List.of() : historic.find(user.municipalityAgs(), null, limit);
        }
        return historic.find(null, access.programmesOfStaff(user), limit);
    }

    @Transactional(readOnly = true)
    public List<CaseEvent> timeline(UUID id) {
        return repository.timeline(id);
    }

    private Programme programmeFor(CurrentUser user, String programmeKey) {
        if (programmeKey == null || programmeKey.isBlank()) {
            throw new FormValidationException(List.of(new FieldError("programme", "Pflichtfeld")));
        }
        Programme programme = findProgramme(programmeKey);
        register.find(user.municipalityAgs()).orElseThrow(() -> new CaseConflictException(
                "Ihre Kommune (" + user.municipalityAgs() + ") ist nicht im Antragstellerverzeichnis"));
        return programme;
    }

    private Application draft(CurrentUser user, Programme programme, Map<String, Object> data, Instant now) {
        ApplicationReference reference = ApplicationReference.of(programme.referencePrefix(),
                now.atZone(AUTHORITY_ZONE).getYear(), repository.nextNumber());
        return Application.draft(UUID.randomUUID(), reference, programme.key(), user.municipalityAgs(), data,
                user.username(), now);
    }

    /** The full check of a submission: the form (required fields included) and the programme's rules. */
    private Submission check(Programme programme, Map<String, Object> data, Instant now) {
        FormValidationResult form = validator.validate(applicationForm(programme), data);
        if (!form.valid()) {
            throw new FormValidationException(form.errors());
        }
        SubmissionPolicy.Result policy = SubmissionPolicy.check(programme, form.data(), today(now));
        if (!policy.passed()) {
            throw new FormValidationException(policy.errors());
        }
        return new Submission(form.data(), policy.callKey());
    }

    /** Records the submission on the case and queues its procedure. */
    private void submitted(CurrentUser user, Application application, Programme programme, Instant now) {
        repository.appendEvent(application.id(), new CaseEvent(now, CaseEventType.SUBMITTED, user.username(),
                ApplicationStatus.SUBMITTED, null, null));
        events.publishEvent(new ApplicationSubmitted(application.id(), application.reference().value(),
                programme.key(), programme.authority().key(), application.municipalityAgs()));
    }

    private record Submission(Map<String, Object> data, String callKey) {
    }

    private Application lockVisible(CurrentUser user, UUID id) {
        return repository.lock(id).filter(a -> access.canSee(user, a)).orElseThrow(() -> new CaseNotFoundException(id));
    }

    private Map<String, Object> validDraft(Programme programme, Map<String, Object> data) {
        FormValidationResult result = validator.validateDraft(applicationForm(programme), data == null ? Map.of() : data);
        if (!result.valid()) {
            throw new FormValidationException(result.errors());
        }
        return result.data();
    }

    private FormDefinition applicationForm(Programme programme) {
        return forms.get(programme.applicationForm());
    }

    private Programme findProgramme(String key) {
        try {
            return programmes.get(key);
        } catch (UnknownProgrammeException e) {
            throw new FormValidationException(List.of(new FieldError("programme", "Unbekanntes Förderprogramm: " + key)));
        }
    }

    private static void requireApplicant(CurrentUser user) {
        if (!user.isApplicant()) {
            throw new AccessDeniedException("Nur Antragstellende einer Kommune können Anträge stellen und ändern");
        }
    }

    static LocalDate today(Instant now) {
        return now.atZone(AUTHORITY_ZONE).toLocalDate();
    }
}
