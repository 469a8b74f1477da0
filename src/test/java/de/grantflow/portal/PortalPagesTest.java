package de.grantflow.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.grantflow.ApiClient;
import de.grantflow.TestClock;
import de.grantflow.application.CaseFixtures;
import de.grantflow.security.DemoUsers;
import de.grantflow.security.TestUsers;
import de.grantflow.security.UserAccounts;
import de.grantflow.web.PageSession;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The applicant portal through real HTTP, as a browser without JavaScript uses it, on the real engine and database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PortalPagesTest {

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;
    @Autowired DemoUsers demoUsers;
    @Autowired TestClock clock;
    @Autowired CaseFixtures cases;

    PageSession dortmund;

    @BeforeEach
    void signIn() {
        clock.reset();
        TestUsers.ensureDemoUsers(accounts);
        demoUsers.install();
        dortmund = new PageSession(port);
        assertThat(dortmund.loginAndFollow("antrag.dortmund")).endsWith("/portal");
    }

    @Test
    void applicantDraftsSubmitsAndAnswersTheRequestForDocuments() {
        String title = "Lotsen Nordstadt " + UUID.randomUUID();
        HttpResponse<String> home = dortmund.get("/portal");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("<title>Meine Anträge – grantflow</title>", "Förderaufruf KOMM-IN NRW 2026/2027",
                "/portal/applications/new?programme=kommin-nrw")
                .as("a call of another state").doesNotContain("programme=fluechtlingsdialoge-bw");
        assertThat(dortmund.get("/portal/calls").body()).contains("Anteilfinanzierung", "Antrag stellen",
                "01.01.2026 bis 31.12.2027");

        String newForm = dortmund.get("/portal/applications/new?programme=kommin-nrw").body();
        assertThat(newForm).contains("<label for=\"f-projectTitle\">", "name=\"_add\" value=\"costPlan\"");
        Map<String, String> data = application(title);
        data.put("totalCosts", "viel");
        data.put("contactEmail", "keine-adresse");
        HttpResponse<String> refused = post(dortmund, "/portal/applications/new?programme=kommin-nrw", newForm, data);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("role=\"alert\"", "<a href=\"#f-totalCosts\">",
                "id=\"f-totalCosts-error\"", "Zahl erwartet", "Keine gültige E-Mail-Adresse",
                "value=\"" + title + "\"");
        assertThat(tag(refused.body(), "f-totalCosts")).contains("aria-invalid=\"true\"",
                "aria-describedby=\"f-totalCosts-suffix f-totalCosts-error\"");
        assertThat(dortmund.get("/portal").body()).as("nothing stored").doesNotContain(title);

        data.put("totalCosts", "80000");
        data.put("contactEmail", "anna.schaefer@stadtdo.de");
        data.remove("contactName");
        data.put("_add", "costPlan");
        HttpResponse<String> withRow = post(dortmund, "/portal/applications/new?programme=kommin-nrw",
                refused.body(), data);
        assertThat(withRow.statusCode()).isEqualTo(200);
        assertThat(withRow.body()).contains("name=\"costPlan[0].amount\"").doesNotContain("role=\"alert\"");
        assertThat(dortmund.get("/portal").body()).as("a new row stores nothing").doesNotContain(title);

        data.remove("_add");
        data.put("costPlan[0].category", "personal");
        data.put("costPlan[0].amount", "60000");
        HttpResponse<String> saved = post(dortmund, "/portal/applications/new?programme=kommin-nrw",
                withRow.body(), data);
        assertThat(saved.statusCode()).isEqualTo(302);
        String edit = path(saved);
        assertThat(edit).matches("/portal/applications/[0-9a-f-]{36}/edit");
        String id = edit.split("/")[3];
        String draft = dortmund.get(edit).body();
        assertThat(draft).contains("Entwurf gespeichert", "value=\"" + title + "\"",
                "<option value=\"personal\" selected=\"selected\">");

        String confirmation = dortmund.get("/portal/applications/" + id + "/submit").body();
        assertThat(confirmation).contains("Wollen Sie den Antrag verbindlich einreichen?", title);
        HttpResponse<String> incomplete = post(dortmund, "/portal/applications/" + id + "/submit", confirmation,
                Map.of());
        assertThat(incomplete.statusCode()).as("the contact person is missing").isEqualTo(400);
        assertThat(incomplete.body()).contains("Der Antrag wurde nicht eingereicht", "id=\"f-contactName-error\"",
                "<a href=\"#f-contactName\">Ansprechperson: Pflichtfeld</a>");

        data.put("contactName", "Anna Schäfer");
        data.put("_next", "submit");
        HttpResponse<String> savedAndNext = post(dortmund, edit, incomplete.body(), data);
        assertThat(path(savedAndNext)).isEqualTo("/portal/applications/" + id + "/submit");
        confirmation = dortmund.get("/portal/applications/" + id + "/submit").body();
        assertThat(confirmation).contains("Entwurf gespeichert", "Anna Schäfer");
        HttpResponse<String> submitted = post(dortmund, "/portal/applications/" + id + "/submit", confirmation,
                Map.of());
        assertThat(path(submitted)).isEqualTo("/portal/applications/" + id);

        String casePage = await().atMost(Duration.ofSeconds(30)).until(
                () -> dortmund.get("/portal/applications/" + id).body(), body -> body.contains("/portal/letters/"));
        assertThat(casePage).contains("Eingangsbestätigung", "Antragsdaten", title, "Verlauf");
        assertThat(casePage).containsPattern("id=\"case-status\">(Eingegangen|In Prüfung)<");
        String letter = first(casePage, "href=\"(/portal/letters/[0-9a-f-]{36})\"");
        HttpResponse<String> pdf = dortmund.get(letter);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                d -> assertThat(d).startsWith("attachment; filename=").contains(".pdf"));
        assertThat(pdf.body()).startsWith("%PDF");

        ApiClient pruefer = new ApiClient(port, "pruefer", "demo");
        String formalCheck = pruefer.awaitTask(id, "Task_FormalCheck");
        assertThat(pruefer.post("/api/tasks/" + formalCheck + "/complete",
                Map.of("data", Map.of("complete", false, "missingDocuments", "Ratsbeschluss"))).status())
                .isEqualTo(204);
        String withTask = await().atMost(Duration.ofSeconds(30)).until(
                () -> dortmund.get("/portal/applications/" + id).body(), body -> body.contains("/portal/tasks/"));
        String task = first(withTask, "action=\"(/portal/tasks/[^\"]+)\"");
        assertThat(withTask).contains("Unterlagen nachreichen", "Unterlagen nachreichen bis");
        String due = first(withTask, "Unterlagen nachreichen bis</dt>\\s*<dd>([0-9.]{10})</dd>");
        String listRow = first(dortmund.get("/portal").body(), "(?s)(<tr>(?:(?!</tr>).)*" + title + "(?:(?!</tr>).)*</tr>)");
        assertThat(listRow).as("the list shows the Nachforderung's deadline").contains("<td>" + due + "</td>");

        PageSession duisburg = new PageSession(port);
        duisburg.loginAndFollow("antrag.duisburg");
        assertThat(duisburg.get("/portal/applications/" + id).statusCode()).isEqualTo(404);
        assertThat(duisburg.get("/portal/applications/" + id).body()).contains("nicht zugänglich");
        assertThat(duisburg.get(letter).statusCode()).isEqualTo(404);
        assertThat(duisburg.get(task).statusCode()).isEqualTo(404);
        assertThat(post(duisburg, task, duisburg.get("/portal").body(), Map.of("documentsSupplied", "x"))
                .statusCode()).isEqualTo(404);
        assertThat(duisburg.get("/portal").body()).doesNotContain(title);

        String taskPage = dortmund.get(task).body();
        HttpResponse<String> empty = post(dortmund, task, taskPage, Map.of("documentsSupplied", " "));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(tag(empty.body(), "f-documentsSupplied")).contains("aria-invalid=\"true\"");
        assertThat(empty.body()).contains("id=\"f-documentsSupplied-error\"", "Pflichtfeld");
        HttpResponse<String> answered = post(dortmund, task, empty.body(),
                Map.of("documentsSupplied", "Ratsbeschluss vom 3.3.2026"));
        assertThat(path(answered)).isEqualTo("/portal/applications/" + id);
        assertThat(dortmund.get("/portal/applications/" + id).body()).contains("ist erledigt")
                .doesNotContain("action=\"" + task + "\"");
    }

    @Test
    void withdrawsADraftOnlyAfterConfirmation() {
        String title = "Zurückzunehmen " + UUID.randomUUID();
        UUID id = cases.draft("antrag.dortmund", "kommin-nrw", CaseFixtures.kommIn(title, 10_000));
        String casePage = dortmund.get("/portal/applications/" + id).body();
        assertThat(casePage).contains("id=\"case-status\">Entwurf<", "/portal/applications/" + id + "/withdraw");

        String confirmation = dortmund.get("/portal/applications/" + id + "/withdraw").body();
        assertThat(confirmation).contains("Wollen Sie den Antrag", "zurücknehmen?");
        PageSession duisburg = new PageSession(port);
        duisburg.loginAndFollow("antrag.duisburg");
        assertThat(post(duisburg, "/portal/applications/" + id + "/withdraw", duisburg.get("/portal").body(),
                Map.of()).statusCode()).isEqualTo(404);
        assertThat(dortmund.get("/portal/applications/" + id).body()).contains("id=\"case-status\">Entwurf<");

        HttpResponse<String> withdrawn = post(dortmund, "/portal/applications/" + id + "/withdraw", confirmation,
                Map.of());

        assertThat(path(withdrawn)).isEqualTo("/portal/applications/" + id);
        assertThat(dortmund.get("/portal/applications/" + id).body()).contains("Der Antrag wurde zurückgenommen.",
                "id=\"case-status\">Zurückgenommen<").doesNotContain("/withdraw\"");
        assertThat(dortmund.get("/portal/applications/" + id + "/edit").statusCode()).as("no longer a draft")
                .isEqualTo(302);
    }

    @Test
    void speaksEnglishWhenAsked() {
        assertThat(dortmund.get("/portal?lang=en").body()).contains("<title>My applications – grantflow</title>",
                "Applications and procedures of", "Open calls");
        assertThat(dortmund.get("/portal/applications/new?programme=kommin-nrw").body())
                .contains("Save draft", "Fields marked * are required.");
    }

    @Test
    void staffHaveNoPortal() {
        PageSession pruefer = new PageSession(port);
        pruefer.loginAndFollow("pruefer");

        HttpResponse<String> portal = pruefer.get("/portal");

        assertThat(portal.statusCode()).isEqualTo(403);
        assertThat(portal.body()).contains("Dafür fehlt Ihnen die Berechtigung.");
    }

    @Test
    void anUnknownProgrammeIsNotFound() {
        assertThat(dortmund.get("/portal/applications/new?programme=gibt-es-nicht").statusCode()).isEqualTo(404);
    }

    private static Map<String, String> application(String title) {
        Map<String, String> data = new LinkedHashMap<>();
        CaseFixtures.kommIn(title, 40_000).forEach((key, value) -> data.put(key, String.valueOf(value)));
        return data;
    }

    /** Posts the fields with the CSRF token of the page the form came from. */
    private static HttpResponse<String> post(PageSession session, String path, String page, Map<String, String> fields) {
        String token = session.csrfFrom(page);
        assertThat(token).as("CSRF token on the page").isNotNull();
        String body = fields.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return session.post(path, (body.isEmpty() ? "" : body + "&") + "_csrf=" + encode(token));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String path(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        return response.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "")
                .replaceFirst(";jsessionid=[^?]*", "");
    }

    private static String tag(String html, String id) {
        Matcher matcher = Pattern.compile("<(input|select|textarea)\\b[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>")
                .matcher(html);
        assertThat(matcher.find()).as("element " + id).isTrue();
        return matcher.group();
    }

    private static String first(String html, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(html);
        assertThat(matcher.find()).as(regex).isTrue();
        return matcher.group(1);
    }

}
