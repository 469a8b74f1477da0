package de.grantflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.grantflow.application.CaseFixtures;
import de.grantflow.web.PageSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.util.HtmlUtils;

/**
 * Script, markup and template expressions typed into every text field of the application form are kept as typed and
 * come back harmless: as text on every page (escaped, never a tag, never evaluated), as text in the receipt, unchanged
 * through the API. Control characters are refused at their field; malformed, mistyped and oversized requests are
 * refused with JSON naming the problem, and nothing of them is stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class HostileInputTest {

    private static final String MARKUP = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>"
            + "</textarea><svg onload=alert(3)>'--><b onmouseover=\"alert(4)\">fett</b> & \"Anführung\"";
    /** Template syntaxes of Thymeleaf, Spring EL, Mustache and Angular; evaluated, each would leave "zqjx". */
    private static final String TEMPLATES = "[[${'zq'+'jx'}]] [(${'zq'+'jx'})] ${'zq'+'jx'} {{'zq'+'jx'}}"
            + " __${'zq'+'jx'}__ #{'zq'+'jx'} *{'zq'+'jx'}";
    private static final String SHORT = "<svg onload=alert(5)>[[${'zq'+'jx'}]]\"><img src=x onerror=alert(6)>";
    private static final String EVALUATED = "zqjx";

    @LocalServerPort int port;
    @Autowired CaseFixtures cases;
    @Autowired TestClock clock;
    @Autowired JdbcClient jdbc;

    private final ObjectMapper json = new ObjectMapper();
    private ApiClient dortmund;

    @BeforeEach
    void setUp() {
        clock.reset();
        cases.ensureUsers();
        dortmund = new ApiClient(port, "antrag.dortmund", "demo");
    }

    @Test
    void hostileTextInEveryFieldIsKeptAndComesBackHarmlessOnPagesInTheReceiptAndThroughTheApi() throws IOException {
        Map<String, Object> data = CaseFixtures.kommIn("", 20_000);
        Map<String, Object> costItem = new LinkedHashMap<>(Map.of("category", "personal", "amount", 40_000));
        data.put("costPlan", List.of(costItem));
        Map<String, String> typed = new LinkedHashMap<>();
        for (TextField field : textFields()) {
            String value = field.key() + ": " + MARKUP + " " + TEMPLATES + "\n\tŞtefan Łukasz";
            if (value.length() > field.maxLength()) {
                value = SHORT;
            }
            typed.put(field.path(), value);
            (field.inCostPlan() ? costItem : data).put(field.key(), value);
        }
        assertThat(typed).as("the form's free text fields").containsKeys("projectTitle", "description",
                "msoPartners", "genderMainstreaming", "contactName", "street", "city", "costPlan.description");
        UUID id = cases.submit("antrag.dortmund", "kommin-nrw", data);
        UUID draft = cases.draft("antrag.dortmund", "kommin-nrw", data);

        JsonNode stored = dortmund.get("/api/applications/" + id).body();
        typed.forEach((path, value) -> assertThat(path.startsWith("costPlan.")
                ? stored.path("data").path("costPlan").get(0).path("description").asText()
                : stored.path("data").path(path).asText()).as("stored as typed: " + path).isEqualTo(value));

        PageSession applicant = new PageSession(port);
        applicant.login("antrag.dortmund", "demo");
        String casePage = applicant.get("/portal/applications/" + id).body();
        String editPage = applicant.get("/portal/applications/" + draft + "/edit").body();
        harmless(casePage, applicant.get("/portal").body(), editPage);
        showsLiterally(casePage, typed.get("projectTitle"));
        typed.values().forEach(value -> showsLiterally(editPage, value));

        PageSession reviewer = new PageSession(port);
        reviewer.login("pruefer", "demo");
        String dossier = reviewer.get("/workspace/cases/" + id).body();
        harmless(dossier, reviewer.get("/workspace").body());
        showsLiterally(dossier, typed.get("projectTitle"));
        showsLiterally(dossier, typed.get("description"));

        assertThat(letterText(id, "RECEIPT")).as("the title as text in the receipt")
                .contains(squeezed(typed.get("projectTitle"))).doesNotContain(EVALUATED);
    }

    @Test
    void whatTheReviewerTypesReachesTheRequestForDocumentsAsTextAndNoPageAsMarkup() throws IOException {
        UUID id = cases.submit("antrag.dortmund", "kommin-nrw", CaseFixtures.kommIn("Nachforderung", 10_000));
        ApiClient pruefer = new ApiClient(port, "pruefer", "demo");
        String check = pruefer.awaitTask(id, "Task_FormalCheck");
        String missing = "Ratsbeschluss " + MARKUP + "\n" + TEMPLATES;
        ApiClient.Response control = pruefer.post("/api/tasks/" + check + "/complete",
                Map.of("data", Map.of("complete", false, "missingDocuments", "Ratsbeschluss\u0007")));
        assertThat(control.status()).isEqualTo(400);
        assertThat(control.body().path("errors").findValuesAsText("field")).containsExactly("missingDocuments");
        assertThat(pruefer.post("/api/tasks/" + check + "/complete", Map.of("data", Map.of("complete", false,
                "missingDocuments", missing))).status()).isEqualTo(204);

        assertThat(letterText(id, "REQUEST_FOR_DOCUMENTS")).contains(squeezed(missing)).doesNotContain(EVALUATED);
        PageSession applicant = new PageSession(port);
        applicant.login("antrag.dortmund", "demo");
        String casePage = applicant.get("/portal/applications/" + id).body();
        String supply = dortmund.awaitTask(id, "Task_SupplyDocuments");
        PageSession reviewer = new PageSession(port);
        reviewer.login("pruefer", "demo");
        harmless(casePage, applicant.get("/portal/tasks/" + supply).body(),
                reviewer.get("/workspace/cases/" + id).body());
    }

    @Test
    void whatTheAuthorityTypesReachesTheHearingAndTheRejectionAsTextAndNoPageAsMarkup() throws IOException {
        String justification = "Begründung " + MARKUP + "\n" + TEMPLATES;
        String comment = "Vermerk " + SHORT;
        String statement = "Stellungnahme " + MARKUP + "\n" + TEMPLATES;
        UUID id = cases.submit("antrag.dortmund", "kommin-nrw", CaseFixtures.kommIn("Anhörung", 20_000));
        ApiClient pruefer = new ApiClient(port, "pruefer", "demo");
        ApiClient bewilliger = new ApiClient(port, "bewilliger", "demo");
        complete(pruefer, id, "Task_FormalCheck", Map.of("complete", true));
        complete(pruefer, id, "Task_Review", Map.of("score", 10, "recommendation", "reject", "proposedAmount", 0,
                "justification", justification));
        complete(bewilliger, id, "Task_Decide", Map.of("decision", "reject", "comment", comment));

        assertThat(letterText(id, "HEARING")).contains(squeezed(justification), squeezed(comment))
                .doesNotContain(EVALUATED);
        complete(dortmund, id, "Task_RespondToHearing", Map.of("statement", statement,
                "maintainsApplication", true));
        complete(bewilliger, id, "Task_FinalDecision", Map.of("decision", "reject"));
        assertThat(letterText(id, "REJECTION")).contains(squeezed(justification), squeezed(comment))
                .doesNotContain(EVALUATED);

        PageSession applicant = new PageSession(port);
        applicant.login("antrag.dortmund", "demo");
        PageSession reviewer = new PageSession(port);
        reviewer.login("pruefer", "demo");
        String dossier = reviewer.get("/workspace/cases/" + id).body();
        harmless(applicant.get("/portal/applications/" + id).body(), dossier);
        showsLiterally(dossier, justification);
        assertThat(jdbc.sql("SELECT assessment ->> 'hearingStatement' FROM application WHERE id = :id")
                .param("id", id).query(String.class).single()).as("the statement kept as typed").isEqualTo(statement);
    }

    @Test
    void aPartialGrantCarriesTheTitleAndTheReviewersReasonAsText() throws IOException {
        String title = "Titel " + SHORT;
        String justification = "Kürzung " + MARKUP + "\n" + TEMPLATES;
        UUID id = cases.submit("antrag.dortmund", "kommin-nrw", CaseFixtures.kommIn(title, 20_000));
        ApiClient pruefer = new ApiClient(port, "pruefer", "demo");
        ApiClient bewilliger = new ApiClient(port, "bewilliger", "demo");
        complete(pruefer, id, "Task_FormalCheck", Map.of("complete", true));
        complete(pruefer, id, "Task_Review", Map.of("score", 60, "recommendation", "approve",
                "proposedAmount", 15_000, "justification", justification));
        complete(bewilliger, id, "Task_Decide", Map.of("decision", "approve"));
        complete(dortmund, id, "Task_RespondToHearing", Map.of("maintainsApplication", false));
        complete(bewilliger, id, "Task_FinalDecision", Map.of("decision", "approve"));

        assertThat(letterText(id, "GRANT_DECISION")).contains(squeezed(title), squeezed(justification), "15.000,00")
                .doesNotContain(EVALUATED);
    }

    @Test
    void controlCharactersAreRefusedAtTheirFieldAndNothingIsStored() {
        for (String control : List.of("\u0000", "\u0007", "\u001b[31m", "\u007f", "\u202e", "\u2066")) {
            Map<String, Object> data = CaseFixtures.kommIn("Titel" + control + "mit Steuerzeichen", 10_000);
            data.put("costPlan", List.of(Map.of("category", "personal", "amount", 1000,
                    "description", "Honorar" + control)));
            ApiClient.Response refused = dortmund.post("/api/applications",
                    Map.of("programme", "kommin-nrw", "data", data));

            assertThat(refused.status()).as(escaped(control)).isEqualTo(400);
            assertThat(refused.body().path("errors").findValuesAsText("field")).as(escaped(control))
                    .containsExactlyInAnyOrder("projectTitle", "costPlan[0].description");
            assertThat(refused.body().toString()).containsAnyOf("Nullzeichen", "Steuerzeichen");
        }
        ApiClient.Response elsewhere = dortmund.post("/api/surveys/" + UUID.randomUUID() + "/response",
                Map.of("data", Map.of("x\u0000", "y")));
        assertThat(elsewhere.status()).isBetween(400, 404);
        ApiClient.Response survey = new ApiClient(port, "programm", "demo").post("/api/programmes/kommin-nrw/surveys",
                Map.of("title", "Blitzlicht\u001b[2J", "fundedFrom", 1990, "fundedTo", 1990));
        assertThat(survey.status()).isEqualTo(400);
        assertThat(survey.body().path("errors").findValuesAsText("field")).containsExactly("title");
        assertThat(titled("%mit Steuerzeichen")).as("nothing stored").isZero();

        UUID draft = cases.draft("antrag.dortmund", "kommin-nrw", CaseFixtures.kommIn("Unverändert", 10_000));
        ApiClient.Response replaced = dortmund.put("/api/applications/" + draft,
                Map.of("data", CaseFixtures.kommIn("Ersetzt\u202egnudnah", 10_000)));
        assertThat(replaced.status()).isEqualTo(400);
        assertThat(dortmund.get("/api/applications/" + draft).body().path("data").path("projectTitle").asText())
                .isEqualTo("Unverändert");
    }

    @Test
    void thePortalFormShowsRefusedHostileInputEscapedWithItsMessage() {
        PageSession applicant = new PageSession(port);
        applicant.login("antrag.dortmund", "demo");
        String form = applicant.get("/portal/applications/new?programme=kommin-nrw").body();
        String title = "\"><script>alert(7)</script>\u0007[[${'zq'+'jx'}]]";
        var refused = applicant.post("/portal/applications/new?programme=kommin-nrw", "projectTitle="
                + URLEncoder.encode(title, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(applicant.csrfFrom(form), StandardCharsets.UTF_8));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Enthält das Steuerzeichen U+0007");
        harmless(refused.body());
    }

    @Test
    void malformedMistypedAndOversizedRequestsAreRefusedWithJsonNamingTheProblem() {
        String title = "Gültig " + UUID.randomUUID();
        String valid = json.valueToTree(Map.of("programme", "kommin-nrw", "data", CaseFixtures.kommIn(title,
                10_000))).toString();
        Map<String, String> fieldOf = new LinkedHashMap<>();
        fieldOf.put("{\"programme\": ", null);
        fieldOf.put("[]", null);
        fieldOf.put("\"nur Text\"", null);
        fieldOf.put(valid.replace("\"" + title + "\"", "\"" + title + "\",,"), null);
        fieldOf.put("{\"programme\":\"kommin-nrw\",\"data\":\"Text statt Objekt\"}", "data");
        fieldOf.put(withData(valid, "requestedAmount", "\"viel\""), "requestedAmount");
        fieldOf.put(withData(valid, "requestedAmount", "-5"), "requestedAmount");
        fieldOf.put(withData(valid, "requestedAmount", "10.001"), "requestedAmount");
        fieldOf.put(withData(valid, "requestedAmount", "1e20"), "requestedAmount");
        fieldOf.put(withData(valid, "totalCosts", "true"), "totalCosts");
        fieldOf.put(withData(valid, "projectStart", "\"2026-02-30\""), "projectStart");
        fieldOf.put(withData(valid, "projectStart", "\"01.06.2026\""), "projectStart");
        fieldOf.put(withData(valid, "projectEnd", "20270531"), "projectEnd");
        fieldOf.put(withData(valid, "hasForeignersAuthority", "\"ja\""), "hasForeignersAuthority");
        fieldOf.put(withData(valid, "costPlan", "{\"category\":\"personal\"}"), "costPlan");
        fieldOf.put(withData(valid, "description", "\"" + "Lang ".repeat(2_000_000) + "\""), "description");

        List<String> wrong = new ArrayList<>();
        fieldOf.forEach((body, field) -> {
            ApiClient.Response refused = dortmund.postRaw("/api/applications", body);
            String shown = body.length() > 120 ? body.substring(0, 120) + "… (" + body.length() + " Zeichen)" : body;
            if (refused.status() < 400 || refused.status() >= 500 || !refused.body().has("message")
                    || refused.body().path("message").asText().isBlank()) {
                wrong.add(shown + " -> " + refused.status() + " " + refused.body());
            } else if (field != null && !refused.body().path("errors").findValuesAsText("field").contains(field)) {
                wrong.add(shown + " -> does not name " + field + ": " + refused.body());
            }
        });
        ApiClient.Response notJson = dortmund.postText("/api/applications", "text/plain", valid);
        ApiClient.Response huge = dortmund.postRaw("/api/applications", "{\"programme\":\"kommin-nrw\",\"data\":{"
                + "\"x\":\"" + "x".repeat(30 * 1024 * 1024) + "\"}}");

        ApiClient.Response pdfAsJson = dortmund.getAs("/api/letters/" + UUID.randomUUID(), "application/json");

        assertThat(wrong).as("answers that are not a 4xx JSON naming the problem").isEmpty();
        assertThat(pdfAsJson.status()).as("a letter asked for as JSON only").isEqualTo(406);
        assertThat(pdfAsJson.body().path("message").asText()).contains("application/pdf");
        assertThat(notJson.status()).isEqualTo(415);
        assertThat(huge.status()).isIn(400, 413);
        assertThat(huge.body().path("message").asText()).isNotBlank();
        assertThat(titled(title)).as("nothing stored").isZero();
    }

    private long titled(String pattern) {
        return jdbc.sql("SELECT count(*) FROM application WHERE data ->> 'projectTitle' LIKE :pattern")
                .param("pattern", pattern).query(Long.class).single();
    }


    /** A text field of the form: its key, where it sits, and its longest allowed value. */
    private record TextField(String key, boolean inCostPlan, int maxLength) {

        String path() {
            return inCostPlan ? "costPlan." + key : key;
        }
    }

    /** Every free text field of the KOMM-IN form (no e-mail, phone or pattern: those refuse markup by design). */
    private List<TextField> textFields() throws IOException {
        List<TextField> fields = new ArrayList<>();
        collect(json.readTree(Files.readString(Path.of("forms/kommin-nrw-application.form"))).path("components"),
                false, fields);
        return fields;
    }

    private static void collect(JsonNode components, boolean inCostPlan, List<TextField> fields) {
        for (JsonNode component : components) {
            String type = component.path("type").asText();
            JsonNode validate = component.path("validate");
            if ((type.equals("textfield") || type.equals("textarea")) && !validate.has("validationType")
                    && !validate.has("pattern")) {
                fields.add(new TextField(component.path("key").asText(), inCostPlan,
                        validate.path("maxLength").asInt(Integer.MAX_VALUE)));
            }
            collect(component.path("components"), inCostPlan || type.equals("dynamiclist"), fields);
        }
    }

    private static String withData(String valid, String field, String rawValue) {
        return valid.replace("\"data\":{", "\"data\":{\"" + field + "\":" + rawValue + ",")
                .replaceFirst(",\"" + field + "\":[^,}]*(?=[,}])", "");
    }

    /** No markup of the input is live and no template expression was evaluated. */
    private static void complete(ApiClient user, UUID id, String taskKey, Map<String, Object> data) {
        assertThat(user.post("/api/tasks/" + user.awaitTask(id, taskKey) + "/complete", Map.of("data", data))
                .status()).as(taskKey).isEqualTo(204);
    }

    /** The case's letter of that type as its text, without white space: the letter wraps lines where it likes. */
    private String letterText(UUID id, String type) throws IOException {
        String letter = dortmund.awaitLetter(id, type).path("id").asText();
        try (PDDocument pdf = Loader.loadPDF(dortmund.bytes("/api/letters/" + letter))) {
            return squeezed(new PDFTextStripper().getText(pdf));
        }
    }

    private static String squeezed(String text) {
        return text.replaceAll("\\s+", "");
    }

    private static void harmless(String... pages) {
        for (String html : pages) {
            assertThat(html).doesNotContain("<script>alert", "<img src=x", "<svg onload", "<b onmouseover",
                    "</textarea><svg", EVALUATED);
        }
    }

    /** The value appears on the page as text: escaped where HTML needs it, whole once unescaped. */
    private static void showsLiterally(String html, String value) {
        assertThat(HtmlUtils.htmlUnescape(html).replace("\r\n", "\n")).contains(value.replace("\r\n", "\n"));
    }

    private static String escaped(String control) {
        return control.codePoints().mapToObj(c -> String.format("U+%04X", c)).collect(Collectors.joining(" "));
    }
}
