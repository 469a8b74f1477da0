package de.grantflow.workspace;

import de.grantflow.application.CaseConflictException;
import de.grantflow.application.Cases;
import de.grantflow.application.FourEyesViolation;
import de.grantflow.forms.FieldError;
import de.grantflow.forms.FormDefinition;
import de.grantflow.forms.FormSubmission;
import de.grantflow.forms.FormValidationException;
import de.grantflow.forms.FormView;
import de.grantflow.programme.BudgetExhaustedException;
import de.grantflow.security.CurrentUser;
import de.grantflow.security.CurrentUsers;
import de.grantflow.tasks.WorkTask;
import de.grantflow.tasks.WorklistService;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A task of the worklist as a page: the case in brief beside the task's Camunda Form; posting completes the task
 * through the worklist service, so the same validation, domain rules and four-eyes principle apply as in the API.
 */
@Controller
class TaskPageController {

    private final WorklistService worklist;
    private final Cases cases;
    private final CaseHeaders headers;
    private final CurrentUsers users;

    TaskPageController(WorklistService worklist, Cases cases, CaseHeaders headers, CurrentUsers users) {
        this.worklist = worklist;
        this.cases = cases;
        this.headers = headers;
        this.users = users;
    }

    @GetMapping("/workspace/tasks/{id}")
    String task(@PathVariable String id, Model model) {
        CurrentUser user = Staff.require(users);
        return page(user, worklist.get(user, id), FormView.of(worklist.form(user, id), Map.of(), List.of()), null,
                model);
    }

    @PostMapping("/workspace/tasks/{id}")
    String complete(@PathVariable String id, @RequestParam MultiValueMap<String, String> parameters, Model model,
            HttpServletResponse response, RedirectAttributes flash) {
        CurrentUser user = Staff.require(users);
        WorkTask task = worklist.get(user, id);
        FormDefinition form = worklist.form(user, id);
        FormSubmission submission = FormSubmission.read(form, parameters);
        if (submission.rowsChanged()) {
            return page(user, task, FormView.of(form, submission.data(), List.of()), null, model);
        }
        try {
            worklist.complete(user, id, submission.data());
        } catch (RuntimeException refused) {
            Refusal refusal = Refusal.of(refused).orElseThrow(() -> refused);
            response.setStatus(refusal.status().value());
            return page(user, task, FormView.of(form, submission.data(), refusal.fieldErrors()), refusal.message(),
                    model);
        }
        flash.addFlashAttribute("flash", "Die Aufgabe „" + task.name() + "“ zu " + task.reference()
                + " ist abgeschlossen.");
        return "redirect:/workspace";
    }

    private String page(CurrentUser user, WorkTask task, FormView form, String refusal, Model model) {
        model.addAttribute("task", task);
        model.addAttribute("form", form);
        model.addAttribute("refusal", refusal);
        model.addAttribute("me", user.username());
        model.addAttribute("dossier", headers.of(cases.dossier(task.applicationId(), user)));
        return "workspace/task";
    }

    /**
     * Why the services refused to complete: invalid fields (shown at the fields), the four-eyes principle, or a state
     * that no longer fits. Engine listeners raise these inside the engine, so the cause chain is searched.
     */
    record Refusal(HttpStatus status, String message, List<FieldError> fieldErrors) {

        static Optional<Refusal> of(Throwable exception) {
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                if (cause instanceof FormValidationException invalid) {
                    return Optional.of(new Refusal(HttpStatus.BAD_REQUEST, null, invalid.errors()));
                }
                if (cause instanceof FourEyesViolation fourEyes) {
                    return Optional.of(new Refusal(HttpStatus.FORBIDDEN, fourEyes.getMessage(), List.of()));
                }
                if (cause instanceof CaseConflictException || cause instanceof BudgetExhaustedException) {
                    return Optional.of(new Refusal(HttpStatus.CONFLICT, cause.getMessage(), List.of()));
                }
            }
            return Optional.empty();
        }
    }
}
