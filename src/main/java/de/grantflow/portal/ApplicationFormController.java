package de.grantflow.portal;

import de.grantflow.application.Application;
import de.grantflow.application.ApplicationService;
import de.grantflow.application.ApplicationStatus;
import de.grantflow.forms.FormCatalog;
import de.grantflow.forms.FormDefinition;
import de.grantflow.forms.FormSubmission;
import de.grantflow.forms.FormValidationException;
import de.grantflow.forms.FormView;
import de.grantflow.programme.Programme;
import de.grantflow.programme.ProgrammeCatalog;
import de.grantflow.programme.UnknownProgrammeException;
import de.grantflow.security.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
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
 * The application form of a programme: a new draft, changes to a draft, and the binding submission after a
 * confirmation. Drafts are checked like the API checks them (types, ranges, options; missing fields allowed); a
 * refused input shows the form again with each message at its field, and nothing is stored.
 */
@Controller
class ApplicationFormController {

    private final Applicants applicants;
    private final ApplicationService applications;
    private final ProgrammeCatalog programmes;
    private final FormCatalog forms;
    private final MessageSource messages;

    ApplicationFormController(Applicants applicants, ApplicationService applications, ProgrammeCatalog programmes,
            FormCatalog forms, MessageSource messages) {
        this.applicants = applicants;
        this.applications = applications;
        this.programmes = programmes;
        this.forms = forms;
        this.messages = messages;
    }

    @GetMapping("/portal/applications/new")
    String newApplication(@RequestParam String programme, Model model) {
        applicants.current();
        Programme chosen = programme(programme);
        return form(model, chosen, null, "/portal/applications/new?programme=" + chosen.key(),
                FormView.of(formOf(chosen), Map.of(), List.of()));
    }

    @PostMapping("/portal/applications/new")
    String create(@RequestParam String programme, @RequestParam MultiValueMap<String, String> parameters,
            Model model, HttpServletResponse response, RedirectAttributes redirect, Locale locale) {
        CurrentUser user = applicants.current();
        Programme chosen = programme(programme);
        FormDefinition form = formOf(chosen);
        FormSubmission submission = FormSubmission.read(form, parameters);
        String action = "/portal/applications/new?programme=" + chosen.key();
        if (submission.rowsChanged()) {
            return form(model, chosen, null, action, FormView.of(form, submission.data(), List.of()));
        }
        try {
            Application created = applications.create(user, chosen.key(), submission.data());
            redirect.addFlashAttribute("flash", messages.getMessage("portal.draft.saved", null, locale));
            return "redirect:/portal/applications/" + created.id() + "/edit";
        } catch (FormValidationException invalid) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form(model, chosen, null, action, FormView.of(form, submission.data(), invalid.errors()));
        }
    }

    @GetMapping("/portal/applications/{id}/edit")
    String edit(@PathVariable UUID id, Model model) {
        Application application = applications.get(applicants.current(), id);
        if (application.status() != ApplicationStatus.DRAFT) {
            return "redirect:/portal/applications/" + id;
        }
        Programme programme = programmes.get(application.programmeKey());
        return form(model, programme, application, editAction(id),
                FormView.of(formOf(programme), application.data(), List.of()));
    }

    @PostMapping("/portal/applications/{id}/edit")
    String update(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> parameters, Model model,
            HttpServletResponse response, RedirectAttributes redirect, Locale locale) {
        CurrentUser user = applicants.current();
        Application application = applications.get(user, id);
        Programme programme = programmes.get(application.programmeKey());
        FormDefinition form = formOf(programme);
        FormSubmission submission = FormSubmission.read(form, parameters);
        if (submission.rowsChanged()) {
            return form(model, programme, application, editAction(id),
                    FormView.of(form, submission.data(), List.of()));
        }
        try {
            applications.updateDraft(user, id, submission.data());
            redirect.addFlashAttribute("flash", messages.getMessage("portal.draft.saved", null, locale));
            return "redirect:/portal/applications/" + id + "/edit";
        } catch (FormValidationException invalid) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form(model, programme, application, editAction(id),
                    FormView.of(form, submission.data(), invalid.errors()));
        }
    }

    @GetMapping("/portal/applications/{id}/submit")
    String confirmSubmission(@PathVariable UUID id, Model model) {
        Application application = applications.get(applicants.current(), id);
        if (application.status() != ApplicationStatus.DRAFT) {
            return "redirect:/portal/applications/" + id;
        }
        Programme programme = programmes.get(application.programmeKey());
        model.addAttribute("app", application);
        model.addAttribute("programme", programme.name());
        model.addAttribute("form", FormView.of(formOf(programme), application.data(), List.of()));
        return "portal/submit";
    }

    /** A submission the full check refuses goes back to the form, with the stored draft and the errors at its fields. */
    @PostMapping("/portal/applications/{id}/submit")
    String submit(@PathVariable UUID id, Model model, HttpServletResponse response, RedirectAttributes redirect,
            Locale locale) {
        CurrentUser user = applicants.current();
        try {
            applications.submit(user, id);
            redirect.addFlashAttribute("flash", messages.getMessage("portal.submitted", null, locale));
            return "redirect:/portal/applications/" + id;
        } catch (FormValidationException invalid) {
            Application application = applications.get(user, id);
            Programme programme = programmes.get(application.programmeKey());
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("notSubmitted", true);
            return form(model, programme, application, editAction(id),
                    FormView.of(formOf(programme), application.data(), invalid.errors()));
        }
    }

    private String form(Model model, Programme programme, Application application, String action, FormView form) {
        model.addAttribute("programme", programme.name());
        model.addAttribute("app", application);
        model.addAttribute("action", action);
        model.addAttribute("form", form);
        return "portal/application-form";
    }

    private static String editAction(UUID id) {
        return "/portal/applications/" + id + "/edit";
    }

    private Programme programme(String key) {
        return programmes.find(key).orElseThrow(() -> new UnknownProgrammeException(key));
    }

    private FormDefinition formOf(Programme programme) {
        return forms.get(programme.applicationForm());
    }
}
