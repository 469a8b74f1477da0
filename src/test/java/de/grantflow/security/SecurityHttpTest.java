package de.grantflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

/** Who may call which path, through real HTTP against the running application. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SecurityHttpTest {

    private static final String PASSWORD = TestUsers.PASSWORD;

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;
    @Autowired CurrentUsers users;
    @Autowired DemoUsers demoUsers;
    @Autowired IdentityService identity;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder passwords;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void demoUsers() {
        TestUsers.ensureDemoUsers(accounts);
    }

    @Test
    void answersAnApiCallWithoutCredentialsWith401AsJson() throws IOException {
        Browser anonymous = new Browser(null, null);

        for (String path : List.of("/api/test/whoami", "/api/anything")) {
            HttpResponse<String> response = anonymous.get(path);
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"grantflow\"");
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            JsonNode body = json.readTree(response.body());
            assertThat(body.path("status").asInt()).isEqualTo(401);
            assertThat(body.path("error").asText()).isEqualTo("Unauthorized");
            assertThat(body.path("message").asText()).isEqualTo("Anmeldung erforderlich");
        }
    }

    @Test
    void rejectsAWrongPasswordAndAnUnknownUser() throws IOException {
        HttpResponse<String> wrongPassword = new Browser("pruefer", "falsch").get("/api/test/whoami");
        HttpResponse<String> unknown = new Browser("niemand", PASSWORD).get("/api/test/whoami");

        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(json.readTree(wrongPassword.body()).path("message").asText()).isEqualTo("Anmeldung erforderlich");
        assertThat(unknown.statusCode()).isEqualTo(401);
    }

    @Test
    void knowsTheCallerWithRolesAuthoritiesAndCandidateGroups() throws IOException {
        HttpResponse<String> response = new Browser("pruefer", PASSWORD).get("/api/test/whoami");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode me = json.readTree(response.body());
        assertThat(me.path("username").asText()).isEqualTo("pruefer");
        assertThat(me.path("displayName").asText()).isEqualTo("Peter Prüfer");
        assertThat(me.path("roles").toString()).isEqualTo("[\"REVIEWER\"]");
        assertThat(users.find("pruefer").orElseThrow().candidateGroups())
                .contains("reviewer-br-arnsberg", "reviewer-lpb-bw")
                .noneMatch(group -> group.startsWith("approver-"));
        assertThat(users.find("antrag.dortmund").orElseThrow().candidateGroups())
                .containsExactly("applicant-05913000");
    }

    @Test
    void seesChangedRolesAtOnceThoughTheLoginIsCached() throws IOException {
        accounts.createOrUpdate(new NewUser("wechsel", "geheim", "Wera Wechsel", null, null, Set.of(Role.REVIEWER),
                null, Set.of("br-arnsberg")));
        Browser wechsel = new Browser("wechsel", "geheim");
        assertThat(json.readTree(wechsel.get("/api/test/whoami").body()).path("roles").toString())
                .isEqualTo("[\"REVIEWER\"]");

        accounts.createOrUpdate(new NewUser("wechsel", "geheim", "Wera Wechsel", null, null, Set.of(Role.APPROVER),
                null, Set.of("br-arnsberg")));

        assertThat(json.readTree(wechsel.get("/api/test/whoami").body()).path("roles").toString())
                .isEqualTo("[\"APPROVER\"]");
    }

    @Test
    void refusesADisabledUser() throws IOException {
        accounts.createOrUpdate(new NewUser("gesperrt", "geheim", "Gerd Gesperrt", null, null,
                Set.of(Role.REVIEWER), null, Set.of("br-arnsberg")));
        jdbc.sql("UPDATE app_user SET enabled = FALSE WHERE username = 'gesperrt'").update();

        assertThat(new Browser("gesperrt", "geheim").get("/api/test/whoami").statusCode()).isEqualTo(401);
    }

    @Test
    void storesOnlyABcryptHashOfThePassword() {
        String hash = jdbc.sql("SELECT password_hash FROM app_user WHERE username = 'pruefer'").query(String.class)
                .single();

        assertThat(hash).startsWith("{bcrypt}$2");
        assertThat(passwords.matches(PASSWORD, hash)).isTrue();
    }

    @Test
    void enforcesMethodSecurity() {
        assertThat(new Browser("pruefer", PASSWORD).get("/api/test/admin-only").statusCode()).isEqualTo(403);
        assertThat(new Browser("admin", PASSWORD).get("/api/test/admin-only").statusCode()).isEqualTo(200);
    }

    @Test
    void opensTheEngineRestApiToAdministratorsOnly() throws IOException {
        HttpResponse<String> applicant = new Browser("antrag.dortmund", PASSWORD).get("/engine-rest/task");

        assertThat(applicant.statusCode()).isEqualTo(403);
        assertThat(json.readTree(applicant.body()).path("message").asText()).isEqualTo("Keine Berechtigung");
        assertThat(new Browser("pruefer", PASSWORD).get("/engine-rest/task").statusCode()).isEqualTo(403);
        assertThat(new Browser("programm", PASSWORD).get("/engine-rest/engine").statusCode()).isEqualTo(403);
        assertThat(new Browser(null, null).get("/engine-rest/engine").statusCode()).isEqualTo(401);
        HttpResponse<String> admin = new Browser("admin", PASSWORD).get("/engine-rest/engine");
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body()).contains("\"name\":\"default\"");
    }

    @Test
    void opensTheCamundaWebappsToStaffOnly() {
        demoUsers.install();
        assertThat(new Browser("antrag.dortmund", PASSWORD).get("/camunda/app/tasklist/").statusCode())
                .isEqualTo(403);
        assertThat(new Browser("antrag.stuttgart", PASSWORD).get("/camunda/api/engine/engine/default/task")
                .statusCode()).isEqualTo(403);
        Browser pruefer = new Browser("pruefer", PASSWORD);
        HttpResponse<String> tasklist = pruefer.get("/camunda/app/tasklist/");
        assertThat(tasklist.statusCode()).as("the webapp's own redirect to its engine").isEqualTo(302);
        assertThat(tasklist.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/camunda/app/tasklist/default/"));
        HttpResponse<String> dflt = pruefer.get("/camunda/app/tasklist/default/");
        assertThat(dflt.statusCode()).as(dflt.headers().map().toString()).isEqualTo(200);
        assertThat(pruefer.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(200);
        assertThat(new Browser("programm", PASSWORD).get("/camunda/app/cockpit/default/").statusCode())
                .as("programme managers see figures, no case: no Cockpit").isEqualTo(403);
        HttpResponse<String> anonymous = new Browser(null, null).get("/camunda/app/tasklist/default/");
        assertThat(anonymous.statusCode()).as("to the one login page").isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login"));
    }

    @Test
    void staffLogIntoTasklistWithTheWebappsOwnLoginAndCsrfProtection() {
        demoUsers.install();
        Browser pruefer = new Browser("pruefer", PASSWORD);
        assertThat(pruefer.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
        String login = "/camunda/api/admin/auth/user/default/login/tasklist";

        assertThat(pruefer.postForm(login, "username=pruefer&password=demo", false).statusCode()).isEqualTo(403);
        // a refused request costs the session its token (the webapps' CSRF filter); the page fetches a new one
        pruefer.get("/camunda/app/tasklist/default/");
        HttpResponse<String> loggedIn = pruefer.postForm(login, "username=pruefer&password=demo", true);
        assertThat(loggedIn.statusCode()).as(loggedIn.body()).isEqualTo(200);
        HttpResponse<String> session = pruefer.get("/camunda/api/admin/auth/user/default");
        assertThat(session.statusCode()).isEqualTo(200);
        assertThat(session.body()).contains("\"userId\":\"pruefer\"");
    }

    @Test
    void givesEngineAccountsToStaffButNeverToApplicants() {
        demoUsers.install();
        demoUsers.install();

        assertThat(identity.createUserQuery().userIdIn("antrag.dortmund", "antrag.duisburg", "antrag.muenster",
                "antrag.stuttgart").count()).isZero();
        assertThat(identity.createUserQuery().memberOfGroup("camunda-admin").list()).extracting(User::getId)
                .containsExactly("admin");
        assertThat(identity.createUserQuery().memberOfGroup("reviewer-br-arnsberg").list()).extracting(User::getId)
                .containsExactlyInAnyOrder("pruefer", "pruefer2");
        assertThat(identity.createUserQuery().memberOfGroup("approver-lpb-bw").list()).extracting(User::getId)
                .containsExactlyInAnyOrder("pruefer2", "bewilliger");
        assertThat(identity.checkPassword("pruefer", PASSWORD)).isTrue();
    }

    @Test
    void nobodyCanTakeOverTheAdminWebappsSetup() {
        // pruefer needs an engine account to reach the Admin webapp at all; alone, no other test made it
        demoUsers.install();
        List<String> admins = identity.createUserQuery().memberOfGroup("camunda-admin").list().stream()
                .map(User::getId).toList();
        admins.forEach(admin -> identity.deleteMembership(admin, "camunda-admin"));
        try {
            Browser pruefer = new Browser("pruefer", PASSWORD);
            // the webapps' CSRF token comes with a page the reviewer may open
            pruefer.get("/camunda/app/tasklist/default/");
            HttpResponse<String> setup = pruefer.postJson("/camunda/api/admin/setup/default/user/create", """
                    {"profile": {"id": "uebernahme", "firstName": "Ü", "lastName": "Ü"},
                     "credentials": {"password": "uebernahme1"}}""");

            assertThat(setup.statusCode()).isEqualTo(403);
            assertThat(identity.createUserQuery().userId("uebernahme").count()).isZero();
        } finally {
            admins.forEach(admin -> identity.createMembership(admin, "camunda-admin"));
        }
    }

    @Test
    void leavesHealthAndApiDocsPublic() {
        Browser anonymous = new Browser(null, null);

        assertThat(anonymous.get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/v3/api-docs").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/swagger-ui.html").statusCode()).isIn(200, 302);
    }

    /** One client with its own cookies, optionally sending HTTP Basic credentials with every request. */
    private final class Browser {

        private final HttpClient http;
        private final CookieManager cookies = new CookieManager();
        private final String authorization;

        Browser(String username, String password) {
            this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
            this.authorization = username == null ? null : "Basic " + Base64.getEncoder()
                    .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        }

        HttpResponse<String> get(String path) {
            return send(request(path).GET());
        }

        HttpResponse<String> postForm(String path, String form, boolean withCsrfToken) {
            HttpRequest.Builder request = request(path).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form));
            if (withCsrfToken) {
                request.header("X-XSRF-TOKEN", csrfToken());
            }
            return send(request);
        }

        HttpResponse<String> postJson(String path, String body) {
            return send(request(path).header("Content-Type", "application/json").header("X-XSRF-TOKEN", csrfToken())
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        private String csrfToken() {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .map(HttpCookie::getValue).findFirst().orElseThrow();
        }

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            return request;
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
