package de.grantflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import de.grantflow.web.PageSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Sign-in with OpenID Connect against a real provider (mock-oauth2-server on a free port), through the whole
 * authorization-code flow as a browser follows it. Its own application context: it needs the provider's address.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OidcSignInTest {

    private static final String ISSUER = "grantflow-test";
    private static final String CLIENT_ID = "grantflow";
    private static final MockOAuth2Server PROVIDER = new MockOAuth2Server();

    @LocalServerPort int port;
    @Autowired CurrentUsers users;
    @Autowired UserAccounts accounts;
    @Autowired UserRepository repository;
    @Autowired IdentityService identity;
    @Autowired JdbcClient jdbc;

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        PROVIDER.start();
        registry.add("grantflow.oidc.issuer-uri", () -> PROVIDER.issuerUrl(ISSUER).toString());
        registry.add("grantflow.oidc.client-id", () -> CLIENT_ID);
        registry.add("grantflow.oidc.client-secret", () -> "geheim");
        registry.add("grantflow.oidc.name", () -> "Landes-IdP");
        // an engine administrator exists, as in production: else the webapps would send everyone to their setup
        registry.add("grantflow.admin.password", () -> "administrator-im-test");
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.shutdown();
    }

    @Test
    void offersTheProviderOnTheLoginPage() {
        String login = new PageSession(port).get("/login").body();

        assertThat(login).contains("href=\"/oauth2/authorization/oidc\"", "Mit Landes-IdP anmelden",
                "<label for=\"username\">Benutzername</label>");
    }

    @Test
    void signsInAnApplicantOfTheMunicipalityTheTokenNames() {
        Browser browser = new Browser();

        HttpResponse<String> landed = browser.signIn("sub-anna", Map.of("preferred_username", "oidc.anna",
                "name", "Anna Schäfer", "email", "anna@stadtdo.example", "roles", List.of("applicant"),
                "ags", "05913000"));

        assertThat(landed.uri().getPath()).isEqualTo("/portal");
        HttpResponse<String> home = browser.getWithoutFollowing("/");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/portal"));
        CurrentUser anna = users.find("oidc.anna").orElseThrow();
        assertThat(anna.roles()).containsExactly(Role.APPLICANT);
        assertThat(anna.municipalityAgs()).isEqualTo("05913000");
        assertThat(anna.displayName()).isEqualTo("Anna Schäfer");
        assertThat(anna.email()).isEqualTo("anna@stadtdo.example");
        assertThat(browser.getWithoutFollowing("/camunda/app/tasklist/default/").statusCode())
                .as("applicants stay out of the webapps").isEqualTo(403);
        assertThat(identity.createUserQuery().userId("oidc.anna").count()).as("no engine account").isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE actor = 'oidc.anna' AND action = 'LOGIN'")
                .query(Long.class).single()).as("the sign-in is in the audit trail").isEqualTo(1);
    }

    @Test
    void signsInAReviewerWhoOpensTasklistWithTheSameSession() {
        Browser browser = new Browser();

        HttpResponse<String> landed = browser.signIn("sub-peter", Map.of("preferred_username", "oidc.peter",
                "given_name", "Peter", "family_name", "Prüfer", "roles", List.of("REVIEWER"),
                "authorities", List.of("br-arnsberg", "Bezirksregierung Arnsberg")));

        assertThat(landed.uri().getPath()).isEqualTo("/workspace");
        CurrentUser peter = users.find("oidc.peter").orElseThrow();
        assertThat(peter.roles()).containsExactly(Role.REVIEWER);
        assertThat(peter.authorities()).containsExactly("br-arnsberg");
        assertThat(peter.displayName()).isEqualTo("Peter Prüfer");
        assertThat(identity.createGroupQuery().groupMember("oidc.peter").list()).extracting("id")
                .containsExactly("reviewer-br-arnsberg");
        assertThat(browser.getWithoutFollowing("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
        HttpResponse<String> webappUser = browser.getWithoutFollowing("/camunda/api/admin/auth/user/default");
        assertThat(webappUser.statusCode()).isEqualTo(200);
        assertThat(webappUser.body()).contains("\"userId\":\"oidc.peter\"", "tasklist");
    }

    @Test
    void takesRolesFromKeycloaksRealmRolesWithoutTheRolesClaim() {
        HttpResponse<String> landed = new Browser().signIn("sub-paula", Map.of("preferred_username", "oidc.paula",
                "realm_access", Map.of("roles", List.of("offline_access", "programme_manager")),
                "authorities", List.of("br-arnsberg")));

        assertThat(landed.uri().getPath()).isEqualTo("/dashboard");
        assertThat(users.find("oidc.paula").orElseThrow().roles()).containsExactly(Role.PROGRAMME_MANAGER);
    }

    @Test
    void refusesATokenWithoutAKnownRoleWithAMessage() {
        Browser browser = new Browser();

        HttpResponse<String> refused = browser.signIn("sub-nobody", Map.of("preferred_username", "oidc.nobody",
                "roles", List.of("superuser")));

        assertThat(refused.uri().getPath() + "?" + refused.uri().getQuery()).isEqualTo("/login?refused=role");
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("role=\"alert\"", "Die Anmeldung über Landes-IdP wurde abgelehnt: Ihr"
                + " Konto dort hat keine Rolle in grantflow");
        assertThat(users.find("oidc.nobody")).isEmpty();
        assertThat(browser.getWithoutFollowing("/portal").statusCode()).as("not signed in").isEqualTo(302);
    }

    @Test
    void neverMakesAnIntegrationAccountFromAToken() {
        HttpResponse<String> refused = new Browser().signIn("sub-machine", Map.of("preferred_username",
                "oidc.machine", "roles", List.of("INTEGRATION"), "authorities", List.of("br-arnsberg")));

        assertThat(refused.uri().getPath() + "?" + refused.uri().getQuery()).isEqualTo("/login?refused=role");
        assertThat(users.find("oidc.machine")).isEmpty();
    }

    @Test
    void refusesAnApplicantWhoseMunicipalityTheRegisterDoesNotKnow() {
        HttpResponse<String> unknown = new Browser().signIn("sub-nowhere", Map.of("preferred_username",
                "oidc.nowhere", "roles", List.of("APPLICANT"), "ags", "99999999"));
        HttpResponse<String> missing = new Browser().signIn("sub-nowhere", Map.of("preferred_username",
                "oidc.nowhere", "roles", List.of("APPLICANT")));

        assertThat(unknown.uri().getQuery()).isEqualTo("refused=municipality");
        assertThat(unknown.body()).contains("Gemeindeschlüssel (AGS)");
        assertThat(missing.uri().getQuery()).isEqualTo("refused=municipality");
        assertThat(users.find("oidc.nowhere")).isEmpty();
    }

    @Test
    void updatesRolesAndMunicipalityAtTheNextSignIn() {
        new Browser().signIn("sub-bernd", Map.of("preferred_username", "oidc.bernd", "roles",
                List.of("REVIEWER", "APPROVER"), "authorities", List.of("br-arnsberg")));
        assertThat(users.find("oidc.bernd").orElseThrow().roles()).containsExactlyInAnyOrder(Role.REVIEWER,
                Role.APPROVER);

        Browser later = new Browser();
        HttpResponse<String> landed = later.signIn("sub-bernd", Map.of("preferred_username", "oidc.bernd", "roles",
                List.of("applicant"), "ags", "05112000"));

        assertThat(landed.uri().getPath()).isEqualTo("/portal");
        CurrentUser bernd = users.find("oidc.bernd").orElseThrow();
        assertThat(bernd.roles()).containsExactly(Role.APPLICANT);
        assertThat(bernd.municipalityAgs()).isEqualTo("05112000");
        assertThat(bernd.authorities()).isEmpty();
        assertThat(later.getWithoutFollowing("/camunda/app/tasklist/default/").statusCode()).isEqualTo(403);
        assertThat(identity.createUserQuery().userId("oidc.bernd").count()).as("no longer staff").isZero();
    }

    @Test
    void neverTakesOverALocalAccountNorSignsInWithAPassword() {
        accounts.createOrUpdate(new NewUser("lokal.admin", "lokal-geheim", "Lokale Administration", null, null,
                Set.of(Role.ADMIN), null, Set.of()));

        HttpResponse<String> refused = new Browser().signIn("sub-mallory", Map.of("preferred_username",
                "lokal.admin", "roles", List.of("ADMIN")));

        assertThat(refused.uri().getQuery()).isEqualTo("refused=taken");
        assertThat(new PageSession(port).login("lokal.admin", "lokal-geheim").headers().firstValue("Location"))
                .as("the local password still works").hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));

        new Browser().signIn("sub-olga", Map.of("preferred_username", "oidc.olga", "roles", List.of("APPROVER"),
                "authorities", List.of("br-arnsberg")));
        assertThat(repository.find("oidc.olga").orElseThrow().passwordHash()).startsWith("{bcrypt}");
        assertThat(new PageSession(port).login("oidc.olga", "").headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
        HttpResponse<String> stolen = new Browser().signIn("sub-mallory", Map.of("preferred_username", "oidc.olga",
                "roles", List.of("APPROVER"), "authorities", List.of("br-arnsberg")));
        assertThat(stolen.uri().getQuery()).as("another subject of the provider").isEqualTo("refused=taken");
    }

    /** A browser: follows the redirects between grantflow and the provider, keeping the cookies of both. */
    private final class Browser {

        private final CookieManager cookies = new CookieManager();
        private final HttpClient following = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        private final HttpClient stopping = HttpClient.newBuilder().cookieHandler(cookies).build();

        /** The provider answers the next token request with these claims. */
        HttpResponse<String> signIn(String subject, Map<String, Object> claims) {
            PROVIDER.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER, subject, JOSEObjectType.JWT.getType(),
                    List.of(CLIENT_ID), claims, 3600));
            return send(following, "/oauth2/authorization/oidc");
        }

        HttpResponse<String> getWithoutFollowing(String path) {
            return send(stopping, path);
        }

        private HttpResponse<String> send(HttpClient client, String path) {
            try {
                return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Accept", path.contains("/api/") ? "application/json" : "text/html").build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
