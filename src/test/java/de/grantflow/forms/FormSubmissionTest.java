package de.grantflow.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Posted page parameters read back into form data, and the same names the renderer gives its inputs. */
class FormSubmissionTest {

    private static final String FORM = """
            {"id": "everything", "schemaVersion": 16, "components": [
              {"type": "text", "text": "# Alles"},
              {"type": "textfield", "key": "title", "label": "Titel"},
              {"type": "textarea", "key": "text", "label": "Text"},
              {"type": "number", "key": "amount", "label": "Betrag", "decimalDigits": 2},
              {"type": "datetime", "key": "start", "subtype": "date", "dateLabel": "Beginn"},
              {"type": "select", "key": "kind", "label": "Art", "values": [{"label": "A", "value": "a"}]},
              {"type": "radio", "key": "answer", "label": "Antwort",
               "values": [{"label": "Ja", "value": "yes"}, {"label": "Nein", "value": "no"}]},
              {"type": "checkbox", "key": "agreed", "label": "Einverstanden"},
              {"type": "checkbox", "key": "declined", "label": "Abgelehnt"},
              {"type": "checklist", "key": "topics", "label": "Themen",
               "values": [{"label": "X", "value": "x"}, {"label": "Y", "value": "y"}, {"label": "Z", "value": "z"}]},
              {"type": "textfield", "key": "fixed", "label": "Fest", "readonly": true},
              {"type": "group", "label": "Ohne Pfad", "components": [
                {"type": "textfield", "key": "flat", "label": "Flach"}]},
              {"type": "group", "label": "Anschrift", "path": "address", "components": [
                {"type": "textfield", "key": "city", "label": "Ort"},
                {"type": "number", "key": "zip", "label": "PLZ"}]},
              {"type": "dynamiclist", "path": "costs", "label": "Kosten", "components": [
                {"type": "number", "key": "amount", "label": "Betrag"},
                {"type": "checkbox", "key": "paid", "label": "Bezahlt"},
                {"type": "dynamiclist", "path": "parts", "label": "Teile", "components": [
                  {"type": "textfield", "key": "name", "label": "Name"}]}]}
            ]}""";

    private final FormDefinition form = form();

    private static FormDefinition form() {
        try {
            return FormDefinition.parse(new ObjectMapper().readTree(FORM), FORM);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void readsEveryTypeIncludingNestedGroupsAndLists() {
        MultiValueMap<String, String> posted = new LinkedMultiValueMap<>();
        posted.add("title", "Lotsen");
        posted.add("text", "Zeile 1\nZeile 2");
        posted.add("amount", "1234.50");
        posted.add("start", "2026-06-01");
        posted.add("kind", "a");
        posted.add("answer", "no");
        posted.add("agreed", "true");
        posted.add("topics", "x");
        posted.add("topics", "z");
        posted.add("fixed", "from the browser");
        posted.add("flat", "eben");
        posted.add("address.city", "Dortmund");
        posted.add("address.zip", "");
        posted.add("costs[0].amount", "10");
        posted.add("costs[0].paid", "true");
        posted.add("costs[0].parts[0].name", "Schraube");
        posted.add("costs[0].parts[1].name", "Mutter");
        posted.add("costs[3].amount", "");

        Map<String, Object> data = FormSubmission.read(form, posted).data();

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("title", "Lotsen");
        expected.put("text", "Zeile 1\nZeile 2");
        expected.put("amount", new BigDecimal("1234.50"));
        expected.put("start", "2026-06-01");
        expected.put("kind", "a");
        expected.put("answer", "no");
        expected.put("agreed", true);
        expected.put("declined", false);
        expected.put("topics", List.of("x", "z"));
        expected.put("flat", "eben");
        expected.put("address", Map.of("city", "Dortmund"));
        expected.put("costs", List.of(
                Map.of("amount", new BigDecimal("10"), "paid", true,
                        "parts", List.of(Map.of("name", "Schraube"), Map.of("name", "Mutter"))),
                Map.of("paid", false)));
        assertThat(data).isEqualTo(expected);
        assertThat(FormSubmission.read(form, posted).rowsChanged()).isFalse();
    }

    @Test
    void whatTheRendererShowsIsReadBackUnchanged() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("title", "Lotsen");
        data.put("amount", new BigDecimal("80000.00"));
        data.put("start", "2026-06-01");
        data.put("answer", "yes");
        data.put("agreed", true);
        data.put("declined", false);
        data.put("topics", List.of("y"));
        data.put("address", Map.of("city", "Dortmund", "zip", new BigDecimal("44135")));
        data.put("costs", List.of(Map.of("amount", new BigDecimal("5"), "paid", false,
                "parts", List.of(Map.of("name", "Schraube")))));

        MultiValueMap<String, String> posted = post(FormView.of(form, data, List.of()).components());

        assertThat(FormSubmission.read(form, posted).data()).isEqualTo(data);
    }

    @Test
    void leavesEmptyInputsOutAndKeepsAWrongNumberAsTextForTheValidator() {
        MultiValueMap<String, String> posted = new LinkedMultiValueMap<>();
        posted.add("title", "  ");
        posted.add("amount", "viel");
        posted.add("address.city", "");

        Map<String, Object> data = FormSubmission.read(form, posted).data();

        assertThat(data).containsOnly(Map.entry("amount", "viel"), Map.entry("declined", false),
                Map.entry("agreed", false));
        assertThat(new FormValidator(new ObjectMapper()).validateDraft(form, data).errors())
                .containsExactly(new FieldError("amount", "Zahl erwartet"));
    }

    @Test
    void addsARowToANestedListAndRendersNothingStored() {
        MultiValueMap<String, String> posted = new LinkedMultiValueMap<>();
        posted.add("costs[0].amount", "10");
        posted.add(FormSubmission.ADD_ROW, "costs[0].parts");

        FormSubmission submission = FormSubmission.read(form, posted);

        assertThat(submission.rowsChanged()).isTrue();
        assertThat(submission.data().get("costs")).isEqualTo(List.of(Map.of("amount", new BigDecimal("10"),
                "paid", false, "parts", List.of(Map.of()))));
    }

    @Test
    void removesTheChosenRowAndKeepsTheOthersInOrder() {
        MultiValueMap<String, String> posted = new LinkedMultiValueMap<>();
        posted.add("costs[0].amount", "1");
        posted.add("costs[1].amount", "2");
        posted.add("costs[2].amount", "3");
        posted.add(FormSubmission.REMOVE_ROW, "costs[1]");

        FormSubmission submission = FormSubmission.read(form, posted);

        assertThat(submission.rowsChanged()).isTrue();
        assertThat(submission.data().get("costs")).isEqualTo(List.of(
                Map.of("amount", new BigDecimal("1"), "paid", false),
                Map.of("amount", new BigDecimal("3"), "paid", false)));
    }

    @Test
    void ignoresARowButtonForSomethingThatIsNoList() {
        MultiValueMap<String, String> posted = new LinkedMultiValueMap<>();
        posted.add(FormSubmission.ADD_ROW, "title");
        posted.add(FormSubmission.REMOVE_ROW, "title[0]");

        FormSubmission submission = FormSubmission.read(form, posted);

        assertThat(submission.rowsChanged()).isFalse();
        assertThat(submission.data()).doesNotContainKey("title");
    }

    /** What a browser posts for the rendered components: the value of each input under its name. */
    private static MultiValueMap<String, String> post(List<FormView.Component> components) {
        MultiValueMap<String, String> posted = new LinkedMultiValueMap<>();
        for (FormView.Component component : components) {
            switch (component.type()) {
                case "text" -> {
                }
                case "group" -> posted.addAll(post(component.children()));
                case "dynamiclist" -> component.rows().forEach(row -> posted.addAll(post(row.components())));
                case "checkbox" -> {
                    if (component.checked()) {
                        posted.add(component.path(), "true");
                    }
                }
                case "checklist" -> component.options().stream().filter(FormView.Option::selected)
                        .forEach(option -> posted.add(component.path(), option.value()));
                case "select", "radio" -> component.options().stream().filter(FormView.Option::selected)
                        .forEach(option -> posted.add(component.path(), option.value()));
                default -> {
                    if (!component.locked()) {
                        posted.add(component.path(), component.value() == null ? "" : component.value());
                    }
                }
            }
        }
        return posted;
    }
}
