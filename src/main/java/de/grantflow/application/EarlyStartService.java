package de.grantflow.application;

import de.grantflow.forms.FieldError;
import de.grantflow.forms.FormValidationException;
import de.grantflow.forms.FormValidator;
import de.grantflow.letters.LetterBody.EarlyStartDecision;
import de.grantflow.programme.Programme;
import de.grantflow.programme.ProgrammeCatalog;
import de.grantflow.security.CurrentUser;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Vorzeitiger Maßnahmebeginn: a project may not start before the decision on its grant unless the authority agrees.
 * The municipality asks while its application waits for the decision; a reviewer checks, a second person decides, and
 * a letter answers either way. The consent promises no grant. A request still open when the case is decided, withdrawn
 * or lapses is settled by that, without a letter of its own.
 */
@Service
public class EarlyStartService {

    private static final Map<CaseEventType, String> SETTLING = Map.of(
            CaseEventType.APPROVED, "Durch den Zuwendungsbescheid erledigt",
            CaseEventType.REJECTED, "Durch den Ablehnungsbescheid erledigt",
            CaseEventType.WITHDRAWN, "Durch die Rücknahme des Antrags erledigt",
            CaseEventType.LAPSED, "Durch die Erledigung des Antrags erledigt");
    private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final int MAX_REASON = 2000;

    private final EarlyStartRepository requests;
    private final ApplicationRepository cases;
    private final CaseAccess access;
    private final CaseFile caseFile;
    private final ProgrammeCatalog programmes;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EarlyStartService(EarlyStartRepository requests, ApplicationRepository cases, CaseAccess access, CaseFile caseFile,
            ProgrammeCatalog programmes, ApplicationEventPublisher events, Clock clock) {
        this.requests = requests;
        this.cases = cases;
        this.access = access;
        this.caseFile = caseFile;
        this.programmes = programmes;
        this.events = events;
        this.clock = clock;
    }

    /** The municipality asks to start from the given day; refused for a decided case or while a request is open. */
    @Transactional
    public EarlyStartRequest request(CurrentUser user, UUID id, EarlyStartInput input) {
        if (!user.isApplicant()) {
            throw new AccessDeniedException("Nur die antragstellende Kommune kann den vorzeitigen Maßnahmebeginn"
                    + " beantragen");
        }
        Application application = cases.lock(id).filter(a -> access.canSee(user, a))
                .orElseThrow(() -> new CaseNotFoundException(id));
        if (!application.awaitsDecision()) {
            throw new CaseConflictException("Ein vorzeitiger Maßnahmebeginn kann nur für einen eingereichten, noch"
                    + " nicht beschiedenen Antrag beantragt werden (Status: " + application.status().germanName()
                    + ")");
        }
        List<EarlyStartRequest> earlier = requests.of(id);
        if (earlier.stream().anyMatch(r -> r.status().open())) {
            throw new CaseConflictException("Über den früheren Antrag auf vorzeitigen Maßnahmebeginn ist noch nicht"
                    + " entschieden");
        }
        if (earlier.stream().anyMatch(r -> r.status() == EarlyStartRequest.Status.APPROVED)) {
            throw new CaseConflictException("Dem vorzeitigen Maßnahmebeginn wurde bereits zugestimmt");
        }
        EarlyStartInput asked = input == null ? new EarlyStartInput(null, null) : input;
        String reason = validated(asked, application);
        Instant now = clock.instant();
        EarlyStartRequest request = new EarlyStartRequest(UUID.randomUUID(), id, requests.nextNumber(id),
                asked.startOn(), reason, EarlyStartRequest.Status.PENDING, user.username(), now, null, null, null,
                null, null);
        requests.insert(request);
        cases.appendEvent(id, new CaseEvent(now, CaseEventType.EARLY_START_REQUESTED, user.username(),
                application.status(), reason, Map.of("earlyStartRequest", request.number(),
                        "startOn", request.startOn().toString())));
        events.publishEvent(new EarlyStartRequested(id, request.id(),
                programmes.get(application.programmeKey()).authority().key(), application.municipalityAgs()));
        return request;
    }

    /** Whether the municipality may ask now: the case waits for its decision, and no request is open or granted. */
    public static boolean mayRequest(Application application, List<EarlyStartRequest> earlier) {
        return application.awaitsDecision() && earlier.stream().noneMatch(r -> r.status().open()
                || r.status() == EarlyStartRequest.Status.APPROVED);
    }

    /** The case's requests, for whoever may see the case. */
    @Transactional(readOnly = true)
    public List<EarlyStartRequest> of(CurrentUser user, UUID id) {
        cases.find(id).filter(a -> access.canSee(user, a)).orElseThrow(() -> new CaseNotFoundException(id));
        return requests.of(id);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void recordReview(UUID id, UUID requestId, String recommendation, String justification, String reviewer) {
        EarlyStartRequest request = lock(id, requestId, EarlyStartRequest.Status.PENDING);
        requests.update(request.reviewed(reviewer, recommendation, justification));
        caseFile.record(id, CaseEventType.EARLY_START_REVIEWED, reviewer, justification,
                Map.of("earlyStartRequest", request.number(), "recommendation", recommendation));
    }

    /** The second person's decision, refused for the reviewer; a refusal needs its reasons. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordDecision(UUID id, UUID requestId, String decision, String comment, String approver) {
        EarlyStartRequest request = lock(id, requestId, EarlyStartRequest.Status.REVIEWED);
        if (approver == null || approver.equals(request.reviewedBy())) {
            throw new FourEyesViolation("Vier-Augen-Prinzip: Über den vorzeitigen Maßnahmebeginn muss eine andere"
                    + " Person entscheiden als die, die den Antrag geprüft hat (" + request.reviewedBy() + ")");
        }
        boolean approve = "approve".equals(decision);
        String reasons = comment == null || comment.isBlank() ? request.note() : comment;
        if (!approve && (reasons == null || reasons.isBlank())) {
            throw new FormValidationException(List.of(new FieldError("comment", "Bitte die Ablehnung begründen")));
        }
        requests.update(request.decided(approve, approver, clock.instant(), reasons));
    }

    /** Sends the decision's letter, once, and records it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void issueDecision(UUID id, UUID requestId, String stepKey) {
        Application application = cases.lock(id).orElseThrow(() -> new CaseNotFoundException(id));
        EarlyStartRequest request = requests.find(id, requestId).orElseThrow(() -> unknown(requestId));
        boolean approved = request.status() == EarlyStartRequest.Status.APPROVED;
        if (!approved && request.status() != EarlyStartRequest.Status.REFUSED) {
            throw new CaseConflictException("Über den Antrag Nr. " + request.number() + " auf vorzeitigen"
                    + " Maßnahmebeginn ist nicht entschieden");
        }
        Programme programme = programmes.get(application.programmeKey());
        caseFile.record(id, CaseEventType.EARLY_START_DECIDED, request.decidedBy(), approved
                ? "Vorzeitigem Maßnahmebeginn ab " + GERMAN_DATE.format(request.startOn()) + " zugestimmt"
                : "Vorzeitiger Maßnahmebeginn abgelehnt", Map.of("earlyStartRequest", request.number(),
                        "approved", approved));
        caseFile.issueLetter(id, stepKey, new EarlyStartDecision(approved, request.startOn(),
                ApplicationService.today(request.requestedAt()), application.text("projectTitle"), request.note(),
                CaseLetters.legalBasis(programme), CaseLetters.court(programme)));
    }

    /** The decision on the grant, a withdrawal or a lapse settles a request still open. */
    @EventListener
    void on(CaseChanged changed) {
        String why = SETTLING.get(changed.type());
        if (why == null) {
            return;
        }
        for (EarlyStartRequest open : requests.of(changed.applicationId())) {
            if (open.status().open()) {
                requests.update(open.settled(clock.instant(), why));
                cases.appendEvent(open.applicationId(), new CaseEvent(clock.instant(),
                        CaseEventType.EARLY_START_SETTLED, null, changed.event().status(), why,
                        Map.of("earlyStartRequest", open.number())));
                events.publishEvent(new EarlyStartSettled(open.applicationId(), open.id()));
            }
        }
    }

    private String validated(EarlyStartInput input, Application application) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate today = ApplicationService.today(clock.instant());
        if (input.startOn() == null) {
            errors.add(new FieldError("startOn", "Pflichtfeld: Beginn des Vorhabens"));
        } else if (input.startOn().isBefore(today)) {
            errors.add(new FieldError("startOn", "Einem Beginn in der Vergangenheit kann nicht zugestimmt werden:"
                    + " frühestens heute (" + GERMAN_DATE.format(today) + ")"));
        } else {
            LocalDate end = projectEnd(application);
            if (end != null && !input.startOn().isBefore(end)) {
                errors.add(new FieldError("startOn", "Der Beginn muss vor dem Ende des Vorhabens ("
                        + GERMAN_DATE.format(end) + ") liegen"));
            }
        }
        String reason = input.reason() == null ? "" : input.reason().strip();
        if (reason.isEmpty()) {
            errors.add(new FieldError("reason", "Pflichtfeld: Warum kann das Vorhaben nicht bis zur Entscheidung"
                    + " warten?"));
        } else if (reason.length() > MAX_REASON) {
            errors.add(new FieldError("reason", "Höchstens " + MAX_REASON + " Zeichen"));
        } else {
            FormValidator.unprintable("reason", reason).ifPresent(errors::add);
        }
        if (!errors.isEmpty()) {
            throw new FormValidationException(errors);
        }
        return reason;
    }

    private static LocalDate projectEnd(Application application) {
        String end = application.text("projectEnd");
        return end == null || end.isBlank() ? null : LocalDate.parse(end);
    }

    private EarlyStartRequest lock(UUID id, UUID requestId, EarlyStartRequest.Status expected) {
        cases.lock(id).orElseThrow(() -> new CaseNotFoundException(id));
        EarlyStartRequest request = requests.find(id, requestId).orElseThrow(() -> unknown(requestId));
        if (request.status() != expected) {
            throw new CaseConflictException("Der Antrag Nr. " + request.number() + " auf vorzeitigen"
                    + " Maßnahmebeginn ist nicht in diesem Bearbeitungsstand");
        }
        return request;
    }

    private static CaseConflictException unknown(UUID requestId) {
        return new CaseConflictException("Antrag auf vorzeitigen Maßnahmebeginn " + requestId
                + " gehört nicht zu diesem Vorgang");
    }

    /** What the municipality asks for: the day it wants to start, and why it cannot wait. */
    public record EarlyStartInput(LocalDate startOn, String reason) {
    }

    /** A request waits for its review and decision, inside the transaction that stored it. */
    public record EarlyStartRequested(UUID applicationId, UUID requestId, String authorityKey,
            String municipalityAgs) {
    }

    /** An open request was settled by the case's decision, withdrawal or lapse; its review ends unfinished. */
    public record EarlyStartSettled(UUID applicationId, UUID requestId) {
    }
}
