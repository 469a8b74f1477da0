package de.grantflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import de.grantflow.ApiClient;
import de.grantflow.application.ApplicationStatus;
import de.grantflow.application.CaseFixtures;
import de.grantflow.web.PageSession;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The auditor (demo user revision) reads every case of the authority, its letters and its records, and changes nothing. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AuditorAccessTest {

    @LocalServerPort int port;
    @Autowired CaseFixtures cases;

    private ApiClient auditor;
    private ApiClient reviewer;

    @BeforeEach
    void users() {
        cases.ensureUsers();
        auditor = new ApiClient(port, "revision", TestUsers.PASSWORD);
        reviewer = new ApiClient(port, "pruefer", TestUsers.PASSWORD);
    }

    @Test
    void readsACaseWithItsLettersAndRecordsThroughTheApi() {
        UUID id = cases.submit("antrag.dortmund", "kommin-nrw", CaseFixtures.kommIn("Revision liest " + UUID.randomUUID(),
                20_000));
        JsonNode application = await().atMost(Duration.ofSeconds(30)).until(
                () -> auditor.get("/api/applications/" + id).body(), body -> body.path("letters").size() > 0);

        assertThat(application.path("reference").asText()).isEqualTo(cases.reference(id));
        assertThat(ids(auditor.get("/api/applications?limit=1000").body())).contains(id.toString());
        String letter = application.path("letters").get(0).path("id").asText();
        assertThat(new String(auditor.bytes("/api/letters/" + letter), java.nio.charset.StandardCharsets.ISO_8859_1))
                .startsWith("%PDF");
        assertThat(auditor.getAs("/api/applications/" + id + "/dossier.zip", "application/zip").status())
                .isEqualTo(200);
        ApiClient.Response verified = auditor.post("/api/audit/verify", null);
        assertThat(verified.status()).as("an auditor checks the audit trail").isEqualTo(200);
        assertThat(verified.body().path("sealed").asLong()).isPositive();
        assertThat(auditor.get("/api/tasks").body()).as("an auditor works on no task").isEmpty();
    }

    @Test
    void changesNothingThroughTheApi() {
        UUID id = cases.submit("antrag.dortmund", "kommin-nrw", CaseFixtures.kommIn("Revision ändert nichts "
                + UUID.randomUUID(), 20_000));
        String task = reviewer.awaitTask(id, "Task_FormalCheck");

        assertRefused(auditor.post("/api/applications", Map.of("programme", "kommin-nrw",
                "data", CaseFixtures.kommIn("Revision beantragt", 10_000))));
        assertRefused(auditor.post("/api/applications/" + id + "/withdraw", null));
        assertRefused(auditor.post("/api/tasks/" + task + "/claim", null));
        assertRefused(auditor.post("/api/tasks/" + task + "/complete", Map.of("data", Map.of("complete", true))));
        assertRefused(auditor.put("/api/applications/" + id, Map.of("data", Map.of())));

        assertThat(cases.status(id)).isNotEqualTo(ApplicationStatus.WITHDRAWN);
        JsonNode open = reviewer.get("/api/tasks/" + task).body();
        assertThat(open.path("id").asText()).as("the task is still open").isEqualTo(task);
        assertThat(open.path("assignee").isMissingNode() || open.path("assignee").isNull()).isTrue();
        assertThat(auditor.get("/engine-rest/task").status()).as("the engine's API is for administrators").isEqualTo(403);
    }

    @Test
    void readsTheDossierPageButCannotClaimOnThePages() {
        UUID id = cases.submit("antrag.dortmund", "kommin-nrw", CaseFixtures.kommIn("Revision im Browser "
                + UUID.randomUUID(), 20_000));
        String task = reviewer.awaitTask(id, "Task_FormalCheck");
        PageSession browser = new PageSession(port);

        assertThat(browser.loginAndFollow("revision")).endsWith("/workspace");
        HttpResponse<String> opened = browser.get("/workspace/cases?reference="
                + cases.reference(id).toLowerCase(java.util.Locale.ROOT));
        assertThat(opened.statusCode()).as("found by its Aktenzeichen").isEqualTo(302);
        assertThat(opened.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/workspace/cases/" + id));
        HttpResponse<String> unknown = browser.get("/workspace/cases?reference=KIN-1999-%3Cb%3E");
        assertThat(unknown.statusCode()).isEqualTo(302);
        assertThat(browser.get("/workspace").body()).contains("role=\"alert\"",
                "Keinen Vorgang mit dem Aktenzeichen „KIN-1999-&lt;b&gt;“ gefunden");
        HttpResponse<String> dossier = browser.get("/workspace/cases/" + id);
        assertThat(dossier.statusCode()).isEqualTo(200);
        assertThat(dossier.body()).contains(cases.reference(id));
        String token = java.net.URLEncoder.encode(browser.csrfFrom(dossier.body()),
                java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<String> claim = browser.post("/workspace/tasks/" + task + "/claim", "_csrf=" + token);
        assertThat(claim.statusCode()).isEqualTo(403);
        assertThat(reviewer.get("/api/tasks/" + task).body().path("assignee").isMissingNode()).isTrue();
        assertThat(browser.get("/camunda/app/tasklist/").statusCode()).as("Tasklist is for those who work cases")
                .isEqualTo(403);
    }


    private static void assertRefused(ApiClient.Response response) {
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body().path("message").asText()).contains("Die Revision liest nur");
    }

    private static java.util.List<String> ids(JsonNode list) {
        return StreamSupport.stream(list.spliterator(), false).map(c -> c.path("id").asText()).toList();
    }
}
