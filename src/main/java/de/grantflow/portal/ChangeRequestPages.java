package de.grantflow.portal;

import de.grantflow.forms.FieldError;
import de.grantflow.forms.FormValidationException;
import de.grantflow.funding.ChangeService;
import de.grantflow.funding.ChangeService.ChangeInput;
import de.grantflow.funding.ChangeService.PlanItem;
import de.grantflow.funding.FundingService;
import de.grantflow.funding.FundingView;
import de.grantflow.funding.FundingView.PlanLine;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
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
 * Änderungsantrag on a page: a later end of the funding period, a new cost plan, or both, with the reason. The page
 * offers the current plan's lines with their amounts; only a plan that differs from the current one is sent. What
 * is allowed (shifts within the programme's tolerance are accepted at once, the rest goes to the authority) is the
 * change service's, as for the API.
 */
@Controller
class ChangeRequestPages {

    private final Applicants applicants;
    private final FundingService funding;
    private final ChangeService changes;
    private final MessageSource messages;

    ChangeRequestPages(Applicants applicants, FundingService funding, ChangeService changes,
            MessageSource messages) {
        this.applicants = applicants;
        this.funding = funding;
        this.changes = changes;
        this.messages = messages;
    }

    @GetMapping("/portal/applications/{id}/change-request")
    String form(@PathVariable UUID id, Model model) {
        FundingView view = funding.view(applicants.current(), id);
        Map<String, String> values = new LinkedHashMap<>();
        List<PlanLine> plan = view.costPlan();
        for (int i = 0; i < plan.size(); i++) {
            values.put(amountField(i), plan.get(i).amount().toPlainString());
        }
        return page(id, view, values, Map.of(), model);
    }

    @PostMapping("/portal/applications/{id}/change-request")
    String request(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect, Locale locale, HttpServletResponse response) {
        FundingView view = funding.view(applicants.current(), id);
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate newEnd = date(form.getOrDefault("newPeriodEnd", "").strip(), errors);
        List<PlanItem> plan = plan(view.costPlan(), form, errors);
        if (errors.isEmpty()) {
            try {
                FundingView.Change change = changes.request(applicants.current(), id,
                        new ChangeInput(newEnd, plan, form.get("reason")));
                redirect.addFlashAttribute("flash", messages.getMessage("ACCEPTED".equals(change.status())
                        ? "portal.change.accepted" : "portal.change.sent", null, locale));
                return "redirect:/portal/applications/" + id;
            } catch (FormValidationException invalid) {
                for (FieldError error : invalid.errors()) {
                    errors.putIfAbsent(rowOf(error.field(), view.costPlan(), plan), error.message());
                }
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return page(id, view, form, errors, model);
    }

    private String page(UUID id, FundingView view, Map<String, String> values, Map<String, String> errors,
            Model model) {
        model.addAttribute("id", id);
        model.addAttribute("funding", view);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return "portal/change-request";
    }

    /**
     * The new plan when the applicant changed an amount, with the other lines as they are; a line the form did not
     * send at all stays as it is, a line sent empty is an error (0 removes it).
     */
    private static List<PlanItem> plan(List<PlanLine> current, Map<String, String> form,
            Map<String, String> errors) {
        List<PlanItem> plan = new ArrayList<>();
        boolean changed = false;
        for (int i = 0; i < current.size(); i++) {
            String sent = form.get(amountField(i));
            if (sent == null) {
                plan.add(new PlanItem(current.get(i).category(), current.get(i).amount()));
                continue;
            }
            String text = sent.strip().replace(" ", "");
            BigDecimal amount;
            if (text.isEmpty()) {
                errors.put(amountField(i), "Bitte einen Betrag angeben (0, wenn die Position entfällt)");
                continue;
            }
            try {
                amount = new BigDecimal(text);
            } catch (NumberFormatException e) {
                errors.put(amountField(i), "Bitte einen Betrag in Euro angeben, z. B. 1250.50");
                continue;
            }
            changed |= amount.compareTo(current.get(i).amount()) != 0;
            plan.add(new PlanItem(current.get(i).category(), amount));
        }
        return changed ? plan : null;
    }

    /** The service names the rows of the plan it was given, which are the page's rows in the same order. */
    private static String rowOf(String field, List<PlanLine> current, List<PlanItem> plan) {
        var match = java.util.regex.Pattern.compile("costPlan\\[(\\d+)]\\..*").matcher(field);
        if (match.matches() && plan != null && plan.size() == current.size()) {
            return amountField(Integer.parseInt(match.group(1)));
        }
        return field;
    }

    static String amountField(int row) {
        return "costPlan[" + row + "].amount";
    }

    private static LocalDate date(String text, Map<String, String> errors) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.put("newPeriodEnd", "Bitte ein Datum angeben");
            return null;
        }
    }
}
