package de.grantflow.portal;

import de.grantflow.forms.FieldError;
import de.grantflow.forms.FormValidationException;
import de.grantflow.funding.PaymentService;
import de.grantflow.funding.PaymentService.DuePayment;
import de.grantflow.funding.PaymentService.PaymentRequestInput;
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
 * Mittelabruf on a page: the amount, what it is for, and the payments it is needed for with their due dates. The
 * rules (two-month window, within the grant and the period) are the payment service's, as for the API.
 */
@Controller
class PaymentRequestPages {

    static final int ROWS = 4;

    private final Applicants applicants;
    private final PaymentService payments;
    private final MessageSource messages;

    PaymentRequestPages(Applicants applicants, PaymentService payments, MessageSource messages) {
        this.applicants = applicants;
        this.payments = payments;
        this.messages = messages;
    }

    @GetMapping("/portal/applications/{id}/payment-request")
    String form(@PathVariable UUID id, Model model) {
        model.addAttribute("requests", payments.payments(applicants.current(), id));
        return page(id, Map.of(), Map.of(), model);
    }

    @PostMapping("/portal/applications/{id}/payment-request")
    String request(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect, Locale locale, jakarta.servlet.http.HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<Integer> rows = new ArrayList<>();
        List<DuePayment> due = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            String dueOn = form.getOrDefault("payments[" + i + "].dueOn", "").strip();
            String amount = form.getOrDefault("payments[" + i + "].amount", "").strip();
            if (dueOn.isEmpty() && amount.isEmpty()) {
                continue;
            }
            rows.add(i);
            due.add(new DuePayment(date(dueOn, "payments[" + i + "].dueOn", errors),
                    amount(amount, "payments[" + i + "].amount", errors)));
        }
        BigDecimal total = amount(form.getOrDefault("amount", "").strip(), "amount", errors);
        if (errors.isEmpty()) {
            try {
                payments.request(applicants.current(), id, new PaymentRequestInput(total, form.get("purpose"), due));
                redirect.addFlashAttribute("flash", messages.getMessage("portal.payment.sent", null, locale));
                return "redirect:/portal/applications/" + id;
            } catch (FormValidationException invalid) {
                for (FieldError error : invalid.errors()) {
                    errors.putIfAbsent(rowOf(error.field(), rows), error.message());
                }
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("requests", payments.payments(applicants.current(), id));
        return page(id, form, errors, model);
    }

    private String page(UUID id, Map<String, String> values, Map<String, String> errors, Model model) {
        model.addAttribute("id", id);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("rows", java.util.stream.IntStream.range(0, ROWS).boxed().toList());
        return "portal/payment-request";
    }

    /** The service numbers the rows it was given; the page numbers the rows it showed. */
    private static String rowOf(String field, List<Integer> rows) {
        var match = java.util.regex.Pattern.compile("payments\\[(\\d+)](.*)").matcher(field);
        if (match.matches() && Integer.parseInt(match.group(1)) < rows.size()) {
            return "payments[" + rows.get(Integer.parseInt(match.group(1))) + "]" + match.group(2);
        }
        return field;
    }

    private static LocalDate date(String text, String field, Map<String, String> errors) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.put(field, "Bitte ein Datum angeben");
            return null;
        }
    }

    private static BigDecimal amount(String text, String field, Map<String, String> errors) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(text.replace(" ", ""));
        } catch (NumberFormatException e) {
            errors.put(field, "Bitte einen Betrag in Euro angeben, z. B. 1250.50");
            return null;
        }
    }
}
