package de.grantflow.forms;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.util.MultiValueMap;

/**
 * The parameters of a posted page form read back into the data the services take: numbers as {@link BigDecimal},
 * a checkbox as Boolean, a checklist as a list of its values, dates as ISO text, groups with a path as nested maps and
 * dynamic lists as lists of maps ({@code costPlan[0].amount}). Empty inputs are left out; a value that is not a
 * number stays text, so that the validator reports it at its field. Readonly and disabled fields are not read: their
 * data never comes from the user.
 * <p>
 * A button named {@code _add} (value: the path of a dynamic list) or {@code _remove} (value: the path of a row)
 * changes the rows instead of saving: {@link #rowsChanged()} tells the page to render the form again.
 */
public final class FormSubmission {

    public static final String ADD_ROW = "_add";
    public static final String REMOVE_ROW = "_remove";

    private static final Pattern ROW = Pattern.compile("^(.+)\\[(\\d+)]$");

    private final Map<String, Object> data;
    private final boolean rowsChanged;

    private FormSubmission(Map<String, Object> data, boolean rowsChanged) {
        this.data = data;
        this.rowsChanged = rowsChanged;
    }

    public static FormSubmission read(FormDefinition form, MultiValueMap<String, String> parameters) {
        Reader reader = new Reader(parameters);
        Map<String, Object> data = reader.level(form.components(), "");
        boolean changed = reader.addRow(data, parameters.getFirst(ADD_ROW))
                | reader.removeRow(data, parameters.getFirst(REMOVE_ROW));
        return new FormSubmission(data, changed);
    }

    public Map<String, Object> data() {
        return data;
    }

    /** The user added or removed a row: show the form again with the changed rows, store nothing. */
    public boolean rowsChanged() {
        return rowsChanged;
    }

    private static final class Reader {

        private final MultiValueMap<String, String> parameters;
        private final Map<String, List<Map<String, Object>>> lists = new LinkedHashMap<>();

        Reader(MultiValueMap<String, String> parameters) {
            this.parameters = parameters;
        }

        Map<String, Object> level(JsonNode components, String prefix) {
            Map<String, Object> result = new LinkedHashMap<>();
            for (JsonNode component : components) {
                String type = component.path("type").asText();
                switch (type) {
                    case "text", "button" -> {
                    }
                    case "group" -> {
                        String key = component.path("path").asText("");
                        if (key.isBlank()) {
                            result.putAll(level(component.path("components"), prefix));
                        } else {
                            Map<String, Object> nested = level(component.path("components"), prefix + key + ".");
                            if (!nested.isEmpty()) {
                                result.put(key, nested);
                            }
                        }
                    }
                    case "dynamiclist" -> {
                        String key = component.path("path").asText();
                        List<Map<String, Object>> rows = rows(component, prefix + key);
                        if (!rows.isEmpty()) {
                            result.put(key, rows);
                        }
                    }
                    default -> {
                        String key = component.path("key").asText("");
                        if (!key.isBlank() && !component.path("readonly").asBoolean(false)
                                && !component.path("disabled").asBoolean(false)) {
                            Object value = value(type, prefix + key);
                            if (value != null) {
                                result.put(key, value);
                            }
                        }
                    }
                }
            }
            return result;
        }

        /** A row exists when any parameter is posted under its path, even if all its inputs are empty. */
        private List<Map<String, Object>> rows(JsonNode component, String path) {
            Set<Integer> indexes = new TreeSet<>();
            Pattern row = Pattern.compile("^" + Pattern.quote(path) + "\\[(\\d{1,4})]\\.");
            for (String name : parameters.keySet()) {
                Matcher matcher = row.matcher(name);
                if (matcher.find()) {
                    indexes.add(Integer.valueOf(matcher.group(1)));
                }
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int index : indexes) {
                rows.add(level(component.path("components"), path + "[" + index + "]."));
            }
            lists.put(path, rows);
            return rows;
        }

        private Object value(String type, String name) {
            List<String> values = parameters.getOrDefault(name, List.of());
            return switch (type) {
                case "checkbox" -> values.contains("true");
                case "checklist" -> {
                    List<String> chosen = values.stream().filter(v -> !v.isBlank()).toList();
                    yield chosen.isEmpty() ? null : chosen;
                }
                case "number" -> {
                    String text = first(values);
                    yield text == null ? null : number(text.strip());
                }
                default -> first(values);
            };
        }

        private static String first(List<String> values) {
            return values.isEmpty() || values.get(0) == null || values.get(0).isBlank() ? null : values.get(0);
        }

        private static Object number(String text) {
            try {
                return new BigDecimal(text);
            } catch (NumberFormatException e) {
                return text;
            }
        }

        /**
         * Adds an empty row to the list at the path. The rows read are the very lists inside the data, so changing
         * them changes the data; an empty list not yet in the data is put there.
         */
        boolean addRow(Map<String, Object> data, String path) {
            if (path == null || !lists.containsKey(path)) {
                return false;
            }
            List<Map<String, Object>> rows = lists.get(path);
            rows.add(new LinkedHashMap<>());
            attach(data, path, rows);
            return true;
        }

        boolean removeRow(Map<String, Object> data, String rowPath) {
            Matcher matcher = rowPath == null ? null : ROW.matcher(rowPath);
            if (matcher == null || !matcher.matches() || !lists.containsKey(matcher.group(1))) {
                return false;
            }
            List<Map<String, Object>> rows = lists.get(matcher.group(1));
            int index = Integer.parseInt(matcher.group(2));
            if (index < rows.size()) {
                rows.remove(index);
            }
            attach(data, matcher.group(1), rows);
            return true;
        }

        /** Puts the list into its parent map (a row or a group), creating the groups on the way if they are absent. */
        @SuppressWarnings("unchecked")
        private void attach(Map<String, Object> data, String path, List<Map<String, Object>> rows) {
            Map<String, Object> parent = data;
            String[] segments = path.split("\\.");
            for (int i = 0; i < segments.length - 1; i++) {
                Matcher row = ROW.matcher(segments[i]);
                if (row.matches()) {
                    String before = String.join(".", Arrays.copyOfRange(segments, 0, i));
                    String list = (before.isEmpty() ? "" : before + ".") + row.group(1);
                    parent = lists.get(list).get(Integer.parseInt(row.group(2)));
                } else {
                    parent = (Map<String, Object>) parent.computeIfAbsent(segments[i], key -> new LinkedHashMap<>());
                }
            }
            parent.put(segments[segments.length - 1], rows);
        }
    }
}
