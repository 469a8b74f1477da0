package de.grantflow.forms;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** A Camunda Form: its id, its JSON as deployed, and the tree of components that carry data. */
public final class FormDefinition {

    private final String id;
    private final String json;
    private final List<Field> fields;
    private final JsonNode components;

    FormDefinition(String id, String json, List<Field> fields, JsonNode components) {
        this.id = id;
        this.json = json;
        this.fields = List.copyOf(fields);
        this.components = components;
    }

    static FormDefinition parse(JsonNode root, String json) {
        String id = root.path("id").asText(null);
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("Formular ohne id");
        }
        return new FormDefinition(id, json, fields(root.path("components")), root.path("components"));
    }

    public String id() {
        return id;
    }

    /** The keys of the top-level fields that take one of fixed options (select, radio): answers that can be counted. */
    public java.util.Set<String> choiceKeys() {
        java.util.Set<String> keys = new java.util.LinkedHashSet<>();
        collectChoices(fields, keys);
        return keys;
    }

    private static void collectChoices(List<Field> fields, java.util.Set<String> keys) {
        for (Field field : fields) {
            if ("select".equals(field.type()) || "radio".equals(field.type())) {
                keys.add(field.key());
            }
        }
    }

    /**
     * The keys of the fields that hold personal data, marked in the form with the custom property
     * {@code "personalData": "true"}: they are removed when a case is anonymised after its retention period.
     */
    public java.util.Set<String> personalDataKeys() {
        java.util.Set<String> keys = new java.util.LinkedHashSet<>();
        for (Field field : fields) {
            if (field.definition().path("properties").path("personalData").asBoolean(false)) {
                keys.add(field.key());
            }
        }
        return keys;
    }

    public String json() {
        return json;
    }

    List<Field> fields() {
        return fields;
    }

    /** Every component as laid out in the JSON, including texts and groups without a path, for rendering. */
    JsonNode components() {
        return components;
    }

    private static List<Field> fields(JsonNode components) {
        List<Field> result = new ArrayList<>();
        for (JsonNode component : components) {
            String type = component.path("type").asText();
            switch (type) {
                case "group" -> {
                    List<Field> children = fields(component.path("components"));
                    String path = component.path("path").asText("");
                    if (path.isBlank()) {
                        result.addAll(children);
                    } else {
                        result.add(new Field(path, "group", label(component), component.path("validate"),
                                List.of(), children));
                    }
                }
                case "dynamiclist" -> result.add(new Field(component.path("path").asText(), "dynamiclist",
                        label(component), component.path("validate"), List.of(), fields(component.path("components"))));
                default -> {
                    String key = component.path("key").asText("");
                    if (!key.isBlank() && !"button".equals(type)) {
                        result.add(new Field(key, type, label(component), component, options(component), List.of()));
                    }
                }
            }
        }
        return result;
    }

    private static String label(JsonNode component) {
        return component.path("label").asText(component.path("key").asText(""));
    }

    private static List<String> options(JsonNode component) {
        List<String> values = new ArrayList<>();
        component.path("values").forEach(v -> values.add(v.path("value").asText()));
        return values;
    }

    /** A data-carrying component; groups with a path and dynamic lists have children. */
    record Field(String key, String type, String label, JsonNode definition, List<String> options,
            List<Field> children) {

        JsonNode validate() {
            return "group".equals(type) || "dynamiclist".equals(type) ? definition : definition.path("validate");
        }

        boolean required() {
            return validate().path("required").asBoolean(false);
        }
    }
}
