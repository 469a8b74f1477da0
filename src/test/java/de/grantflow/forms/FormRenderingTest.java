package de.grantflow.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** Every form of the repository rendered by templates/fragments/form.html, as the pages render it. */
class FormRenderingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TAG = Pattern.compile("<(input|select|textarea|fieldset)\\b[^>]*>");

    private final SpringTemplateEngine templates = templates();

    @BeforeEach
    void german() {
        LocaleContextHolder.setLocale(Locale.GERMAN);
    }

    @AfterEach
    void reset() {
        LocaleContextHolder.resetLocaleContext();
    }

    static Stream<String> formFiles() throws IOException {
        List<String> names = new ArrayList<>();
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
            names.add(resource.getFilename());
        }
        assertThat(names).hasSizeGreaterThan(10);
        return names.stream().sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formFiles")
    void rendersEveryFormWithALabelForEachInput(String file) throws IOException {
        FormDefinition form = load(file);

        String html = fields(FormView.of(form, Map.of(), List.of()));

        List<String> inputs = ids(html, "input", "select", "textarea");
        assertThat(inputs).isNotEmpty();
        for (String id : inputs) {
            assertThat(html).as("label for " + id).contains("<label for=\"" + id + "\"");
        }
        assertThat(html).doesNotContain("aria-invalid").doesNotContain("error-summary");
        assertThat(values(FormView.of(form, Map.of(), List.of()))).startsWith("<dl class=\"form-values\">");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formFiles")
    void showsAnErrorAtEveryField(String file) throws IOException {
        FormDefinition form = load(file);
        FormView empty = FormView.of(form, oneRowInEveryList(form), List.of());
        List<FieldError> errors = new ArrayList<>();
        paths(empty.components(), errors);

        FormView view = FormView.of(form, oneRowInEveryList(form), errors);
        String html = fields(view);

        assertThat(html).contains("role=\"alert\"");
        assertThat(view.errors()).hasSameSizeAs(errors);
        for (int i = 0; i < errors.size(); i++) {
            String field = errors.get(i).field();
            String id = FormView.htmlId(field);
            assertThat(html).as(field).contains("id=\"" + id + "-error\"");
            assertThat(view.errors().get(i).target()).as(field).startsWith(id);
            String tag = tagWithId(html, view.errors().get(i).target());
            assertThat(tag).as(field).contains("aria-describedby=\"").contains(id + "-error");
            if (!tag.startsWith("<fieldset")) {
                assertThat(tag).contains("aria-invalid=\"true\"");
            }
        }
    }

    @Test
    void tiesATextfieldToItsLabelAndItsErrorAndLinksTheSummaryToIt() throws IOException {
        FormDefinition form = load("kommin-nrw-application.form");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("projectTitle", "Lotsen <b>NRW</b>");
        data.put("costPlan", List.of(Map.of("category", "personal")));

        String html = fields(FormView.of(form, data, List.of(new FieldError("costPlan[0].amount", "Pflichtfeld"),
                new FieldError("postalCode", "Entspricht nicht dem erwarteten Format"))));

        assertThat(html).containsPattern("<label for=\"f-projectTitle\">\\s*Titel des Projekts<span\\s+class=\"required-mark\"");
        assertThat(tagWithId(html, "f-projectTitle")).contains("name=\"projectTitle\"", "type=\"text\"",
                "value=\"Lotsen &lt;b&gt;NRW&lt;/b&gt;\"").doesNotContain("aria-invalid");
        assertThat(tagWithId(html, "f-costPlan-0-amount")).contains("name=\"costPlan[0].amount\"",
                "aria-invalid=\"true\"", "aria-describedby=\"f-costPlan-0-amount-suffix f-costPlan-0-amount-error\"",
                "step=\"0.01\"");
        assertThat(html).containsPattern("id=\"f-costPlan-0-amount-error\">\\s*<span class=\"visually-hidden\">"
                + "Fehler:</span> Pflichtfeld");
        assertThat(html).contains("<a href=\"#f-costPlan-0-amount\">Betrag: Pflichtfeld</a>",
                "<a href=\"#f-postalCode\">Postleitzahl: Entspricht nicht dem erwarteten Format</a>");
        assertThat(tagWithId(html, "f-costPlan-0-category")).contains("name=\"costPlan[0].category\"");
        assertThat(html).contains("<option value=\"personal\" selected=\"selected\">Personalausgaben</option>",
                "name=\"_remove\" value=\"costPlan[0]\"", "name=\"_add\" value=\"costPlan\"");
        assertThat(html).contains("<h2>Antrag auf Förderung aus KOMM-IN NRW</h2>",
                "<p>Innovation in der kommunalen Integrationsarbeit</p>");
    }

    @Test
    void rendersTextEscapedWithHeadingsBelowThePageHeading() throws IOException {
        String json = """
                {"id": "t", "components": [{"type": "text", "text": "## Titel\\nEin <script>alert(1)</script> **Satz**"},
                  {"type": "radio", "key": "answer", "label": "Antwort", "description": "Bitte wählen",
                   "values": [{"label": "Ja", "value": "yes"}]}]}""";
        FormDefinition form = FormDefinition.parse(JSON.readTree(json), json);

        String html = fields(FormView.of(form, Map.of(), List.of()));

        assertThat(html).contains("<h2>Titel</h2>", "<p>Ein &lt;script&gt;alert(1)&lt;/script&gt; Satz</p>")
                .doesNotContain("<script>");
        assertThat(tagWithId(html, "f-answer-0")).contains("aria-describedby=\"f-answer-hint\"");
    }

    @Test
    void showsTheValuesReadOnlyInWords() throws IOException {
        FormDefinition form = load("kommin-nrw-application.form");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("projectTitle", "Lotsen");
        data.put("projectStart", "2026-06-01");
        data.put("foerderschwerpunkt", "vernetzung");
        data.put("hasForeignersAuthority", true);
        data.put("totalCosts", new BigDecimal("80000.00"));
        data.put("costPlan", List.of(Map.of("category", "honorare", "amount", new BigDecimal("1234.5"))));

        String html = values(FormView.of(form, data, List.of()));

        assertThat(html).contains("<dt>Titel des Projekts</dt>", "Lotsen", "<dd class=\"form-value\">Vernetzung</dd>",
                "01.06.2026", "80.000,00 EUR", "Honorare", "1.234,5 EUR", "<dd>Ja</dd>")
                .doesNotContain("<input");
    }

    private static Map<String, Object> oneRowInEveryList(FormDefinition form) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (FormView.Component component : FormView.of(form, Map.of(), List.of()).components()) {
            if ("dynamiclist".equals(component.type())) {
                data.put(component.path(), List.of(Map.of()));
            }
        }
        return data;
    }

    private static void paths(List<FormView.Component> components, List<FieldError> errors) {
        for (FormView.Component component : components) {
            if (component.path() != null) {
                errors.add(new FieldError(component.path(), "Fehler bei " + component.path()));
            }
            paths(component.children(), errors);
            component.rows().forEach(row -> paths(row.components(), errors));
        }
    }

    private static List<String> ids(String html, String... tags) {
        List<String> ids = new ArrayList<>();
        Matcher matcher = TAG.matcher(html);
        while (matcher.find()) {
            String tag = matcher.group();
            Matcher id = Pattern.compile(" id=\"([^\"]+)\"").matcher(tag);
            if (List.of(tags).contains(matcher.group(1)) && id.find() && !tag.contains("type=\"hidden\"")) {
                ids.add(id.group(1));
            }
        }
        return ids;
    }

    private static String tagWithId(String html, String id) {
        Matcher matcher = TAG.matcher(html);
        while (matcher.find()) {
            if (matcher.group().contains(" id=\"" + id + "\"")) {
                return matcher.group();
            }
        }
        throw new AssertionError("no element with id " + id);
    }

    private String fields(FormView form) {
        return render(form, "fields(form)");
    }

    private String values(FormView form) {
        return render(form, "values(form)").strip();
    }

    private String render(FormView form, String fragment) {
        Context context = new Context(Locale.GERMAN);
        context.setVariable("form", form);
        return templates.process("fragments/form", Set.of(fragment), context);
    }

    private static FormDefinition load(String file) throws IOException {
        Resource resource = new PathMatchingResourcePatternResolver().getResource("classpath:forms/" + file);
        String json = resource.getContentAsString(StandardCharsets.UTF_8);
        return FormDefinition.parse(JSON.readTree(json), json);
    }

    private static SpringTemplateEngine templates() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/forms");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setTemplateEngineMessageSource(messages);
        return engine;
    }
}
