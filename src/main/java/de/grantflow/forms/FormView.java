package de.grantflow.forms;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * A Camunda Form prepared for a page: every component with its HTML name (the key path that {@link FieldError}
 * uses), its id, its current value and its errors, in the order of the form. The fragment
 * {@code fragments/form :: fields(form)} renders it as inputs, {@code fragments/form :: values(form)} as a read-only
 * list; {@link FormSubmission} reads the posted inputs back.
 */
public final class FormView {

    private final String formId;
    private final List<Component> components;
    private final List<ErrorLink> errors;

    private FormView(String formId, List<Component> components, List<ErrorLink> errors) {
        this.formId = formId;
        this.components = components;
        this.errors = errors;
    }

    /** The form with the given data (as stored or as just posted) and the errors the services reported. */
    public static FormView of(FormDefinition form, Map<String, ?> data, List<FieldError> errors) {
        return of(form, data, errors, "");
    }

    /**
     * As {@link #of(FormDefinition, Map, List)}, with the HTML ids prefixed, for a page that shows several forms
     * (the names of the inputs stay the key paths).
     */
    public static FormView of(FormDefinition form, Map<String, ?> data, List<FieldError> errors, String idPrefix) {
        Map<String, List<String>> byPath = new LinkedHashMap<>();
        for (FieldError error : errors) {
            byPath.computeIfAbsent(error.field(), path -> new ArrayList<>()).add(error.message());
        }
        Builder builder = new Builder(byPath, LocaleContextHolder.getLocale(), headingOffset(form.components()),
                idPrefix);
        List<Component> components = builder.level(form.components(), data == null ? Map.of() : data, "");
        List<ErrorLink> links = errors.stream().map(error -> {
            Component target = builder.targets.get(error.field());
            return target == null ? new ErrorLink(null, error.field(), error.message())
                    : new ErrorLink(target.focusId(), target.label(), error.message());
        }).toList();
        return new FormView(form.id(), components, links);
    }

    public String formId() {
        return formId;
    }

    public List<Component> components() {
        return components;
    }

    /** Every error in the order reported, linked to its field where the field is on the form. */
    public List<ErrorLink> errors() {
        return errors;
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** The HTML id of a key path: only letters, digits and dashes, so it is a valid fragment identifier. */
    static String htmlId(String path) {
        return "f-" + path.replaceAll("[^A-Za-z0-9_]+", "-").replaceAll("-$", "");
    }

    /**
     * The smallest markdown heading level among the form's texts becomes h2: the page has the one h1, and a form
     * that starts at "##" does not skip a level.
     */
    private static int headingOffset(JsonNode components) {
        int smallest = smallestHeading(components);
        return smallest == Integer.MAX_VALUE ? 1 : 2 - smallest;
    }

    private static int smallestHeading(JsonNode components) {
        int smallest = Integer.MAX_VALUE;
        for (JsonNode component : components) {
            if ("text".equals(component.path("type").asText())) {
                for (String line : component.path("text").asText("").split("\\R")) {
                    int level = headingLevel(line);
                    if (level > 0) {
                        smallest = Math.min(smallest, level);
                    }
                }
            }
            smallest = Math.min(smallest, smallestHeading(component.path("components")));
        }
        return smallest;
    }

    private static int headingLevel(String line) {
        int level = 0;
        while (level < line.length() && line.charAt(level) == '#') {
            level++;
        }
        return level > 0 && level <= 6 && line.length() > level && line.charAt(level) == ' ' ? level : 0;
    }

    /** One component of the form; which of its parts matter depends on its type. */
    public record Component(String type, String path, String id, String label, String description, boolean required,
            boolean readonly, boolean disabled, String value, List<String> selected, List<Option> options,
            Input input, List<Block> blocks, List<Component> children, List<Row> rows, boolean allowAddRemove,
            List<String> errors, Locale locale) {

        public boolean invalid() {
            return !errors.isEmpty();
        }

        public String errorId() {
            return id + "-error";
        }

        public String descriptionId() {
            return id + "-hint";
        }

        public String suffixId() {
            return id + "-suffix";
        }

        /** The ids of the texts that describe the input, or null when there are none (the attribute is left out). */
        public String describedBy() {
            List<String> ids = new ArrayList<>();
            if (description != null) {
                ids.add(descriptionId());
            }
            if (input != null && input.suffix() != null) {
                ids.add(suffixId());
            }
            if (invalid()) {
                ids.add(errorId());
            }
            return ids.isEmpty() ? null : String.join(" ", ids);
        }

        /** Where a link of the error summary leads: the first option of a radio group or checklist. */
        public String focusId() {
            return ("radio".equals(type) || "checklist".equals(type)) && !options.isEmpty() ? optionId(0) : id;
        }

        public String optionId(int index) {
            return id + "-" + index;
        }

        public boolean checked() {
            return "true".equals(value);
        }

        /** Readonly and disabled fields are shown but not posted: their data does not come from the user. */
        public boolean locked() {
            return readonly || disabled;
        }

        public boolean hasValue() {
            return value != null && !value.isEmpty() || !selected.isEmpty() || "checkbox".equals(type);
        }

        /** The value in words for a read-only page: option labels, dates and amounts as written in the locale. */
        public String displayValue() {
            return switch (type) {
                case "select", "radio" -> optionLabel(value);
                case "checklist" -> selected.stream().map(this::optionLabel).collect(Collectors.joining(", "));
                case "number" -> value == null ? null : amount(value)
                        + (input != null && input.suffix() != null ? " " + input.suffix() : "");
                case "datetime" -> value == null ? null : date(value);
                default -> value;
            };
        }

        private String optionLabel(String chosen) {
            return options.stream().filter(option -> option.value().equals(chosen)).map(Option::label).findFirst()
                    .orElse(chosen);
        }

        private String amount(String number) {
            try {
                BigDecimal decimal = new BigDecimal(number);
                NumberFormat format = NumberFormat.getNumberInstance(locale);
                format.setMinimumFractionDigits(Math.max(0, Math.min(decimal.scale(), 2)));
                format.setMaximumFractionDigits(Math.max(decimal.scale(), 0));
                return format.format(decimal);
            } catch (NumberFormatException e) {
                return number;
            }
        }

        private String date(String text) {
            try {
                return LocalDate.parse(text).format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                        .withLocale(locale));
            } catch (DateTimeParseException e) {
                return text;
            }
        }
    }

    /** How an input is typed and bounded in HTML; the server validates the same bounds again. */
    public record Input(String type, String step, String min, String max, Integer maxLength, String pattern,
            String prefix, String suffix) {
    }

    /** An option of a select, radio group or checklist, and whether it is chosen. */
    public record Option(String value, String label, boolean selected) {
    }

    /** A row of a dynamic list: its position (from 0), its key path ("costPlan[0]") and its fields. */
    public record Row(int index, String path, String id, List<Component> components, List<String> errors) {

        public int number() {
            return index + 1;
        }

        public boolean invalid() {
            return !errors.isEmpty();
        }

        public String errorId() {
            return id + "-error";
        }
    }

    /** A heading (level 2 to 6) or a paragraph (level 0) of a text component; plain text, rendered escaped. */
    public record Block(int level, String text) {

        public boolean heading() {
            return level > 0;
        }
    }

    /** An entry of the error summary; target is the id of the field, null when the error belongs to no field. */
    public record ErrorLink(String target, String label, String message) {
    }

    /** Walks the JSON tree once, with the data at each level and the key path prefix. */
    private static final class Builder {

        private final Map<String, List<String>> errors;
        private final Locale locale;
        private final int headingOffset;
        private final String idPrefix;
        private final Map<String, Component> targets = new LinkedHashMap<>();

        Builder(Map<String, List<String>> errors, Locale locale, int headingOffset, String idPrefix) {
            this.errors = errors;
            this.locale = locale;
            this.headingOffset = headingOffset;
            this.idPrefix = idPrefix;
        }

        private String id(String path) {
            return htmlId(idPrefix + path);
        }

        List<Component> level(JsonNode components, Map<String, ?> data, String prefix) {
            List<Component> result = new ArrayList<>();
            for (JsonNode component : components) {
                String type = component.path("type").asText();
                Component built = switch (type) {
                    case "text" -> text(component);
                    case "group" -> group(component, data, prefix);
                    case "dynamiclist" -> list(component, data, prefix);
                    default -> component.path("key").asText("").isBlank() || "button".equals(type) ? null
                            : field(component, type, data, prefix);
                };
                if (built != null) {
                    result.add(built);
                }
            }
            return result;
        }

        private Component text(JsonNode component) {
            List<Block> blocks = new ArrayList<>();
            StringBuilder paragraph = new StringBuilder();
            for (String line : component.path("text").asText("").split("\\R")) {
                int level = headingLevel(line);
                if (level > 0 || line.isBlank()) {
                    flush(paragraph, blocks);
                }
                if (level > 0) {
                    blocks.add(new Block(Math.min(6, Math.max(2, level + headingOffset)),
                            plain(line.substring(level).strip())));
                } else if (!line.isBlank()) {
                    paragraph.append(paragraph.isEmpty() ? "" : " ").append(plain(line.strip()));
                }
            }
            flush(paragraph, blocks);
            return new Component("text", null, null, null, null, false, false, false, null, List.of(), List.of(),
                    null, blocks, List.of(), List.of(), false, List.of(), locale);
        }

        private static void flush(StringBuilder paragraph, List<Block> blocks) {
            if (!paragraph.isEmpty()) {
                blocks.add(new Block(0, paragraph.toString()));
                paragraph.setLength(0);
            }
        }

        /** Emphasis markers would only show as stray characters: the text is shown plain. */
        private static String plain(String line) {
            return line.replaceAll("\\*\\*|__|`", "");
        }

        private Component group(JsonNode component, Map<String, ?> data, String prefix) {
            String key = component.path("path").asText("");
            String path = key.isBlank() ? null : prefix + key;
            List<Component> children = key.isBlank() ? level(component.path("components"), data, prefix)
                    : level(component.path("components"), map(data.get(key)), path + ".");
            String id = path == null ? id("g-" + component.path("id").asText()) : id(path);
            return register(new Component("group", path, id, component.path("label").asText(null),
                    description(component), false, false, false, null, List.of(), List.of(), null, List.of(),
                    children, List.of(), false, errorsAt(path), locale));
        }

        private Component list(JsonNode component, Map<String, ?> data, String prefix) {
            String key = component.path("path").asText();
            String path = prefix + key;
            Object value = data.get(key);
            List<?> items = value instanceof List<?> list ? list
                    : Collections.nCopies(component.path("defaultRepetitions").asInt(0), Map.of());
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                String rowPath = path + "[" + i + "]";
                Row row = new Row(i, rowPath, id(rowPath),
                        level(component.path("components"), map(items.get(i)), rowPath + "."), errorsAt(rowPath));
                targets.put(rowPath, new Component("row", rowPath, row.id(),
                        component.path("label").asText(key) + " " + (i + 1), null, false, false, false, null,
                        List.of(), List.of(), null, List.of(), List.of(), List.of(), false, row.errors(), locale));
                rows.add(row);
            }
            return register(new Component("dynamiclist", path, id(path), component.path("label").asText(key),
                    description(component), component.path("validate").path("required").asBoolean(false),
                    false, false, null, List.of(), List.of(), null, List.of(), List.of(), rows,
                    component.path("allowAddRemove").asBoolean(true), errorsAt(path), locale));
        }

        private Component field(JsonNode component, String type, Map<String, ?> data, String prefix) {
            String key = component.path("key").asText();
            String path = prefix + key;
            Object value = data.get(key);
            List<String> selected = value instanceof Collection<?> values
                    ? values.stream().map(String::valueOf).toList() : List.of();
            List<Option> options = new ArrayList<>();
            for (JsonNode option : component.path("values")) {
                String optionValue = option.path("value").asText();
                options.add(new Option(optionValue, option.path("label").asText(optionValue),
                        "checklist".equals(type) ? selected.contains(optionValue)
                                : optionValue.equals(scalar(value))));
            }
            JsonNode validate = component.path("validate");
            return register(new Component(type, path, id(path), label(component, type, key),
                    description(component), validate.path("required").asBoolean(false),
                    component.path("readonly").asBoolean(false), component.path("disabled").asBoolean(false),
                    scalar(value), selected, options, input(component, type), List.of(), List.of(), List.of(),
                    false, errorsAt(path), locale));
        }

        private static String label(JsonNode component, String type, String key) {
            if ("datetime".equals(type)) {
                return component.path("dateLabel").asText(component.path("timeLabel").asText(key));
            }
            return component.path("label").asText(key);
        }

        private static String description(JsonNode component) {
            String description = component.path("description").asText("");
            return description.isBlank() ? null : description;
        }

        private static Input input(JsonNode component, String type) {
            JsonNode validate = component.path("validate");
            JsonNode appearance = component.path("appearance");
            String htmlType = switch (type) {
                case "number" -> "number";
                case "datetime" -> switch (component.path("subtype").asText("date")) {
                    case "time" -> "time";
                    case "datetime" -> "text";
                    default -> "date";
                };
                default -> switch (validate.path("validationType").asText("")) {
                    case "email" -> "email";
                    case "phone" -> "tel";
                    default -> "text";
                };
            };
            String step = null;
            if ("number".equals(type)) {
                step = component.has("decimalDigits")
                        ? BigDecimal.ONE.movePointLeft(component.path("decimalDigits").asInt()).toPlainString()
                        : "any";
            }
            return new Input(htmlType, step, number(validate, "min"), number(validate, "max"),
                    validate.has("maxLength") ? validate.path("maxLength").asInt() : null,
                    validate.path("pattern").asText("").isBlank() ? null : validate.path("pattern").asText(),
                    text(appearance, "prefixAdorner"), text(appearance, "suffixAdorner"));
        }

        private static String number(JsonNode validate, String name) {
            return validate.has(name) ? validate.path(name).decimalValue().toPlainString() : null;
        }

        private static String text(JsonNode node, String name) {
            String text = node.path(name).asText("");
            return text.isBlank() ? null : text;
        }

        private List<String> errorsAt(String path) {
            return path == null ? List.of() : errors.getOrDefault(path, List.of());
        }

        private Component register(Component component) {
            if (component.path() != null) {
                targets.put(component.path(), component);
            }
            return component;
        }

        @SuppressWarnings("unchecked")
        private static Map<String, ?> map(Object value) {
            return value instanceof Map<?, ?> map ? (Map<String, ?>) map : Map.of();
        }

        /** Numbers are shown as plain decimals (what an HTML number input takes), everything else as text. */
        private static String scalar(Object value) {
            if (value == null || value instanceof Collection<?> || value instanceof Map<?, ?>) {
                return null;
            }
            if (value instanceof BigDecimal decimal) {
                return decimal.toPlainString();
            }
            if (value instanceof Number number) {
                return new BigDecimal(number.toString()).toPlainString();
            }
            return Objects.toString(value);
        }
    }
}
