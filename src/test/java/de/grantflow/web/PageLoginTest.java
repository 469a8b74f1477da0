package de.grantflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import de.grantflow.security.DemoUsers;
import de.grantflow.security.TestUsers;
import de.grantflow.security.UserAccounts;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The one login page: a form with a CSRF token, each role's start page, and the same session in the Camunda webapps. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PageLoginTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;
    @Autowired DemoUsers demoUsers;

    @BeforeEach
    void demoUsers() {
        TestUsers.ensureDemoUsers(accounts);
        demoUsers.install();
    }

    @Test
    void sendsAStrangerToTheLoginPage() {
        Session stranger = new Session();

        HttpResponse<String> home = stranger.get("/");

        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        HttpResponse<String> login = stranger.get("/login");
        assertThat(login.body()).contains("<title>Anmelden – grantflow</title>", "lang=\"de\"",
                "<label for=\"username\">Benutzername</label>", "Zum Inhalt springen");
    }

    @Test
    void speaksEnglishWhenAsked() {
        Session stranger = new Session();

        assertThat(stranger.get("/login?lang=en").body()).contains("lang=\"en\"", "Sign in", "Skip to content");
        assertThat(stranger.get("/login").body()).as("the choice is kept").contains("User name");
    }

    @Test
    void refusesAWrongPasswordWithAMessageAtTheForm() {
        Session session = new Session();

        HttpResponse<String> refused = session.login("pruefer", "falsch");

        assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(
                "/login?error"));
        assertThat(session.get("/login?error").body()).contains("Benutzername oder Passwort ist falsch.",
                "aria-invalid=\"true\"");
    }

    @Test
    void refusesALoginWithoutTheFormsCsrfToken() {
        Session session = new Session();
        session.get("/login");

        HttpResponse<String> forged = session.post("/login", "username=pruefer&password=demo");

        assertThat(forged.statusCode()).isEqualTo(403);
    }

    @Test
    void leadsEachRoleToItsStartPage() {
        assertThat(new Session().loginAndFollow("antrag.dortmund")).endsWith("/portal");
        assertThat(new Session().loginAndFollow("pruefer")).endsWith("/workspace");
        assertThat(new Session().loginAndFollow("bewilliger")).endsWith("/workspace");
        assertThat(new Session().loginAndFollow("programm")).endsWith("/dashboard");
    }

    @Test
    void oneLoginServesTasklistAndCockpit() {
        Session pruefer = new Session();
        pruefer.login("pruefer", "demo");

        assertThat(pruefer.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
        HttpResponse<String> webappUser = pruefer.get("/camunda/api/admin/auth/user/default");
        assertThat(webappUser.statusCode()).isEqualTo(200);
        assertThat(webappUser.body()).contains("\"userId\":\"pruefer\"", "tasklist", "cockpit");
    }

    @Test
    void keepsApplicantsOutOfTheCamundaWebappsAfterTheirLogin() {
        Session applicant = new Session();
        applicant.login("antrag.dortmund", "demo");

        assertThat(applicant.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(403);
        assertThat(applicant.get("/camunda/api/engine/engine/default/task").statusCode()).isEqualTo(403);
    }

    @Test
    void givesANewSessionIdAtLoginAndEndsTheSessionAtLogout() {
        Session session = new Session();
        session.get("/login");
        String before = session.cookie("JSESSIONID");

        session.login("pruefer", "demo");

        assertThat(session.cookie("JSESSIONID")).isNotEqualTo(before);
        String token = session.csrfFrom(session.get("/login?lang=de").body());
        assertThat(token).as("signed in: /login leads home, a token comes from the home page form")
                .isNull();
        HttpResponse<String> logout = session.post("/logout", "_csrf=" + session.tokenOfAnyPage());
        assertThat(logout.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(
                "/login?logout"));
        assertThat(session.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(302);
    }

    private final class Session {

        private final CookieManager cookies = new CookieManager();
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(uri(path)).GET());
        }

        HttpResponse<String> post(String path, String form) {
            return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
        }

        HttpResponse<String> login(String username, String password) {
            String token = csrfFrom(get("/login").body());
            return post("/login", "username=" + username + "&password=" + password + "&_csrf="
                    + URLEncoder.encode(token, StandardCharsets.UTF_8));
        }

        String loginAndFollow(String username) {
            HttpResponse<String> login = login(username, "demo");
            assertThat(login.statusCode()).isEqualTo(302);
            HttpResponse<String> home = get("/");
            assertThat(home.statusCode()).isEqualTo(302);
            return home.headers().firstValue("Location").orElseThrow();
        }

        /** The logout form sits in the header of every page a signed-in user sees, the error page included. */
        String tokenOfAnyPage() {
            String token = csrfFrom(get("/no-such-page").body());
            assertThat(token).isNotNull();
            return URLEncoder.encode(token, StandardCharsets.UTF_8);
        }

        String csrfFrom(String html) {
            Matcher matcher = CSRF.matcher(html);
            return matcher.find() ? matcher.group(1) : null;
        }

        String cookie(String name) {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                    .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
        }

        private URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                HttpRequest built = request.build();
                // as a browser asks for pages, and the webapps' scripts for JSON
                return http.send(HttpRequest.newBuilder(built, (name, value) -> true).header("Accept",
                        built.uri().getPath().contains("/api/") ? "application/json" : "text/html").build(), HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
