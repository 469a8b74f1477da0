package de.grantflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import de.grantflow.ApiClient.Response;
import de.grantflow.application.CaseFixtures;
import de.grantflow.web.PageSession;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * From the final Zuwendungsbescheid to closure, through the real HTTP API as the demo users, with the job executor
 * running: one case closes cleanly, one ends in a recovery with interest; each closure is confirmed by an approver
 * other than the proof's checker.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FundingApiTest {

    @LocalServerPort int port;
    @Autowired CaseFixtures cases;
    @Autowired TestClock clock;

    ApiClient dortmund;
    ApiClient duisburg;
    ApiClient pruefer;
    ApiClient pruefer2;
    ApiClient bewilliger;

    @BeforeEach
    void setUp() {
        clock.reset();
        cases.ensureUsers();
        dortmund = new ApiClient(port, "antrag.dortmund", "demo");
        duisburg = new ApiClient(port, "antrag.duisburg", "demo");
        pruefer = new ApiClient(port, "pruefer", "demo");
        pruefer2 = new ApiClient(port, "pruefer2", "demo");
        bewilliger = new ApiClient(port, "bewilliger", "demo");
    }

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    @Test
    void walksACaseFromTheGrantToItsClosure() throws IOException {
        String id = funded("Bis zum Abschluss");
        JsonNode view = dortmund.get("/api/applications/" + id + "/funding").body();
        assertThat(view.path("status").asText()).isEqualTo("FUNDED");
        assertThat(view.path("granted").decimalValue()).isEqualByComparingTo("30000");
        assertThat(view.path("outstanding").decimalValue()).isEqualByComparingTo("30000");
        assertThat(view.path("deadlines").findValuesAsText("due")).contains("2027-04-30");
        assertThat(duisburg.get("/api/applications/" + id + "/funding").status()).isEqualTo(404);
        assertThat(duisburg.post("/api/applications/" + id + "/payment-requests", paymentRequest()).status())
                .isEqualTo(404);

        Response incomplete = dortmund.post("/api/applications/" + id + "/payment-requests",
                Map.of("amount", 1000, "purpose", "Honorare"));
        assertThat(incomplete.status()).isEqualTo(400);
        assertThat(incomplete.body().path("errors").findValuesAsText("field")).containsExactly("payments");
        Response hostile = dortmund.post("/api/applications/" + id + "/payment-requests",
                Map.of("amount", 1000, "purpose", "Honorare\u0007", "payments", List.of()));
        assertThat(hostile.body().path("errors").findValuesAsText("field")).containsExactly("purpose", "payments");
        Response reversed = dortmund.post("/api/applications/" + id + "/change-requests",
                Map.of("newPeriodEnd", "2027-08-31", "reason", "Verzögerung \u202e00,000.01"));
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.body().path("errors").findValuesAsText("message"))
                .containsExactly("Enthält das Steuerzeichen U+202E, das in Anträgen und Schreiben nicht vorkommen darf");
        payOut(id);
        JsonNode notice = dortmund.awaitLetter(id, "PAYOUT_NOTICE");
        assertThat(text(dortmund.bytes("/api/letters/" + notice.path("id").asText())))
                .contains("Auszahlungsmitteilung", "30.000,00 EUR", "11.06.2026");
        assertThat(dortmund.get("/api/applications/" + id + "/funding").body().path("paid").decimalValue())
                .isEqualByComparingTo("30000");

        clock.set(LocalDateTime.of(2026, 6, 10, 9, 0));
        assertThat(dortmund.post("/api/applications/" + id + "/funds-usage",
                Map.of("amount", 30000, "usedOn", "2026-06-05")).status()).isEqualTo(201);
        Response future = dortmund.post("/api/applications/" + id + "/funds-usage",
                Map.of("amount", 1, "usedOn", "2026-12-24"));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.body().path("errors").findValuesAsText("field")).containsExactly("usedOn");
        Response malformed = dortmund.post("/api/applications/" + id + "/funds-usage",
                Map.of("amount", 5, "usedOn", "gestern"));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body().path("errors").get(0).path("field").asText()).isEqualTo("usedOn");
        assertThat(malformed.body().path("errors").get(0).path("message").asText()).contains("JJJJ-MM-TT");

        fileInterimReport(id);
        clock.set(LocalDateTime.of(2027, 6, 15, 9, 0));
        // pruefer2 is reviewer and approver: having checked the proof, the closure is not theirs to confirm
        fileAndCheckProof(pruefer2, id, 60000, List.of());
        confirmClosureWithFourEyes(id);

        await().atMost(Duration.ofSeconds(30)).until(() -> "CLOSED".equals(status(id)));
        JsonNode closing = dortmund.awaitLetter(id, "CLOSING_NOTICE");

        String selfEvaluation = dortmund.awaitTask(id, "Task_SelfEvaluate");
        assertThat(dortmund.get("/api/tasks/" + selfEvaluation + "/form").body().path("id").asText())
                .isEqualTo("kommin-nrw-self-evaluation");
        Response withoutIndicators = dortmund.post("/api/tasks/" + selfEvaluation + "/complete", Map.of("data",
                Map.of("goalsReached", "largely", "lessonsLearned", "Früh mit den Vereinen sprechen.")));
        assertThat(withoutIndicators.status()).isEqualTo(400);
        assertThat(withoutIndicators.body().path("errors").findValuesAsText("field")).contains("peopleReached");
        complete(dortmund, id, "Task_SelfEvaluate", Map.of("partnerOrganisations", 14, "migrantOrganisations", 6,
                "structuresEstablished", 2, "staffTrained", 35, "peopleReached", 412, "continuedAfterFunding", 1,
                "goalsReached", "largely", "lessonsLearned", "Früh mit den Vereinen sprechen."));
        complete(pruefer, id, "Task_RateEvaluation", Map.of("goalAchievement", "largely",
                "assessment", "Ziele weitgehend erreicht; Verstetigung gesichert."));
        JsonNode sheet = dortmund.awaitLetter(id, "EVALUATION_SHEET");
        assertThat(text(dortmund.bytes("/api/letters/" + sheet.path("id").asText())))
                .contains("Evaluationsbogen", "Erreichte Personen", "412", "überwiegend", "Verstetigung gesichert");
        assertThat(text(dortmund.bytes("/api/letters/" + closing.path("id").asText())))
                .contains("Schlussmitteilung", "keine Erstattung");
        assertThat(letterTypes(id)).contains("CHECK_NOTE");
        JsonNode ledger = pruefer.get("/api/programmes/kommin-nrw/ledger?year=2026").body();
        assertThat(ledger.path("entries").findValuesAsText("applicationId")).contains(id);
        assertThat(ledger.path("totals").path("PAYOUT").decimalValue()).isGreaterThanOrEqualTo(new BigDecimal(
                "30000"));
        assertThat(dortmund.get("/api/programmes/kommin-nrw/ledger?year=2026").status()).isEqualTo(403);
    }

    @Test
    void walksACaseFromTheGrantToARecoveryWithInterest() throws IOException {
        String id = funded("Mit Rückforderung");
        payOut(id);
        fileInterimReport(id);
        clock.set(LocalDateTime.of(2027, 6, 15, 9, 0));
        // the checker's reason with markup and a template expression: it reaches both letters as typed, as text
        String reason = "Bewirtung ist nicht zuwendungsfähig <script>alert(1)</script> [[${'zq'+'jx'}]] & „Sekt“";
        fileAndCheckProof(pruefer, id, 50000, List.of(Map.of("category", "gesamt", "amount", 4000,
                "reason", reason)));

        JsonNode hearing = dortmund.awaitLetter(id, "RECOVERY_HEARING");
        assertThat(text(dortmund.bytes("/api/letters/" + hearing.path("id").asText())).replaceAll("\\s+", " "))
                .contains(reason).doesNotContain("zqjx");
        complete(dortmund, id, "Task_RespondToRecoveryHearing", Map.of("statement", "Wir bitten um Nachsicht."));
        complete(bewilliger, id, "Task_DecideRecovery", Map.of("decision", "approve"));
        JsonNode decision = dortmund.awaitLetter(id, "RECOVERY_DECISION");
        assertThat(text(dortmund.bytes("/api/letters/" + decision.path("id").asText())))
                .contains("Widerrufs- und Rückforderungsbescheid", "7.000,00 EUR", "540,37 EUR",
                        "Rechtsbehelfsbelehrung", "Verwaltungsgericht Arnsberg")
                .doesNotContain("zqjx");
        assertThat(text(dortmund.bytes("/api/letters/" + decision.path("id").asText())).replaceAll("\\s+", " "))
                .contains(reason);
        assertThat(status(id)).isEqualTo("RECOVERY");

        Response tooLittle = completeResponse(pruefer, id, "Task_RecordRepayment",
                Map.of("amount", 7000, "receivedOn", "2027-06-15"));
        assertThat(tooLittle.status()).isEqualTo(400);
        assertThat(tooLittle.body().path("errors").findValuesAsText("field")).contains("amount");
        complete(pruefer, id, "Task_RecordRepayment", Map.of("amount", 7540.37, "receivedOn", "2027-06-15"));
        // the approver who decided the recovery may confirm the closure: four eyes count against the proof's checker
        complete(bewilliger, id, "Task_ConfirmClosure", Map.of("closureConfirmed", true));
        await().atMost(Duration.ofSeconds(30)).until(() -> "CLOSED".equals(status(id)));
        assertThat(letterTypes(id)).filteredOn("CLOSING_NOTICE"::equals).hasSize(1);
        JsonNode closed = dortmund.get("/api/applications/" + id + "/funding").body();
        assertThat(closed.path("returned").decimalValue()).isEqualByComparingTo("7000");
        assertThat(closed.path("ledger").findValuesAsText("kind")).containsExactly("PAYOUT", "RETURN", "INTEREST");
    }

    @Test
    void requestsFundsOnThePortalPageWithTheSameRulesAsTheApi() {
        String id = funded("Mittelabruf im Portal");
        PageSession page = new PageSession(port);
        page.login("antrag.dortmund", "demo");
        assertThat(page.get("/portal/applications/" + id).body()).contains("/payment-request\"");
        String form = page.get("/portal/applications/" + id + "/payment-request").body();
        String token = URLEncoder.encode(page.csrfFrom(form), StandardCharsets.UTF_8);

        var incomplete = page.post("/portal/applications/" + id + "/payment-request", "_csrf=" + token
                + "&amount=30000&purpose=Honorare&payments%5B1%5D.dueOn=2026-06-05");
        var tooLate = page.post("/portal/applications/" + id + "/payment-request", "_csrf=" + token
                + "&amount=30000&purpose=Honorare&payments%5B0%5D.dueOn=2026-12-30&payments%5B0%5D.amount=30000");

        assertThat(incomplete.statusCode()).isEqualTo(400);
        assertThat(incomplete.body()).as("the row the page showed").contains("id=\"payments-1-amount-error\"",
                "aria-invalid=\"true\"");
        assertThat(incomplete.body()).as("what was entered stays").containsPattern(
                "name=\"payments\\[1]\\.dueOn\"[^>]*value=\"2026-06-05\"");
        assertThat(tooLate.statusCode()).isEqualTo(400);
        assertThat(tooLate.body()).contains("id=\"amount-error\"", "innerhalb von zwei Monaten");
        assertThat(dortmund.get("/api/applications/" + id + "/payment-requests").body().size()).isZero();

        var sent = page.post("/portal/applications/" + id + "/payment-request", "_csrf=" + token
                + "&amount=30000&purpose=Honorare&payments%5B0%5D.dueOn=2026-06-05&payments%5B0%5D.amount=30000");

        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(dortmund.get("/api/applications/" + id + "/payment-requests").body().path(0).path("amount")
                .decimalValue()).isEqualByComparingTo("30000");
        PageSession other = new PageSession(port);
        other.login("antrag.duisburg", "demo");
        assertThat(other.get("/portal/applications/" + id + "/payment-request").statusCode()).isEqualTo(404);
    }

    @Test
    void requestsAChangeOnThePortalPageWithTheSameRulesAsTheApi() throws IOException {
        String id = funded("Änderung im Portal");
        PageSession page = new PageSession(port);
        page.login("antrag.dortmund", "demo");
        assertThat(page.get("/portal/applications/" + id).body()).contains("/change-request\"");
        String form = page.get("/portal/applications/" + id + "/change-request").body();
        assertThat(form).as("the current plan is offered with its amounts")
                .containsPattern("name=\"costPlan\\[0]\\.amount\"[^>]*value=\"[1-9][0-9.]*\"");
        String token = URLEncoder.encode(page.csrfFrom(form), StandardCharsets.UTF_8);

        var withoutReason = page.post("/portal/applications/" + id + "/change-request", "_csrf=" + token
                + "&newPeriodEnd=2027-08-31&reason=");
        var nothingChanged = page.post("/portal/applications/" + id + "/change-request", "_csrf=" + token
                + "&newPeriodEnd=&reason=Verzögerung");
        var notADate = page.post("/portal/applications/" + id + "/change-request", "_csrf=" + token
                + "&newPeriodEnd=31.08.2027&reason=Verzögerung");

        assertThat(withoutReason.statusCode()).isEqualTo(400);
        assertThat(withoutReason.body()).contains("id=\"reason-error\"", "aria-invalid=\"true\"",
                "Begründung der Änderung");
        assertThat(nothingChanged.statusCode()).isEqualTo(400);
        assertThat(nothingChanged.body()).contains("id=\"newPeriodEnd-error\"");
        assertThat(notADate.statusCode()).isEqualTo(400);
        assertThat(notADate.body()).contains("Bitte ein Datum angeben");
        var emptyAmount = page.post("/portal/applications/" + id + "/change-request", "_csrf=" + token
                + "&newPeriodEnd=&reason=Umschichtung&costPlan%5B0%5D.amount=");
        assertThat(emptyAmount.statusCode()).isEqualTo(400);
        assertThat(emptyAmount.body()).contains("id=\"costPlan-0-amount-error\" class=\"field-error\">Bitte einen Betrag"
                + " angeben");
        assertThat(dortmund.get("/api/applications/" + id + "/change-requests").body().size()).isZero();

        var sent = page.post("/portal/applications/" + id + "/change-request", "_csrf=" + token
                + "&newPeriodEnd=2027-08-31&reason=Die+Fachkraft+kam+sp%C3%A4ter");

        assertThat(sent.statusCode()).isEqualTo(302);
        JsonNode changes = dortmund.get("/api/applications/" + id + "/change-requests").body();
        assertThat(changes.size()).isOne();
        assertThat(changes.path(0).path("newPeriodEnd").asText()).isEqualTo("2027-08-31");
        assertThat(changes.path(0).path("reason").asText()).isEqualTo("Die Fachkraft kam später");
        assertThat(changes.path(0).path("status").asText()).isEqualTo("PENDING");
        assertThat(page.get("/portal/applications/" + id + "/change-request").body()).contains("Die Fachkraft kam später",
                "beantragt");
        PageSession other = new PageSession(port);
        other.login("antrag.duisburg", "demo");
        assertThat(other.get("/portal/applications/" + id + "/change-request").statusCode()).isEqualTo(404);

        // decided with four eyes: the Änderungsbescheid gives the municipality's reason and the reviewer's, as text
        String justification = "Nachvollziehbar <img src=x onerror=alert(1)> [[${'zq'+'jx'}]]";
        complete(pruefer, id, "Task_ReviewChange", Map.of("recommendation", "approve",
                "justification", justification));
        complete(bewilliger, id, "Task_DecideChange", Map.of("decision", "approve"));
        JsonNode decision = dortmund.awaitLetter(id, "CHANGE_DECISION");
        assertThat(text(dortmund.bytes("/api/letters/" + decision.path("id").asText())).replaceAll("\\s+", " "))
                .contains("Änderungsbescheid", "31.08.2027", "Die Fachkraft kam später", justification)
                .doesNotContain("zqjx");
    }

    /** Applied, approved with four eyes, appeal waived: the funding period starts. */
    private String funded(String title) {
        String id = dortmund.post("/api/applications", Map.of("programme", "kommin-nrw",
                "data", CaseFixtures.kommIn(title, 30_000))).body().path("id").asText();
        assertThat(dortmund.post("/api/applications/" + id + "/submit", null).status()).isEqualTo(200);
        complete(pruefer, id, "Task_FormalCheck", Map.of("complete", true));
        complete(pruefer, id, "Task_Review", Map.of("score", 85, "recommendation", "approve",
                "proposedAmount", 30_000, "justification", "Überzeugend."));
        complete(bewilliger, id, "Task_Decide", Map.of("decision", "approve"));
        dortmund.awaitLetter(id, "GRANT_DECISION");
        assertThat(dortmund.post("/api/applications/" + id + "/waive-appeal", null).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> "FUNDED".equals(status(id)));
        clock.set(LocalDateTime.of(2026, 4, 11, 9, 0));
        return id;
    }

    private void payOut(String id) {
        Response requested = dortmund.post("/api/applications/" + id + "/payment-requests", paymentRequest());
        assertThat(requested.status()).isEqualTo(201);
        assertThat(requested.body().path("number").asInt()).isEqualTo(1);
        complete(pruefer, id, "Task_CheckPayment", Map.of("decision", "approve"));
        complete(bewilliger, id, "Task_ReleasePayment", Map.of("decision", "approve"));
        await().atMost(Duration.ofSeconds(30)).until(() -> "PAID".equals(dortmund.get("/api/applications/" + id
                + "/payment-requests").body().path(0).path("status").asText()));
    }

    private void fileInterimReport(String id) {
        complete(dortmund, id, "Task_SubmitInterimReport", Map.of("progressReport", "Lotsen geschult.",
                "spentToDate", 20000, "receivedToDate", 30000));
        complete(pruefer, id, "Task_CheckInterimReport", Map.of("result", "accept"));
    }

    /**
     * The proof's checker is refused on the task page and through the API, and nothing changes; an incomplete
     * confirmation is refused at its field; another approver closes the case.
     */
    private void confirmClosureWithFourEyes(String id) {
        String task = pruefer2.awaitTask(id, "Task_ConfirmClosure");
        PageSession page = new PageSession(port);
        page.login("pruefer2", "demo");
        String form = page.get("/workspace/tasks/" + task).body();
        assertThat(form).contains("Abschluss bestätigen (Vier-Augen-Prinzip)", "name=\"closureConfirmed\"",
                "name=\"closureNote\"", "Prüfvermerk und Ergebnis nachvollzogen");
        var ownClosureOnPage = page.post("/workspace/tasks/" + task, "closureConfirmed=true&closureNote=&_csrf="
                + URLEncoder.encode(page.csrfFrom(form), StandardCharsets.UTF_8));
        assertThat(ownClosureOnPage.statusCode()).isEqualTo(403);
        assertThat(ownClosureOnPage.body()).contains("Vier-Augen-Prinzip", "Es wurde nichts geändert");
        Response ownClosure = pruefer2.post("/api/tasks/" + task + "/complete",
                Map.of("data", Map.of("closureConfirmed", true)));
        assertThat(ownClosure.status()).isEqualTo(403);
        assertThat(ownClosure.body().path("message").asText()).contains("Vier-Augen-Prinzip", "(pruefer2)");
        Response unconfirmed = bewilliger.post("/api/tasks/" + task + "/complete",
                Map.of("data", Map.of("closureConfirmed", false)));
        assertThat(unconfirmed.status()).isEqualTo(400);
        assertThat(unconfirmed.body().path("errors").findValuesAsText("field")).containsExactly("closureConfirmed");
        assertThat(status(id)).isEqualTo("FUNDED");
        assertThat(letterTypes(id)).doesNotContain("CLOSING_NOTICE");

        assertThat(bewilliger.post("/api/tasks/" + task + "/complete", Map.of("data", Map.of("closureConfirmed", true,
                "closureNote", "Prüfvermerk nachvollzogen."))).status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).until(() -> "CLOSED".equals(status(id)));
        assertThat(letterTypes(id)).filteredOn("CLOSING_NOTICE"::equals).hasSize(1);
    }

    private void fileAndCheckProof(ApiClient checker, String id, int spent, List<Map<String, Object>> cuts) {
        complete(dortmund, id, "Task_SubmitProof", Map.of("sachbericht", "120 Menschen begleitet.",
                "ownShare", spent - 30000, "thirdPartyFunds", 0, "otherPublicFunds", 0, "grantUsed", 30000,
                "expenditure", List.of(Map.of("category", "gesamt", "amount", spent))));
        String next = await().atMost(Duration.ofSeconds(30)).until(() -> {
            if (dortmund.openTask(id, "Task_SupplyReceipts") != null) {
                return "receipts";
            }
            return checker.openTask(id, "Task_CheckProof") != null ? "check" : null;
        }, n -> n != null);
        if (next.equals("receipts")) {
            complete(dortmund, id, "Task_SupplyReceipts", Map.of("documentsSupplied", "Belegliste"));
        }
        complete(checker, id, "Task_CheckProof", Map.of("purposeAchieved", "yes", "cuts", cuts));
    }

    private static Map<String, Object> paymentRequest() {
        return Map.of("amount", 30000, "purpose", "Honorare der Lotsen",
                "payments", List.of(Map.of("dueOn", "2026-06-05", "amount", 30000)));
    }

    private void complete(ApiClient client, String id, String taskKey, Map<String, Object> data) {
        assertThat(completeResponse(client, id, taskKey, data).status()).as(taskKey).isEqualTo(204);
    }

    private Response completeResponse(ApiClient client, String id, String taskKey, Map<String, Object> data) {
        return client.post("/api/tasks/" + client.awaitTask(id, taskKey) + "/complete", Map.of("data", data));
    }


    private String status(String id) {
        return dortmund.get("/api/applications/" + id).body().path("status").asText();
    }

    private List<String> letterTypes(String id) {
        return dortmund.get("/api/applications/" + id).body().path("letters").findValuesAsText("type");
    }


    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
