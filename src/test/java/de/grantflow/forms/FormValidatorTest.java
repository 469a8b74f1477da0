package de.grantflow.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The server-side validation against the real form files of the repository. */
class FormValidatorTest {

    private final ObjectMapper json = new ObjectMapper();
    private final FormCatalog forms = catalog();
    private final FormValidator validator = new FormValidator(json);

    private FormCatalog catalog() {
        try {
            return new FormCatalog(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void acceptsACompleteApplicationAndNormalisesIt() {
        FormValidationResult result = validator.validate(forms.get("kommin-nrw-application"), application());
        assertThat(result.errors()).isEmpty();
        assertThat(result.data().get("totalCosts")).isEqualTo(new BigDecimal("80000"));
        assertThat(result.data().get("projectTitle")).isEqualTo("Lotsen");
        assertThat(result.data().get("hasForeignersAuthority")).isEqualTo(true);
    }

    @ParameterizedTest(name = "{0}={1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "projectTitle|   |Pflichtfeld",
            "contactEmail|keine-adresse|Keine gültige E-Mail-Adresse",
            "postalCode|4413|Entspricht nicht dem erwarteten Format",
            "projectStart|01.06.2026|Ungültiges Datum (erwartet JJJJ-MM-TT)",
            "totalCosts|-1|Mindestens 0",
            "totalCosts|viel|Zahl erwartet",
            "totalCosts|1e12|Zu groß: höchstens 12 Stellen vor dem Komma",
            "requestedAmount|10.001|Höchstens 2 Nachkommastellen",
            "foerderschwerpunkt|irgendwas|Ungültiger Wert: irgendwas; erlaubt: transparenz, vernetzung, strategische-steuerung",
            "hasForeignersAuthority|vielleicht|Ja oder nein (true/false) erwartet",
            "unbekannt|x|Unbekanntes Feld"})
    void refusesWhatBreaksTheForm(String field, String value, String message) {
        Map<String, Object> data = application();
        data.put(field, value == null ? "" : value);
        assertThat(validator.validate(forms.get("kommin-nrw-application"), data).errors())
                .contains(new FieldError(field, message));
    }

    @ParameterizedTest(name = "U+{0}")
    @CsvSource({"0007", "001B", "007F", "0085", "202E", "2066"})
    void refusesControlCharactersAndDirectionOverridesAtTheirField(String hex) {
        Map<String, Object> data = application();
        data.put("projectTitle", "Lotsen" + Character.toString(Integer.parseInt(hex, 16)) + "projekt");
        assertThat(validator.validateDraft(forms.get("kommin-nrw-application"), data).errors()).containsExactly(
                new FieldError("projectTitle", "Enthält das Steuerzeichen U+" + hex
                        + ", das in Anträgen und Schreiben nicht vorkommen darf"));
    }

    @Test
    void keepsTabsLineBreaksAndLettersOfEveryScript() {
        Map<String, Object> data = application();
        // a right-to-left mark (U+200F) is not an override: it only places Arabic text among German
        data.put("description", "Erste Zeile\r\n\tzweite Zeile: Ștefan Łukasz, Ελένη, \u200Fعربي, 😀");
        FormValidationResult result = validator.validate(forms.get("kommin-nrw-application"), data);
        assertThat(result.errors()).isEmpty();
        assertThat(result.data().get("description")).isEqualTo(data.get("description"));
    }

    @Test
    void refusesTooLongTextAndReportsEveryError() {
        Map<String, Object> data = application();
        data.put("projectTitle", "x".repeat(201));
        data.remove("contactName");
        assertThat(validator.validate(forms.get("kommin-nrw-application"), data).errors()).containsExactlyInAnyOrder(
                new FieldError("projectTitle", "Höchstens 200 Zeichen"), new FieldError("contactName", "Pflichtfeld"));
    }

    @Test
    void validatesDynamicListsWithTheIndexInThePath() {
        Map<String, Object> data = application();
        data.put("costPlan", List.of(Map.of("category", "personal", "amount", 1000),
                Map.of("category", "luxus", "amount", -5)));
        assertThat(validator.validate(forms.get("kommin-nrw-application"), data).errors()).containsExactlyInAnyOrder(
                new FieldError("costPlan[1].category", "Ungültiger Wert: luxus; erlaubt: personal, sachkosten,"
                        + " honorare, sonstiges"),
                new FieldError("costPlan[1].amount", "Mindestens 0"));
    }

    @Test
    void aDraftMayLackRequiredFieldsButNotBreakTypes() {
        FormDefinition form = forms.get("kommin-nrw-application");
        assertThat(validator.validateDraft(form, Map.of("projectTitle", "Nur ein Titel")).errors()).isEmpty();
        assertThat(validator.validateDraft(form, Map.of("totalCosts", "abc")).errors())
                .containsExactly(new FieldError("totalCosts", "Zahl erwartet"));
    }

    @Test
    void checksTaskFormsIncludingChecklistsAndIntegers() {
        FormDefinition review = forms.get("substantive-review");
        assertThat(validator.validate(review, Map.of("score", 80, "recommendation", "approve",
                "proposedAmount", 1000, "justification", "gut", "criteriaMet", List.of("innovation"))).errors())
                .isEmpty();
        assertThat(validator.validate(review, Map.of("score", 80.5, "recommendation", "approve",
                "proposedAmount", 1000, "justification", "gut", "criteriaMet", List.of("glück"))).errors())
                .containsExactlyInAnyOrder(new FieldError("score", "Ganze Zahl erwartet"),
                        new FieldError("criteriaMet", "Ungültige Werte: glück; erlaubt: zielgruppe, innovation,"
                                + " nachhaltigkeit, vernetzung, wirtschaftlichkeit"));
    }

    static Map<String, Object> application() {
        Map<String, Object> data = new HashMap<>();
        data.put("projectTitle", " Lotsen ");
        data.put("description", "Beschreibung");
        data.put("projectStart", "2026-06-01");
        data.put("projectEnd", "2027-05-31");
        data.put("totalCosts", 80000);
        data.put("ownContribution", "20000.00");
        data.put("requestedAmount", 40000);
        data.put("contactName", "Anna Schäfer");
        data.put("contactEmail", "anna.schaefer@stadtdo.de");
        data.put("street", "Friedensplatz 1");
        data.put("postalCode", "44135");
        data.put("city", "Dortmund");
        data.put("foerderschwerpunkt", "vernetzung");
        data.put("projektschwerpunkt", "lotsensysteme");
        data.put("hasForeignersAuthority", true);
        return data;
    }
}
