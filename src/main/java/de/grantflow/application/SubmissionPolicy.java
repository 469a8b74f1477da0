package de.grantflow.application;

import de.grantflow.money.Euro;
import de.grantflow.forms.FieldError;
import de.grantflow.programme.Call;
import de.grantflow.programme.Programme;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules an application must meet beyond its form: a project that ends after it starts, a grant that fits the
 * financing plan and the programme's limits, and a call that is open on the day of submission.
 */
final class SubmissionPolicy {

    private SubmissionPolicy() {
    }

    /** The open call, or the field errors that stand against submission. */
    static Result check(Programme programme, Map<String, Object> data, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        Optional<Call> call = programme.openCall(today);
        if (call.isEmpty()) {
            errors.add(new FieldError("programme", "Für „" + programme.name()
                    + "“ ist derzeit kein Förderaufruf geöffnet; ein Antrag kann nicht eingereicht werden"));
        }
        LocalDate start = date(data, "projectStart");
        LocalDate end = date(data, "projectEnd");
        if (start != null && end != null && !end.isAfter(start)) {
            errors.add(new FieldError("projectEnd", "Das Projektende muss nach dem Projektbeginn liegen"));
        }
        BigDecimal total = amount(data, "totalCosts");
        BigDecimal own = amount(data, "ownContribution");
        BigDecimal thirdParty = Optional.ofNullable(amount(data, "thirdPartyFunds")).orElse(BigDecimal.ZERO);
        BigDecimal requested = amount(data, "requestedAmount");
        if (total != null && own != null && own.compareTo(total) > 0) {
            errors.add(new FieldError("ownContribution", "Der Eigenanteil darf die Gesamtkosten nicht übersteigen"));
        }
        if (total != null && own != null && requested != null) {
            BigDecimal gap = total.subtract(own).subtract(thirdParty);
            if (requested.compareTo(gap) > 0) {
                errors.add(new FieldError("requestedAmount", "Die beantragte Zuwendung darf die Gesamtkosten abzüglich"
                        + " Eigenanteil und Drittmitteln (" + Euro.format(gap.max(BigDecimal.ZERO)) + ") nicht übersteigen"));
            }
        }
        if (requested != null) {
            BigDecimal min = programme.financing().minGrant();
            BigDecimal max = programme.financing().maxGrant();
            if (min != null && requested.compareTo(min) < 0) {
                errors.add(new FieldError("requestedAmount", "Die Zuwendung beträgt in diesem Programm mindestens "
                        + Euro.format(min)));
            }
            if (max != null && requested.compareTo(max) > 0) {
                errors.add(new FieldError("requestedAmount", "Die Zuwendung beträgt in diesem Programm höchstens "
                        + Euro.format(max)));
            }
        }
        return new Result(call.map(Call::key).orElse(null), errors);
    }

    record Result(String callKey, List<FieldError> errors) {
        boolean passed() {
            return errors.isEmpty();
        }
    }

    private static LocalDate date(Map<String, Object> data, String key) {
        Object value = data.get(key);
        return value == null || value.toString().isBlank() ? null : LocalDate.parse(value.toString());
    }

    private static BigDecimal amount(Map<String, Object> data, String key) {
        Object value = data.get(key);
        return value == null || value.toString().isBlank() ? null : new BigDecimal(value.toString());
    }
}
