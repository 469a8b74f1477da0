package de.grantflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import de.grantflow.ApiClient.Response;
import de.grantflow.application.CaseFixtures;
import de.grantflow.procedure.EarlyStartProcess;
import de.grantflow.web.PageSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Vorzeitiger Maßnahmebeginn through the real HTTP API, the engine and its job executor: the municipality asks, a
 * reviewer checks, a second person decides, a letter answers; the case's progress settles a request still open.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class EarlyStartApiTest {

    @LocalServerPort int port;
    @Autowired CaseFixtures cases;
    @Autowired TestClock clock;
    @Autowired RuntimeService runtime;

    ApiClient dortmund;
    ApiClient pruefer2;
    ApiClient bewilliger;

    @BeforeEach
    void setUp() {
        clock.reset();
        cases.ensureUsers();
        dortmund = new ApiClient(port, "antrag.dortmund", "demo");
        pruefer2 = new ApiClient(port, "pruefer2", "demo");
        bewilliger = new ApiClient(port, "bewilliger", "demo");
    }

    @Test
    void theMunicipalityAsksAReviewerChecksAndASecondPersonAgreesByLetter() throws IOException {
        UUID id = submitted("Lotsen starten früher");
        String path = "/api/applications/" + id + "/early-start";

        Response empty = dortmund.post(path, Map.of());
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("startOn",
                "reason");
        Response past = dortmund.post(path, Map.of("startOn", "2026-03-01", "reason", "Eilig"));
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.body().path("errors").get(0).path("message").asText()).contains("frühestens heute",
                "02.03.2026");
        Response afterTheEnd = dortmund.post(path, Map.of("startOn", "2028-01-01", "reason", "Eilig"));
        assertThat(afterTheEnd.body().path("errors").get(0).path("message").asText())
                .contains("vor dem Ende des Vorhabens");
        assertThat(new ApiClient(port, "antrag.duisburg", "demo").post(path, Map.of("startOn", "2026-04-01",
                "reason", "Fremd")).status()).isEqualTo(404);
        assertThat(pruefer2.post(path, Map.of("startOn", "2026-04-01", "reason", "Intern")).status())
                .isEqualTo(403);

        Response asked = dortmund.post(path, Map.of("startOn", "2026-04-01",
                "reason", "Die Lotsen müssen vor den Sommerferien geschult werden."));
        assertThat(asked.status()).isEqualTo(201);
        assertThat(asked.body().path("status").asText()).isEqualTo("PENDING");
        Response again = dortmund.post(path, Map.of("startOn", "2026-04-02", "reason", "Noch einmal"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().path("message").asText()).contains("noch nicht entschieden");

        PageSession reviewer = new PageSession(port);
        reviewer.login("pruefer2", "demo");
        assertThat(reviewer.get("/workspace/tasks/" + pruefer2.awaitTask(id, EarlyStartProcess.TASK_REVIEW)).body())
                .as("the task page shows what is asked for").contains("Vorzeitiger Maßnahmebeginn", "ab 01.04.2026",
                        "Die Lotsen müssen vor den Sommerferien geschult werden.");
        complete(pruefer2, id, EarlyStartProcess.TASK_REVIEW, Map.of("recommendation", "approve",
                "justification", "Der Zeitplan ist schlüssig begründet."));
        Response ownDecision = pruefer2.post("/api/tasks/" + pruefer2.awaitTask(id, EarlyStartProcess.TASK_DECIDE)
                + "/complete", Map.of("data", Map.of("decision", "approve")));
        assertThat(ownDecision.status()).isEqualTo(403);
        assertThat(ownDecision.body().path("message").asText()).contains("Vier-Augen");
        assertThat(dortmund.get(path).body().get(0).path("note").isMissingNode())
                .as("the review's justification is internal until the decision").isTrue();
        complete(bewilliger, id, EarlyStartProcess.TASK_DECIDE, Map.of("decision", "approve"));

        String letter = letterText(id, "EARLY_START_DECISION");
        assertThat(letter).contains("Bescheid über den vorzeitigen Maßnahmebeginn", "stimme ich dem vorzeitigen",
                "Lotsen starten früher", "01.04.2026", "keine Zusage einer Zuwendung", "Rechtsbehelfsbelehrung");
        JsonNode request = dortmund.get(path).body().get(0);
        assertThat(request.path("status").asText()).isEqualTo("APPROVED");
        assertThat(request.path("decidedBy").asText()).isEqualTo("bewilliger");
        assertThat(request.path("recommendation").isMissingNode()).isTrue();
        assertThat(pruefer2.get(path).body().get(0).path("recommendation").asText()).isEqualTo("approve");
        assertThat(dortmund.get("/api/applications/" + id).body().path("timeline").findValuesAsText("type"))
                .contains("EARLY_START_REQUESTED", "EARLY_START_REVIEWED", "EARLY_START_DECIDED");
        assertThat(dortmund.get("/api/applications/" + id).body().path("status").asText())
                .as("the case itself waits for its decision as before").isEqualTo("SUBMITTED");
        assertThat(dortmund.post(path, Map.of("startOn", "2026-04-02", "reason", "Noch früher")).body()
                .path("message").asText()).contains("bereits zugestimmt");

        // the grant: its Bescheid recalls the consent, and the Bewilligungszeitraum starts with the agreed day, not
        // on the project's planned 1 June, so that what the consent allowed is inside it
        complete(pruefer2, id, "Task_FormalCheck", Map.of("complete", true));
        complete(pruefer2, id, "Task_Review", Map.of("score", 80, "recommendation", "approve",
                "proposedAmount", 20_000, "justification", "Gut."));
        complete(bewilliger, id, "Task_Decide", Map.of("decision", "approve"));
        assertThat(letterText(id, "GRANT_DECISION")).contains("für die Zeit vom 01.04.2026 bis zum 31.05.2027",
                "Dem vorzeitigen Beginn des Vorhabens ab dem 01.04.2026 habe ich mit Bescheid vom 02.03.2026"
                        + " zugestimmt.");
        assertThat(dortmund.post("/api/applications/" + id + "/waive-appeal", null).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> dortmund.get("/api/applications/" + id + "/funding")
                .body().path("periodStart").asText(), "2026-04-01"::equals);
    }

    @Test
    void aRefusalGivesTheReviewsReasonsWhenTheApproverAddsNone() throws IOException {
        UUID id = submitted("Ohne Eile");
        dortmund.post("/api/applications/" + id + "/early-start", Map.of("startOn", "2026-03-02",
                "reason", "Wir möchten einfach anfangen."));
        complete(pruefer2, id, EarlyStartProcess.TASK_REVIEW, Map.of("recommendation", "reject",
                "justification", "Eine Dringlichkeit ist nicht dargelegt."));
        complete(bewilliger, id, EarlyStartProcess.TASK_DECIDE, Map.of("decision", "reject"));

        assertThat(letterText(id, "EARLY_START_DECISION")).contains("lehne ich ab", "Eine Dringlichkeit ist nicht dargelegt.",
                "kann nicht gefördert werden");
        JsonNode request = dortmund.get("/api/applications/" + id + "/early-start").body().get(0);
        assertThat(request.path("status").asText()).isEqualTo("REFUSED");
        assertThat(request.path("note").asText()).isEqualTo("Eine Dringlichkeit ist nicht dargelegt.");
    }

    @Test
    void aWithdrawalSettlesAnOpenRequestAndEndsItsReview() {
        UUID id = submitted("Zurückgezogen");
        dortmund.post("/api/applications/" + id + "/early-start", Map.of("startOn", "2026-03-10",
                "reason", "Der Raum ist ab März frei."));
        pruefer2.awaitTask(id, EarlyStartProcess.TASK_REVIEW);

        assertThat(dortmund.post("/api/applications/" + id + "/withdraw", null).status()).isEqualTo(200);

        JsonNode request = dortmund.get("/api/applications/" + id + "/early-start").body().get(0);
        assertThat(request.path("status").asText()).isEqualTo("SETTLED");
        assertThat(request.path("note").asText()).contains("Rücknahme");
        assertThat(pruefer2.openTask(id, EarlyStartProcess.TASK_REVIEW)).isNull();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(EarlyStartProcess.KEY)
                .processInstanceBusinessKey(id.toString()).count()).isZero();
        assertThat(dortmund.get("/api/applications/" + id).body().path("timeline").findValuesAsText("type"))
                .contains("EARLY_START_SETTLED");
        assertThat(dortmund.post("/api/applications/" + id + "/early-start", Map.of("startOn", "2026-03-10",
                "reason", "Doch noch")).status()).isEqualTo(409);
    }

    @Test
    void onlyAnApplicationWaitingForItsDecisionCanAsk() {
        UUID draft = cases.draft("antrag.dortmund", "kommin-nrw", CaseFixtures.kommIn("Entwurf", 10_000));
        Response refused = dortmund.post("/api/applications/" + draft + "/early-start",
                Map.of("startOn", "2026-04-01", "reason", "Zu früh gefragt"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().path("message").asText()).contains("eingereichten, noch nicht beschiedenen",
                "Entwurf");
        Response broken = dortmund.postRaw("/api/applications/" + draft + "/early-start",
                "{\"startOn\": \"01.04.2026\", \"reason\": \"Datum\"}");
        assertThat(broken.status()).isEqualTo(400);
    }

    @Test
    void theMunicipalityAsksOnThePortalPageWithTheSameRulesAsTheApi() {
        UUID id = submitted("Im Portal beantragt");
        PageSession page = new PageSession(port);
        page.login("antrag.dortmund", "demo");
        assertThat(page.get("/portal/applications/" + id).body()).contains("/early-start\"");
        String form = page.get("/portal/applications/" + id + "/early-start").body();
        String token = "_csrf=" + URLEncoder.encode(page.csrfFrom(form), StandardCharsets.UTF_8);

        var empty = page.post("/portal/applications/" + id + "/early-start", token + "&startOn=&reason=");
        var notADate = page.post("/portal/applications/" + id + "/early-start", token
                + "&startOn=01.04.2026&reason=");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("id=\"startOn-error\"", "id=\"reason-error\"", "aria-invalid=\"true\"",
                "Pflichtfeld: Beginn des Vorhabens");
        assertThat(notADate.statusCode()).isEqualTo(400);
        assertThat(notADate.body()).as("both mistakes at once").contains("Bitte ein Datum angeben",
                "id=\"reason-error\"");
        assertThat(dortmund.get("/api/applications/" + id + "/early-start").body().size()).isZero();

        var sent = page.post("/portal/applications/" + id + "/early-start", token
                + "&startOn=2026-04-01&reason=Die+R%C3%A4ume+sind+ab+April+frei");
        assertThat(sent.statusCode()).isEqualTo(302);
        JsonNode requests = dortmund.get("/api/applications/" + id + "/early-start").body();
        assertThat(requests.path(0).path("reason").asText()).isEqualTo("Die Räume sind ab April frei");
        String after = page.get("/portal/applications/" + id + "/early-start").body();
        assertThat(after).contains("Die Räume sind ab April frei", "01.04.2026", "beantragt",
                "Zurzeit kann kein vorzeitiger Maßnahmebeginn beantragt werden").doesNotContain("id=\"startOn\"");
        PageSession duisburg = new PageSession(port);
        duisburg.login("antrag.duisburg", "demo");
        assertThat(duisburg.get("/portal/applications/" + id + "/early-start").statusCode()).isEqualTo(404);
    }

    private UUID submitted(String title) {
        UUID id = cases.submit("antrag.dortmund", "kommin-nrw", CaseFixtures.kommIn(title, 20_000));
        await().atMost(Duration.ofSeconds(30)).until(() -> cases.letterTypes(id).contains("RECEIPT"));
        return id;
    }

    private String letterText(UUID id, String type) throws IOException {
        JsonNode letter = dortmund.awaitLetter(id, type);
        try (PDDocument pdf = Loader.loadPDF(dortmund.bytes("/api/letters/" + letter.path("id").asText()))) {
            return new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }
    }

    private static void complete(ApiClient user, UUID id, String taskKey, Map<String, Object> data) {
        assertThat(user.post("/api/tasks/" + user.awaitTask(id, taskKey) + "/complete", Map.of("data", data))
                .status()).as(taskKey).isEqualTo(204);
    }
}
