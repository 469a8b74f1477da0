package de.grantflow.portal;

import de.grantflow.forms.FormDefinition;
import de.grantflow.forms.FormSubmission;
import de.grantflow.forms.FormView;
import de.grantflow.security.CurrentUser;
import de.grantflow.tasks.WorkTask;
import de.grantflow.tasks.WorklistService;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A task waiting for the applicant (documents to supply, the answer to a hearing, reports): its Camunda Form, completed
 * through the worklist, which validates it and claims it for the user as the task API does.
 */
@Controller("portalTaskController")
class TaskController {

    private final Applicants applicants;
    private final WorklistService worklist;
    private final MessageSource messages;

    TaskController(Applicants applicants, WorklistService worklist, MessageSource messages) {
        this.applicants = applicants;
        this.worklist = worklist;
        this.messages = messages;
    }

    @GetMapping("/portal/tasks/{id}")
    String show(@PathVariable String id, Model model) {
        CurrentUser user = applicants.current();
        return page(model, worklist.get(user, id), FormView.of(worklist.form(user, id), Map.of(), List.of()));
    }

    @PostMapping("/portal/tasks/{id}")
    String complete(@PathVariable String id, @RequestParam MultiValueMap<String, String> parameters, Model model,
            HttpServletResponse response, RedirectAttributes redirect, Locale locale) {
        CurrentUser user = applicants.current();
        WorkTask task = worklist.get(user, id);
        FormDefinition form = worklist.form(user, id);
        FormSubmission submission = FormSubmission.read(form, parameters);
        if (submission.rowsChanged()) {
            return page(model, task, FormView.of(form, submission.data(), List.of()));
        }
        try {
            worklist.complete(user, id, submission.data());
        } catch (RuntimeException e) {
            var invalid = Applicants.invalidInput(e).orElseThrow(() -> e);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(model, task, FormView.of(form, submission.data(), invalid.errors()));
        }
        redirect.addFlashAttribute("flash", messages.getMessage("portal.task.done", new Object[] {task.name()},
                locale));
        return "redirect:/portal/applications/" + task.applicationId();
    }

    private static String page(Model model, WorkTask task, FormView form) {
        model.addAttribute("task", task);
        model.addAttribute("due", task.due() == null ? null : task.due().atZone(Applicants.ZONE).toLocalDate());
        model.addAttribute("form", form);
        return "portal/task";
    }
}
