package de.grantflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import de.grantflow.security.DemoUsers;
import de.grantflow.security.TestUsers;
import de.grantflow.security.UserAccounts;
import java.net.http.HttpResponse;
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
        PageSession stranger = new PageSession(port);

        HttpResponse<String> home = stranger.get("/");

        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        HttpResponse<String> login = stranger.get("/login");
        assertThat(login.body()).contains("<title>Anmelden – grantflow</title>", "lang=\"de\"",
                "<label for=\"username\">Benutzername</label>", "Zum Inhalt springen");
        assertThat(login.body()).as("no OpenID provider configured, none offered").doesNotContain("/oauth2/");
    }

    @Test
    void sendsAPollingPageWithoutSessionToTheLoginAsAWhole() throws Exception {
        HttpResponse<String> poll = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                        .newBuilder(java.net.URI.create("http://localhost:" + port + "/dashboard/jobs/"
                                + java.util.UUID.randomUUID() + "/status"))
                        .header("HX-Request", "true").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(poll.statusCode()).isEqualTo(401);
        assertThat(poll.headers().firstValue("HX-Redirect")).hasValue("/login");
        assertThat(poll.body()).doesNotContain("<form");
    }

    @Test
    void sendsTheSecurityHeadersAndAGuardedSessionCookie() {
        HttpResponse<String> login = new PageSession(port).get("/login");

        assertThat(login.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("script-src 'self';", "object-src 'none'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-eval"));
        assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=").contains("HttpOnly", "SameSite=Lax"));
    }

    @Test
    void speaksEnglishWhenAsked() {
        PageSession stranger = new PageSession(port);

        assertThat(stranger.get("/login?lang=en").body()).contains("lang=\"en\"", "Sign in", "Skip to content");
        assertThat(stranger.get("/login").body()).as("the choice is kept").contains("User name");
    }

    @Test
    void refusesAWrongPasswordWithAMessageAtTheForm() {
        PageSession session = new PageSession(port);

        HttpResponse<String> refused = session.login("pruefer", "falsch");

        assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(
                "/login?error"));
        assertThat(session.get("/login?error").body()).contains("Benutzername oder Passwort ist falsch.",
                "aria-invalid=\"true\"");
    }

    @Test
    void refusesALoginWithoutTheFormsCsrfToken() {
        PageSession session = new PageSession(port);
        session.get("/login");

        HttpResponse<String> forged = session.post("/login", "username=pruefer&password=demo");

        assertThat(forged.statusCode()).isEqualTo(403);
    }

    @Test
    void leadsEachRoleToItsStartPage() {
        assertThat(new PageSession(port).loginAndFollow("antrag.dortmund")).endsWith("/portal");
        assertThat(new PageSession(port).loginAndFollow("pruefer")).endsWith("/workspace");
        assertThat(new PageSession(port).loginAndFollow("bewilliger")).endsWith("/workspace");
        assertThat(new PageSession(port).loginAndFollow("programm")).endsWith("/dashboard");
    }

    @Test
    void oneLoginServesTasklistAndCockpit() {
        PageSession pruefer = new PageSession(port);
        pruefer.login("pruefer", "demo");

        assertThat(pruefer.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
        HttpResponse<String> webappUser = pruefer.get("/camunda/api/admin/auth/user/default");
        assertThat(webappUser.statusCode()).isEqualTo(200);
        assertThat(webappUser.body()).contains("\"userId\":\"pruefer\"", "tasklist", "cockpit");
    }

    @Test
    void keepsApplicantsOutOfTheCamundaWebappsAfterTheirLogin() {
        PageSession applicant = new PageSession(port);
        applicant.login("antrag.dortmund", "demo");

        assertThat(applicant.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(403);
        assertThat(applicant.get("/camunda/api/engine/engine/default/task").statusCode()).isEqualTo(403);
    }

    @Test
    void givesANewSessionIdAtLoginAndEndsTheSessionAtLogout() {
        PageSession session = new PageSession(port);
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
}
