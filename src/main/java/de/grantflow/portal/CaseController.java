package de.grantflow.portal;

import de.grantflow.application.Application;
import de.grantflow.application.ApplicationService;
import de.grantflow.application.ApplicationStatus;
import de.grantflow.application.CaseEvent;
import de.grantflow.application.CaseNotFoundException;
import de.grantflow.application.Cases;
import de.grantflow.forms.FormCatalog;
import de.grantflow.forms.FormView;
import de.grantflow.letters.LetterFile;
import de.grantflow.letters.LetterService;
import de.grantflow.letters.StoredLetter;
import de.grantflow.programme.Programme;
import de.grantflow.programme.ProgrammeCatalog;
import de.grantflow.rules.DecisionOutcome;
import de.grantflow.rules.RuleEvaluator;
import de.grantflow.security.CurrentUser;
import de.grantflow.tasks.WorkTask;
import de.grantflow.tasks.WorklistService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The case page: where the case stands, what was decided and written, what waits for the applicant. */
@Controller
class CaseController {

    private final Applicants applicants;
    private final ApplicationService applications;
    private final Cases cases;
    private final ProgrammeCatalog programmes;
    private final FormCatalog forms;
    private final RuleEvaluator rules;
    private final LetterService letters;
    private final WorklistService worklist;
    private final MessageSource messages;

    CaseController(Applicants applicants, ApplicationService applications, Cases cases, ProgrammeCatalog programmes,
            FormCatalog forms, RuleEvaluator rules, LetterService letters, WorklistService worklist,
            MessageSource messages) {
        this.applicants = applicants;
        this.applications = applications;
        this.cases = cases;
        this.programmes = programmes;
        this.forms = forms;
        this.rules = rules;
        this.letters = letters;
        this.worklist = worklist;
        this.messages = messages;
    }

    @GetMapping("/portal/applications/{id}")
    String show(@PathVariable UUID id, Model model) {
        CurrentUser user = applicants.current();
        Application application = applications.get(user, id);
        Programme programme = programmes.get(application.programmeKey());
        model.addAttribute("app", application);
        model.addAttribute("programme", programme.name());
        model.addAttribute("submittedAt", application.submittedAt() == null ? null
                : application.submittedAt().atZone(Applicants.ZONE));
        model.addAttribute("deadlines", deadlines(application));
        model.addAttribute("timeline", applications.timeline(id).stream().map(Step::of).toList());
        model.addAttribute("decisions", rules.outcomesOf(id).stream().map(Decision::of).toList());
        model.addAttribute("letters", letters.lettersOf(id).stream().map(Letter::of).toList());
        List<WorkTask> open = worklist.worklist(user, id, 50);
        model.addAttribute("tasks", IntStream.range(0, open.size()).mapToObj(i -> new TaskForm(
                open.get(i), FormView.of(worklist.form(user, open.get(i).id()), Map.of(), List.of(),
                        "task" + i + "-"))).toList());
        model.addAttribute("form", FormView.of(forms.get(programme.applicationForm()), application.data(),
                List.of()));
        return "portal/case";
    }

    @GetMapping("/portal/applications/{id}/withdraw")
    String confirmWithdrawal(@PathVariable UUID id, Model model) {
        return confirm(id, "withdraw", model);
    }

    @PostMapping("/portal/applications/{id}/withdraw")
    String withdraw(@PathVariable UUID id, RedirectAttributes redirect, Locale locale) {
        applications.withdraw(applicants.current(), id);
        redirect.addFlashAttribute("flash", messages.getMessage("portal.withdrawn", null, locale));
        return "redirect:/portal/applications/" + id;
    }

    @GetMapping("/portal/applications/{id}/waive-appeal")
    String confirmWaiver(@PathVariable UUID id, Model model) {
        return confirm(id, "waive", model);
    }

    @PostMapping("/portal/applications/{id}/waive-appeal")
    String waiveAppeal(@PathVariable UUID id, RedirectAttributes redirect, Locale locale) {
        applications.waiveAppeal(applicants.current(), id);
        redirect.addFlashAttribute("flash", messages.getMessage("portal.waived", null, locale));
        return "redirect:/portal/applications/" + id;
    }

    /** The same lookup as the letter API: a letter of a case the user may not see does not exist for them. */
    @GetMapping("/portal/letters/{id}")
    ResponseEntity<byte[]> letter(@PathVariable UUID id) {
        CurrentUser user = applicants.current();
        LetterFile file = letters.file(id)
                .filter(f -> cases.findVisible(f.letter().applicationId(), user).isPresent())
                .orElseThrow(() -> new CaseNotFoundException("Schreiben " + id + " nicht gefunden"));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file.fileName()).build().toString())
                .body(file.content());
    }

    private String confirm(UUID id, String action, Model model) {
        Application application = applications.get(applicants.current(), id);
        boolean allowed = "withdraw".equals(action) ? application.withdrawable() : application.appealWaivable();
        if (!allowed) {
            return "redirect:/portal/applications/" + id;
        }
        model.addAttribute("app", application);
        model.addAttribute("programme", programmes.get(application.programmeKey()).name());
        model.addAttribute("action", action);
        return "portal/confirm";
    }

    /** The deadline running for the applicant now, as the case API reports it. */
    private Deadlines deadlines(Application application) {
        var facts = cases.facts(application.id()).orElseThrow();
        return new Deadlines(application.status() == ApplicationStatus.INCOMPLETE ? facts.documentsDue() : null,
                application.status() == ApplicationStatus.HEARING ? facts.hearingDue() : null,
                application.finalOn());
    }

    /** The deadlines of the case: documents to supply, the hearing's answer, the day the decision became final. */
    public record Deadlines(LocalDate documentsDue, LocalDate hearingResponseDue, LocalDate finalOn) {

        public boolean any() {
            return documentsDue != null || hearingResponseDue != null || finalOn != null;
        }
    }

    /** An entry of the case's timeline. */
    public record Step(ZonedDateTime at, String title, ApplicationStatus status, String note) {

        static Step of(CaseEvent e) {
            return new Step(e.occurredAt().atZone(Applicants.ZONE), e.type().germanName(), e.status(), e.note());
        }
    }

    /**
     * A rule decision in plain words: which check (the kind of its DMN), its result and the reason the rule gives.
     * An eligibility decision says yes or no; the amount decision names the highest fundable amount.
     */
    public record Decision(String kind, Boolean eligible, BigDecimal amount, String reason, ZonedDateTime at) {

        static Decision of(DecisionOutcome o) {
            String kind = o.decisionKey().endsWith("-eligibility") ? "eligibility"
                    : "grant-amount".equals(o.decisionKey()) ? "amount" : "other";
            Object eligible = o.outputs().get("eligible");
            return new Decision(kind, eligible instanceof Boolean b ? b : null, o.amount("maxFundable"), o.reason(),
                    o.evaluatedAt().atZone(Applicants.ZONE));
        }
    }

    /** A task waiting for the applicant with its form; several on one page, so each has its own ids. */
    public record TaskForm(WorkTask task, FormView form) {

        public LocalDate due() {
            return task.due() == null ? null : task.due().atZone(Applicants.ZONE).toLocalDate();
        }
    }

    /** A letter of the case, to download. */
    public record Letter(UUID id, String title, ZonedDateTime createdAt) {

        static Letter of(StoredLetter l) {
            return new Letter(l.id(), l.type().germanTitle(), l.createdAt().atZone(Applicants.ZONE));
        }
    }
}
