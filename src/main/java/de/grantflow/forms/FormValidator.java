package de.grantflow.forms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.grantflow.forms.FormDefinition.Field;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Validates submitted data against a Camunda Form on the server: required fields, types, ranges, lengths, patterns,
 * e-mail and phone, the options of selects, radios and checklists, nested groups and dynamic lists, unknown keys.
 */
@Component
public class FormValidator {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()/.-]{5,30}$");
    /** Amounts are stored as NUMERIC(14, 2): no form number may come near that unchecked. */
    private static final BigDecimal TOO_LARGE = new BigDecimal("1E12");
    private static final Set<String> TEXT_TYPES = Set.of("textfield", "textarea", "text", "html", "filepicker");

    private final ObjectMapper json;

    public FormValidator(ObjectMapper json) {
        this.json = json;
    }

    /** Full validation, as for a submission or a completed task. */
    public FormValidationResult validate(FormDefinition form, Map<String, Object> data) {
        return run(form, data, true);
    }

    /** Validation of a draft: types, ranges and options, but missing required fields are allowed. */
    public FormValidationResult validateDraft(FormDefinition form, Map<String, Object> data) {
        return run(form, data, false);
    }

    private FormValidationResult run(FormDefinition form, Map<String, Object> data, boolean complete) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Object> normalised = level(form.fields(), data == null ? Map.of() : data, "", complete, errors);
        return new FormValidationResult(normalised, errors);
    }

    private Map<String, Object> level(List<Field> fields, Map<String, Object> data, String prefix, boolean complete,
            List<FieldError> errors) {
        Map<String, Object> result = new LinkedHashMap<>();
        Set<String> known = fields.stream().map(Field::key).collect(Collectors.toSet());
        data.keySet().stream().filter(key -> !known.contains(key)).sorted()
                .forEach(key -> errors.add(new FieldError(prefix + key, "Unbekanntes Feld")));
        for (Field field : fields) {
            String path = prefix + field.key();
            Object value = plain(data.get(field.key()));
            if (isEmpty(value)) {
                if (complete && field.required()) {
                    errors.add(new FieldError(path, "Pflichtfeld"));
                }
                if ("checkbox".equals(field.type()) && (complete || data.containsKey(field.key()))) {
                    result.put(field.key(), Boolean.FALSE);
                }
                continue;
            }
            Object normalisedValue = value(field, value, path, complete, errors);
            if (normalisedValue != null) {
                result.put(field.key(), normalisedValue);
            }
        }
        return result;
    }

    private Object value(Field field, Object value, String path, boolean complete, List<FieldError> errors) {
        return switch (field.type()) {
            case "number" -> number(field, value, path, errors);
            case "checkbox" -> bool(value, path, errors);
            case "datetime" -> dateTime(field, value, path, errors);
            case "select", "radio" -> option(field, value, path, errors);
            case "checklist", "taglist" -> options(field, value, path, errors);
            case "group" -> nested(field, value, path, complete, errors);
            case "dynamiclist" -> list(field, value, path, complete, errors);
            default -> TEXT_TYPES.contains(field.type()) || value instanceof String
                    ? text(field, value, path, errors) : value;
        };
    }

    private String text(Field field, Object value, String path, List<FieldError> errors) {
        if (!(value instanceof String) && !(value instanceof Number) && !(value instanceof Boolean)) {
            errors.add(new FieldError(path, "Text erwartet"));
            return null;
        }
        String text = value.toString().strip();
        unprintable(path, text).ifPresent(errors::add);
        JsonNode validate = field.validate();
        if (validate.has("minLength") && text.length() < validate.path("minLength").asInt()) {
            errors.add(new FieldError(path, "Mindestens " + validate.path("minLength").asInt() + " Zeichen"));
        }
        if (validate.has("maxLength") && text.length() > validate.path("maxLength").asInt()) {
            errors.add(new FieldError(path, "Höchstens " + validate.path("maxLength").asInt() + " Zeichen"));
        }
        if (validate.hasNonNull("pattern") && !validate.path("pattern").asText().isEmpty()) {
            try {
                if (!Pattern.compile(validate.path("pattern").asText()).matcher(text).matches()) {
                    errors.add(new FieldError(path, "Entspricht nicht dem erwarteten Format"));
                }
            } catch (PatternSyntaxException e) {
                throw new IllegalStateException("Ungültiges Muster im Formular für " + path, e);
            }
        }
        String validationType = validate.path("validationType").asText("");
        if ("email".equals(validationType) && !EMAIL.matcher(text).matches()) {
            errors.add(new FieldError(path, "Keine gültige E-Mail-Adresse"));
        }
        if ("phone".equals(validationType) && !PHONE.matcher(text).matches()) {
            errors.add(new FieldError(path, "Keine gültige Telefonnummer"));
        }
        return text;
    }

    /**
     * Refuses control characters other than tab and line breaks, and bidirectional overrides and isolates, in any text
     * a user sends, in a form or beside one (a purpose, a reason, a title): no one types them, the database cannot
     * store a NUL, they garble letters, and an override makes a name or an amount read backwards on the page.
     */
    public static Optional<FieldError> unprintable(String field, String text) {
        if (text == null) {
            return Optional.empty();
        }
        if (text.indexOf('\u0000') >= 0) {
            return Optional.of(new FieldError(field, "Enthält ein Nullzeichen (U+0000), das nicht gespeichert werden"
                    + " kann"));
        }
        return text.codePoints().filter(c -> Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n'
                && c != '\r' || c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069).boxed().findFirst()
                .map(c -> new FieldError(field, String.format(
                        "Enthält das Steuerzeichen U+%04X, das in Anträgen und Schreiben nicht vorkommen darf", c)));
    }

    private BigDecimal number(Field field, Object value, String path, List<FieldError> errors) {
        BigDecimal number;
        try {
            number = value instanceof BigDecimal d ? d : new BigDecimal(value.toString().strip());
        } catch (NumberFormatException e) {
            errors.add(new FieldError(path, "Zahl erwartet"));
            return null;
        }
        if (value instanceof Boolean) {
            errors.add(new FieldError(path, "Zahl erwartet"));
            return null;
        }
        if (number.abs().compareTo(TOO_LARGE) >= 0) {
            errors.add(new FieldError(path, "Zu groß: höchstens 12 Stellen vor dem Komma"));
            return null;
        }
        JsonNode definition = field.definition();
        if (definition.has("decimalDigits") && number.stripTrailingZeros().scale() > definition.path("decimalDigits")
                .asInt()) {
            int digits = definition.path("decimalDigits").asInt();
            errors.add(new FieldError(path, digits == 0 ? "Ganze Zahl erwartet"
                    : "Höchstens " + digits + " Nachkommastellen"));
        }
        JsonNode validate = field.validate();
        if (validate.has("min") && number.compareTo(validate.path("min").decimalValue()) < 0) {
            errors.add(new FieldError(path, "Mindestens " + validate.path("min").decimalValue().toPlainString()));
        }
        if (validate.has("max") && number.compareTo(validate.path("max").decimalValue()) > 0) {
            errors.add(new FieldError(path, "Höchstens " + validate.path("max").decimalValue().toPlainString()));
        }
        return number;
    }

    private Boolean bool(Object value, String path, List<FieldError> errors) {
        if (value instanceof Boolean b) {
            return b;
        }
        if ("true".equals(value) || "false".equals(value)) {
            return Boolean.valueOf((String) value);
        }
        errors.add(new FieldError(path, "Ja oder nein (true/false) erwartet"));
        return null;
    }

    private String dateTime(Field field, Object value, String path, List<FieldError> errors) {
        String text = value.toString().strip();
        String subtype = field.definition().path("subtype").asText("date");
        try {
            switch (subtype) {
                case "time" -> LocalTime.parse(text);
                case "datetime" -> OffsetDateTime.parse(text);
                default -> LocalDate.parse(text);
            }
            return text;
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(path, switch (subtype) {
                case "time" -> "Ungültige Uhrzeit (erwartet HH:MM)";
                case "datetime" -> "Ungültiger Zeitpunkt (erwartet ISO 8601 mit Zeitzone)";
                default -> "Ungültiges Datum (erwartet JJJJ-MM-TT)";
            }));
            return null;
        }
    }

    private String option(Field field, Object value, String path, List<FieldError> errors) {
        String text = value.toString();
        if (!field.options().isEmpty() && !field.options().contains(text)) {
            errors.add(new FieldError(path, "Ungültiger Wert: " + text + "; erlaubt: "
                    + String.join(", ", field.options())));
            return null;
        }
        return text;
    }

    private List<String> options(Field field, Object value, String path, List<FieldError> errors) {
        if (!(value instanceof Collection<?> values)) {
            errors.add(new FieldError(path, "Liste von Werten erwartet"));
            return null;
        }
        List<String> chosen = values.stream().map(String::valueOf).toList();
        List<String> invalid = chosen.stream().filter(v -> !field.options().isEmpty() && !field.options().contains(v))
                .toList();
        if (!invalid.isEmpty()) {
            errors.add(new FieldError(path, "Ungültige Werte: " + String.join(", ", invalid) + "; erlaubt: "
                    + String.join(", ", field.options())));
            return null;
        }
        return chosen;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> nested(Field field, Object value, String path, boolean complete,
            List<FieldError> errors) {
        if (!(value instanceof Map<?, ?> map)) {
            errors.add(new FieldError(path, "Objekt erwartet"));
            return null;
        }
        return level(field.children(), (Map<String, Object>) map, path + ".", complete, errors);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> list(Field field, Object value, String path, boolean complete,
            List<FieldError> errors) {
        if (!(value instanceof List<?> items)) {
            errors.add(new FieldError(path, "Liste erwartet"));
            return null;
        }
        List<Map<String, Object>> result = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof Map<?, ?> item) {
                result.add(level(field.children(), (Map<String, Object>) item, path + "[" + i + "].", complete,
                        errors));
            } else {
                errors.add(new FieldError(path + "[" + i + "]", "Objekt erwartet"));
            }
        }
        return result;
    }

    /** Values from the engine may come as Spin JSON; they are read as plain lists and maps. */
    private Object plain(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Map || value instanceof List) {
            return value;
        }
        if (value.getClass().getName().contains("spin")) {
            try {
                return json.readValue(value.toString(), Object.class);
            } catch (JsonProcessingException e) {
                return value.toString();
            }
        }
        return value;
    }

    private static boolean isEmpty(Object value) {
        return value == null || value instanceof String s && s.isBlank()
                || value instanceof Collection<?> c && c.isEmpty();
    }
}
