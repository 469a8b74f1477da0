package de.grantflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.grantflow.ApiClient.Response;
import de.grantflow.application.CaseFixtures;
import de.grantflow.security.NewUser;
import de.grantflow.security.Role;
import de.grantflow.security.UserAccounts;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The procedure through the real HTTP API, as the demo users walk it, with the job executor running. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class GrantProcedureApiTest {

    @LocalServerPort int port;
    @Autowired CaseFixtures cases;
    @Autowired TestClock clock;
    @Autowired UserAccounts accounts;

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

    @Test
    void applicantAppliesAndTheAuthorityApprovesWithFourEyes() throws IOException {
        Response programmes = dortmund.get("/api/programmes");
        assertThat(programmes.status()).isEqualTo(200);
        assertThat(programmes.body().findValuesAsText("key")).contains("kommin-nrw", "fluechtlingsdialoge-bw");
        assertThat(dortmund.get("/api/programmes/kommin-nrw/form").body().path("id").asText())
                .isEqualTo("kommin-nrw-application");

        Response created = dortmund.post("/api/applications",
                Map.of("programme", "kommin-nrw", "data", CaseFixtures.kommIn("Lotsenprojekt Nordstadt", 40_000)));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().path("status").asText()).isEqualTo("DRAFT");
        assertThat(created.body().path("reference").asText()).matches("KIN-2026-\\d{6}");
        String id = created.body().path("id").asText();

        Response submitted = dortmund.post("/api/applications/" + id + "/submit", null);
        assertThat(submitted.status()).isEqualTo(200);
        assertThat(submitted.body().path("status").asText()).isEqualTo("SUBMITTED");
        JsonNode receipt = dortmund.awaitLetter(id, "RECEIPT");
        String receiptText = text(dortmund.bytes("/api/letters/" + receipt.path("id").asText()));
        assertThat(receiptText).contains("Eingangsbestätigung", created.body().path("reference").asText());

        String formalCheck = pruefer.awaitTask(id, "Task_FormalCheck");
        assertThat(pruefer.post("/api/tasks/" + formalCheck + "/claim", null).status()).isEqualTo(200);
        assertThat(pruefer.post("/api/tasks/" + formalCheck + "/complete", Map.of("data", Map.of("complete", true)))
                .status()).isEqualTo(204);

        String review = pruefer2.awaitTask(id, "Task_Review");
        assertThat(pruefer2.get("/api/tasks/" + review + "/form").body().path("id").asText())
                .isEqualTo("substantive-review");
        Response badReview = pruefer2.post("/api/tasks/" + review + "/complete",
                Map.of("data", Map.of("recommendation", "maybe", "score", 300)));
        assertThat(badReview.status()).isEqualTo(400);
        assertThat(badReview.body().path("errors").findValuesAsText("field"))
                .contains("recommendation", "score", "justification", "proposedAmount");
        assertThat(pruefer2.post("/api/tasks/" + review + "/complete", Map.of("data", Map.of("score", 85,
                "recommendation", "approve", "proposedAmount", 40_000,
                "justification", "Überzeugendes Konzept."))).status()).isEqualTo(204);

        String decide = pruefer2.awaitTask(id, "Task_Decide");
        Response ownDecision = pruefer2.post("/api/tasks/" + decide + "/complete",
                Map.of("data", Map.of("decision", "approve")));
        assertThat(ownDecision.status()).isEqualTo(403);
        assertThat(ownDecision.body().path("message").asText()).contains("Vier-Augen");
        assertThat(pruefer2.post("/api/tasks/" + decide + "/unclaim", null).status()).isEqualTo(200);
        assertThat(bewilliger.post("/api/tasks/" + decide + "/complete",
                Map.of("data", Map.of("decision", "approve", "comment", "Einverstanden."))).status()).isEqualTo(204);

        JsonNode approved = dortmund.get("/api/applications/" + id).body();
        assertThat(approved.path("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.path("grantedAmount").decimalValue()).isEqualByComparingTo("40000");
        assertThat(approved.path("decisions").findValuesAsText("decisionKey"))
                .contains("kommin-nrw-eligibility", "grant-amount");
        assertThat(approved.path("decisions").get(0).path("ruleId").asText()).isNotBlank();
        JsonNode grant = dortmund.awaitLetter(id, "GRANT_DECISION");
        assertThat(grant.path("sha256").asText()).hasSize(64);
        String grantText = text(dortmund.bytes("/api/letters/" + grant.path("id").asText()));
        assertThat(grantText).contains("Zuwendungsbescheid", "40.000,00", "Rechtsbehelfsbelehrung",
                "Verwaltungsgericht Arnsberg");

        assertThat(dortmund.post("/api/applications/" + id + "/waive-appeal", null).status()).isEqualTo(200);
        assertThat(dortmund.get("/api/applications/" + id).body().path("finalOn").asText()).isNotBlank();
    }

    @Test
    void approvalBeyondTheBudgetIsRefusedWithItsReasonAndChangesNothing() {
        String id = dortmund.post("/api/applications", Map.of("programme", "kommin-nrw",
                "data", CaseFixtures.kommIn("Zu teuer für den Rest", 40_000))).body().path("id").asText();
        dortmund.post("/api/applications/" + id + "/submit", null);
        pruefer.post("/api/tasks/" + pruefer.awaitTask(id, "Task_FormalCheck") + "/complete",
                Map.of("data", Map.of("complete", true)));
        pruefer.post("/api/tasks/" + pruefer.awaitTask(id, "Task_Review") + "/complete", Map.of("data", Map.of(
                "score", 80, "recommendation", "approve", "proposedAmount", 40_000, "justification", "Gut.")));
        String decide = bewilliger.awaitTask(id, "Task_Decide");
        cases.setBudget("kommin-nrw", 2026, new BigDecimal("30000"));
        try {
            Response refused = bewilliger.post("/api/tasks/" + decide + "/complete",
                    Map.of("data", Map.of("decision", "approve")));

            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.body().path("message").asText()).contains("Budget 2026", "reicht nicht",
                    "verfügbar 30.000,00", "benötigt 40.000,00");
            assertThat(dortmund.get("/api/applications/" + id).body().path("status").asText()).isEqualTo("IN_REVIEW");
            assertThat(cases.letterTypes(UUID.fromString(id))).containsExactly("RECEIPT");
            assertThat(bewilliger.awaitTask(id, "Task_Decide")).isEqualTo(decide);

            // refused only at the commit, after the answer was written: with an Idempotency-Key the same refusal
            Response refusedWithKey = bewilliger.post("/api/tasks/" + decide + "/complete",
                    Map.of("data", Map.of("decision", "approve")), UUID.randomUUID().toString());
            assertThat(refusedWithKey.status()).isEqualTo(409);
            assertThat(refusedWithKey.body().path("message").asText()).contains("reicht nicht");
            assertThat(cases.letterTypes(UUID.fromString(id))).containsExactly("RECEIPT");
        } finally {
            cases.setBudget("kommin-nrw", 2026, new BigDecimal("1000000000"));
        }
    }

    @Test
    void anotherMunicipalitySeesNothingOfTheCase() {
        String id = dortmund.post("/api/applications", Map.of("programme", "kommin-nrw",
                "data", CaseFixtures.kommIn("Nur für Dortmund", 10_000))).body().path("id").asText();
        dortmund.post("/api/applications/" + id + "/submit", null);
        JsonNode receipt = dortmund.awaitLetter(id, "RECEIPT");
        String formalCheck = pruefer.awaitTask(id, "Task_FormalCheck");
        pruefer.post("/api/tasks/" + formalCheck + "/complete",
                Map.of("data", Map.of("complete", false, "missingDocuments", "Ratsbeschluss")));
        String supply = dortmund.awaitTask(id, "Task_SupplyDocuments");

        assertThat(duisburg.get("/api/applications/" + id).status()).isEqualTo(404);
        assertThat(duisburg.get("/api/applications").body().findValuesAsText("id")).doesNotContain(id);
        assertThat(duisburg.get("/api/letters/" + receipt.path("id").asText()).status()).isEqualTo(404);
        assertThat(duisburg.get("/api/tasks").body().findValuesAsText("id")).doesNotContain(supply);
        assertThat(duisburg.get("/api/tasks/" + supply).status()).isEqualTo(404);
        assertThat(duisburg.post("/api/tasks/" + supply + "/complete",
                Map.of("data", Map.of("documentsSupplied", "x"))).status()).isEqualTo(404);
        assertThat(duisburg.post("/api/applications/" + id + "/withdraw", null).status()).isEqualTo(404);
        accounts.createOrUpdate(new NewUser("pruefer.bw", "demo", "Prüferin BW", null, null, Set.of(Role.REVIEWER,
                Role.APPROVER), null, Set.of("lpb-bw")));
        ApiClient otherAuthority = new ApiClient(port, "pruefer.bw", "demo");
        assertThat(otherAuthority.get("/api/applications/" + id).status()).isEqualTo(404);
        assertThat(otherAuthority.get("/api/letters/" + receipt.path("id").asText()).status()).isEqualTo(404);
        assertThat(otherAuthority.get("/api/tasks").body().findValuesAsText("applicationId")).doesNotContain(id);
        assertThat(duisburg.get("/engine-rest/task").status()).isEqualTo(403);
        assertThat(duisburg.get("/camunda/app/tasklist/").status()).isEqualTo(403);

        assertThat(dortmund.post("/api/tasks/" + supply + "/complete",
                Map.of("data", Map.of("documentsSupplied", "Ratsbeschluss vom 3.3.2026"))).status()).isEqualTo(204);
        assertThat(dortmund.post("/api/applications/" + id + "/withdraw", null).body().path("status").asText())
                .isEqualTo("WITHDRAWN");
    }

    @Test
    void invalidInputIsRefusedByFieldAndChangesNothing() {
        Map<String, Object> data = CaseFixtures.kommIn("Zu teuer", 10_000);
        data.put("requestedAmount", 90_000);
        data.put("projectEnd", "2026-01-01");
        data.put("contactEmail", "keine-adresse");
        Response draftWithBadEmail = dortmund.post("/api/applications", Map.of("programme", "kommin-nrw", "data", data));
        assertThat(draftWithBadEmail.status()).isEqualTo(400);
        assertThat(draftWithBadEmail.body().path("errors").findValuesAsText("field")).contains("contactEmail");

        data.put("contactEmail", "anna.schaefer@stadtdo.de");
        String id = dortmund.post("/api/applications", Map.of("programme", "kommin-nrw", "data", data))
                .body().path("id").asText();
        Response refused = dortmund.post("/api/applications/" + id + "/submit", null);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("errors").findValuesAsText("field"))
                .contains("requestedAmount", "projectEnd");
        assertThat(dortmund.get("/api/applications/" + id).body().path("status").asText()).isEqualTo("DRAFT");

        assertThat(dortmund.postRaw("/api/applications", "{\"programme\": ").status()).isEqualTo(400);
        assertThat(dortmund.post("/api/applications", Map.of("programme", "gibt-es-nicht", "data", Map.of()))
                .status()).isEqualTo(400);
        assertThat(pruefer.post("/api/applications", Map.of("programme", "kommin-nrw", "data", Map.of()))
                .status()).isEqualTo(403);
        assertThat(new ApiClient(port, "antrag.dortmund", "falsch").get("/api/applications").status())
                .isEqualTo(401);
    }

    @Test
    void createsAndSubmitsInOneRequestOrStoresNothing() {
        String title = "In einem Schritt " + UUID.randomUUID();
        Map<String, Object> data = CaseFixtures.kommIn(title, 10_000);
        data.remove("contactName");
        Response incomplete = dortmund.post("/api/applications", Map.of("programme", "kommin-nrw", "data", data,
                "submit", true));
        assertThat(incomplete.status()).isEqualTo(400);
        assertThat(incomplete.body().path("errors").findValuesAsText("field")).containsExactly("contactName");
        Response notABoolean = dortmund.postRaw("/api/applications",
                "{\"programme\": \"kommin-nrw\", \"data\": {}, \"submit\": \"vielleicht\"}");
        assertThat(notABoolean.status()).isEqualTo(400);
        assertThat(notABoolean.body().path("errors").get(0).path("message").asText())
                .isEqualTo("Erwartet wird true oder false");
        data.put("contactName", "Anna Schäfer");
        data.put("requestedAmount", 90_000);
        Response tooMuch = dortmund.post("/api/applications", Map.of("programme", "kommin-nrw", "data", data,
                "submit", true));
        assertThat(tooMuch.status()).isEqualTo(400);
        assertThat(tooMuch.body().path("errors").findValuesAsText("field")).contains("requestedAmount");
        assertThat(dortmund.get("/api/applications?limit=1000").body().findValuesAsText("projectTitle"))
                .doesNotContain(title);

        String key = UUID.randomUUID().toString();
        Response created = dortmund.post("/api/applications", Map.of("programme", "kommin-nrw",
                "data", CaseFixtures.kommIn(title, 10_000), "submit", true), key);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().path("status").asText()).isEqualTo("SUBMITTED");
        String id = created.body().path("id").asText();
        Response retried = dortmund.post("/api/applications", Map.of("programme", "kommin-nrw",
                "data", CaseFixtures.kommIn(title, 10_000), "submit", true), key);
        assertThat(retried.body().path("id").asText()).isEqualTo(id);
        assertThat(retried.headers().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(dortmund.get("/api/applications?limit=1000").body().findValuesAsText("projectTitle"))
                .containsOnlyOnce(title);

        dortmund.awaitLetter(id, "RECEIPT");
        pruefer.awaitTask(id, "Task_FormalCheck");
        JsonNode details = dortmund.get("/api/applications/" + id).body();
        assertThat(details.path("timeline").findValuesAsText("type")).startsWith("CREATED", "SUBMITTED");
        assertThat(details.path("submittedAt").asText()).isNotBlank();
        assertThat(cases.letterTypes(UUID.fromString(id))).containsExactly("RECEIPT");
        assertThat(dortmund.post("/api/applications/" + id + "/submit", null).status()).isEqualTo(409);
        assertThat(duisburg.get("/api/applications/" + id).status()).isEqualTo(404);
    }



    @Test
    void theRejectionGivesTheReasonsOfTheHearingWhenTheFinalDecisionAddsNone() throws IOException {
        String id = dortmund.post("/api/applications", Map.of("programme", "kommin-nrw", "submit", true,
                "data", CaseFixtures.kommIn("Ohne Konzept", 20_000))).body().path("id").asText();
        complete(pruefer, id, "Task_FormalCheck", Map.of("complete", true));
        complete(pruefer, id, "Task_Review", Map.of("score", 10, "recommendation", "reject", "proposedAmount", 0,
                "justification", "Es fehlt ein Konzept."));
        complete(bewilliger, id, "Task_Decide", Map.of("decision", "reject",
                "comment", "Die Zielgruppe ist nicht beschrieben."));
        complete(dortmund, id, "Task_RespondToHearing", Map.of("statement", "Wir reichen es nach.",
                "maintainsApplication", true));
        complete(bewilliger, id, "Task_FinalDecision", Map.of("decision", "reject"));

        String hearing = letterText(id, "HEARING");
        String rejection = letterText(id, "REJECTION");
        for (String letter : List.of(hearing, rejection)) {
            assertThat(letter.replaceAll("\\s+", " ")).contains("Es fehlt ein Konzept.",
                    "Die Zielgruppe ist nicht beschrieben.");
        }
        assertThat(rejection).contains("Ihre Stellungnahme im Rahmen der Anhörung wurde berücksichtigt");
    }

    private static void complete(ApiClient user, String id, String taskKey, Map<String, Object> data) {
        assertThat(user.post("/api/tasks/" + user.awaitTask(id, taskKey) + "/complete", Map.of("data", data))
                .status()).as(taskKey).isEqualTo(204);
    }

    private String letterText(String id, String type) throws IOException {
        return text(dortmund.bytes("/api/letters/" + dortmund.awaitLetter(id, type).path("id").asText()));
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
