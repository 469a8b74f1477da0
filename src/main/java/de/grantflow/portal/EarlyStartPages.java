package de.grantflow.portal;

import de.grantflow.application.Application;
import de.grantflow.application.ApplicationService;
import de.grantflow.application.EarlyStartRequest;
import de.grantflow.application.EarlyStartService;
import de.grantflow.application.EarlyStartService.EarlyStartInput;
import de.grantflow.forms.FieldError;
import de.grantflow.forms.FormValidationException;
import de.grantflow.security.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Vorzeitiger Maßnahmebeginn on a page: the day the project should start and why it cannot wait for the decision,
 * with the case's earlier requests and what became of them. What is allowed is the early start service's, as for the
 * API.
 */
@Controller
class EarlyStartPages {

    private final Applicants applicants;
    private final ApplicationService applications;
    private final EarlyStartService earlyStarts;
    private final MessageSource messages;

    EarlyStartPages(Applicants applicants, ApplicationService applications, EarlyStartService earlyStarts,
            MessageSource messages) {
        this.applicants = applicants;
        this.applications = applications;
        this.earlyStarts = earlyStarts;
        this.messages = messages;
    }

    @GetMapping("/portal/applications/{id}/early-start")
    String form(@PathVariable UUID id, Model model) {
        return page(applicants.current(), id, Map.of(), Map.of(), model);
    }

    @PostMapping("/portal/applications/{id}/early-start")
    String request(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect, Locale locale, HttpServletResponse response) {
        CurrentUser user = applicants.current();
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate startOn = null;
        String date = form.getOrDefault("startOn", "").strip();
        if (!date.isEmpty()) {
            try {
                startOn = LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                errors.put("startOn", "Bitte ein Datum angeben");
            }
        }
        // asked even when the date did not parse (then without one, which it refuses), so that every field's
        // mistake shows at once; the date's own message stays
        try {
            earlyStarts.request(user, id, new EarlyStartInput(startOn, form.get("reason")));
            redirect.addFlashAttribute("flash", messages.getMessage("portal.earlyStart.sent", null, locale));
            return "redirect:/portal/applications/" + id;
        } catch (FormValidationException invalid) {
            for (FieldError error : invalid.errors()) {
                errors.putIfAbsent(error.field(), error.message());
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return page(user, id, form, errors, model);
    }

    private String page(CurrentUser user, UUID id, Map<String, String> values, Map<String, String> errors,
            Model model) {
        Application application = applications.get(user, id);
        List<EarlyStartRequest> requests = earlyStarts.of(user, id);
        model.addAttribute("app", application);
        model.addAttribute("requests", requests);
        model.addAttribute("mayRequest", EarlyStartService.mayRequest(application, requests));
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return "portal/early-start";
    }
}
