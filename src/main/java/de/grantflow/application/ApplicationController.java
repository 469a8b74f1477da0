package de.grantflow.application;

import de.grantflow.letters.LetterService;
import de.grantflow.letters.StoredLetter;
import de.grantflow.programme.ProgrammeCatalog;
import de.grantflow.register.Municipality;
import de.grantflow.register.MunicipalityRegister;
import de.grantflow.rules.DecisionOutcome;
import de.grantflow.rules.RuleEvaluator;
import de.grantflow.security.CurrentUser;
import de.grantflow.security.CurrentUsers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The case API: applicants create, change, submit and withdraw applications; everyone reads what they may see. */
@RestController
@RequestMapping("/api/applications")
@Tag(name = "Anträge", description = "Anträge anlegen, einreichen, zurücknehmen und einsehen")
class ApplicationController {

    private final ApplicationService service;
    private final CurrentUsers users;
    private final MunicipalityRegister register;
    private final ProgrammeCatalog programmes;
    private final LetterService letters;
    private final RuleEvaluator rules;

    ApplicationController(ApplicationService service, CurrentUsers users, MunicipalityRegister register,
            ProgrammeCatalog programmes, LetterService letters, RuleEvaluator rules) {
        this.service = service;
        this.users = users;
        this.register = register;
        this.programmes = programmes;
        this.letters = letters;
        this.rules = rules;
    }

    @PostMapping
    @Operation(summary = "Antrag als Entwurf anlegen, oder mit \"submit\": true in einem Schritt anlegen und einreichen",
            description = "Mit submit=true wird der Antrag vollständig geprüft wie bei /submit und nur gespeichert, wenn"
                    + " er die Prüfung besteht; die Antwort hat dann den Status SUBMITTED.")
    ResponseEntity<ApplicationCreated> create(@RequestBody NewApplication request) {
        CurrentUser user = users.current();
        Application application = Boolean.TRUE.equals(request.submit())
                ? service.createSubmitted(user, request.programme(), request.data())
                : service.create(user, request.programme(), request.data());
        return ResponseEntity.status(HttpStatus.CREATED).body(new ApplicationCreated(application.id(),
                application.reference().value(), application.status()));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Entwurf ändern (ersetzt die Formulardaten)")
    ApplicationDetails update(@PathVariable UUID id, @RequestBody DraftData request) {
        return details(service.updateDraft(users.current(), id, request.data()));
    }

    @PostMapping("/{id}/submit")
    @Operation(summary = "Antrag einreichen: vollständige Prüfung, Eingangsbestätigung, Start des Verfahrens")
    ApplicationDetails submit(@PathVariable UUID id) {
        return details(service.submit(users.current(), id));
    }

    @PostMapping("/{id}/withdraw")
    @Operation(summary = "Antrag zurücknehmen (bis zur Entscheidung)")
    ApplicationDetails withdraw(@PathVariable UUID id) {
        return details(service.withdraw(users.current(), id));
    }

    @PostMapping("/{id}/waive-appeal")
    @Operation(summary = "Rechtsbehelfsverzicht: der Bescheid wird sofort bestandskräftig")
    ApplicationDetails waiveAppeal(@PathVariable UUID id) {
        return details(service.waiveAppeal(users.current(), id));
    }

    @GetMapping
    @Operation(summary = "Die Anträge, die der angemeldete Benutzer sehen darf")
    List<ApplicationSummary> list(@RequestParam(defaultValue = "200") int limit) {
        CurrentUser user = users.current();
        int max = Math.max(1, Math.min(limit, 1000));
        List<ApplicationSummary> cases = new java.util.ArrayList<>(service.visibleTo(user, max).stream()
                .map(this::summary).toList());
        if (cases.size() < max) {
            service.historicVisibleTo(user, max - cases.size()).forEach(h -> cases.add(new ApplicationSummary(null,
                    h.reference(), h.programme(), municipality(h.ags()), h.status(), null, h.requested(),
                    h.granted(), null, h.submittedOn() == null ? null
                            : h.submittedOn().atStartOfDay(ApplicationService.AUTHORITY_ZONE).toInstant(), true)));
        }
        return cases;
    }

    @GetMapping("/{id}")
    @Operation(summary = "Ein Antrag mit Daten, Entscheidungen, Schreiben und Verlauf")
    ApplicationDetails get(@PathVariable UUID id) {
        return details(service.get(users.current(), id));
    }

    private ApplicationSummary summary(Application a) {
        return new ApplicationSummary(a.id(), a.reference().value(), a.programmeKey(), municipality(a), a.status(),
                a.text("projectTitle"), a.amount("requestedAmount"), a.grantedAmount(), a.createdAt(),
                a.submittedAt(), false);
    }

    private ApplicationDetails details(Application a) {
        Assessment assessment = a.assessment();
        List<DecisionView> decisions = rules.outcomesOf(a.id()).stream().map(DecisionView::of).toList();
        List<LetterView> letterViews = letters.lettersOf(a.id()).stream().map(LetterView::of).toList();
        List<TimelineEntry> timeline = service.timeline(a.id()).stream().map(TimelineEntry::of).toList();
        Deadlines deadlines = new Deadlines(a.status() == ApplicationStatus.INCOMPLETE ? assessment.documentsDue() : null,
                a.status() == ApplicationStatus.HEARING ? assessment.hearingDue() : null, a.finalOn());
        return new ApplicationDetails(a.id(), a.reference().value(), a.programmeKey(),
                programmes.get(a.programmeKey()).name(), municipality(a), a.status(), a.data(),
                a.amount("requestedAmount"), a.grantedAmount(), a.createdAt(), a.submittedAt(), a.decidedAt(),
                a.finalOn(), deadlines, decisions, letterViews, timeline);
    }

    private MunicipalityView municipality(Application a) {
        return municipality(a.municipalityAgs());
    }

    private MunicipalityView municipality(String ags) {
        Municipality m = register.get(ags);
        return new MunicipalityView(m.ags(), m.displayName());
    }

    /** {@code submit}: true creates and submits in one step; absent or false creates a draft. */
    record NewApplication(String programme, Map<String, Object> data, Boolean submit) {
    }

    record DraftData(Map<String, Object> data) {
    }

    record ApplicationCreated(UUID id, String reference, ApplicationStatus status) {
    }

    record MunicipalityView(String ags, String name) {
    }

    record ApplicationSummary(UUID id, String reference, String programme, MunicipalityView municipality,
            ApplicationStatus status, String projectTitle, BigDecimal requestedAmount, BigDecimal grantedAmount,
            Instant createdAt, Instant submittedAt, boolean historic) {
    }

    record Deadlines(LocalDate documentsDue, LocalDate hearingResponseDue, LocalDate finalOn) {
    }

    record DecisionView(String decisionKey, int decisionVersion, Map<String, Object> inputs,
            Map<String, Object> outputs, String ruleId, String reason, Instant evaluatedAt) {
        static DecisionView of(DecisionOutcome o) {
            return new DecisionView(o.decisionKey(), o.decisionVersion(), o.inputs(), o.outputs(), o.ruleId(),
                    o.reason(), o.evaluatedAt());
        }
    }

    record LetterView(UUID id, String type, String title, Instant createdAt, String sha256, int sizeBytes) {
        static LetterView of(StoredLetter l) {
            return new LetterView(l.id(), l.type().name(), l.type().germanTitle(), l.createdAt(), l.sha256(),
                    l.sizeBytes());
        }
    }

    record TimelineEntry(Instant at, String type, String title, String actor, ApplicationStatus status, String note,
            Map<String, Object> details) {
        static TimelineEntry of(CaseEvent e) {
            return new TimelineEntry(e.occurredAt(), e.type().name(), e.type().germanName(), e.actor(), e.status(),
                    e.note(), e.details());
        }
    }

    record ApplicationDetails(UUID id, String reference, String programme, String programmeName,
            MunicipalityView municipality, ApplicationStatus status, Map<String, Object> data,
            BigDecimal requestedAmount, BigDecimal grantedAmount, Instant createdAt, Instant submittedAt,
            Instant decidedAt, LocalDate finalOn, Deadlines deadlines, List<DecisionView> decisions,
            List<LetterView> letters, List<TimelineEntry> timeline) {
    }
}
