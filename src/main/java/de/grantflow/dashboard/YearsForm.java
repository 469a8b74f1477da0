package de.grantflow.dashboard;

import de.grantflow.forms.FieldError;
import de.grantflow.forms.FormValidationException;
import de.grantflow.statistics.YearRange;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The years as typed into the form, empty for the programme's defaults. Each field is checked on its own first, then
 * the range by the statistics' rule; errors are message keys by field.
 */
record YearsForm(String from, String to) {

    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    Checked check(YearRange defaults) {
        Map<String, String> errors = new LinkedHashMap<>();
        Integer start = year(from, defaults.from(), "from", errors);
        Integer end = year(to, defaults.to(), "to", errors);
        if (!errors.isEmpty()) {
            return new Checked(null, errors);
        }
        try {
            return new Checked(new YearRange(start, end), Map.of());
        } catch (FormValidationException refused) {
            for (FieldError error : refused.errors()) {
                errors.put(error.field(), "dashboard.error.range");
            }
            return new Checked(null, errors);
        }
    }

    private static Integer year(String typed, int fallback, String field, Map<String, String> errors) {
        if (typed == null || typed.isBlank()) {
            return fallback;
        }
        if (!YEAR.matcher(typed.strip()).matches()) {
            errors.put(field, "dashboard.error.year");
            return null;
        }
        return Integer.valueOf(typed.strip());
    }

    /** The years to show, or the errors that keep them from being shown. */
    record Checked(YearRange years, Map<String, String> errors) {

        boolean valid() {
            return years != null;
        }
    }
}
