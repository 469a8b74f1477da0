package de.grantflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import de.grantflow.ApiClient;
import de.grantflow.web.PageSession;
import java.net.http.HttpResponse;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** Guessing passwords: five wrong ones lock the user name for a while, on the API and on the login page alike. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LoginThrottleTest {

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;

    /** Fresh names for each test: a correct login is remembered for a while by the login cache. */
    private final String api = "rate.api." + System.nanoTime();
    private final String page = "rate.page." + System.nanoTime();
    private final String other = "rate.other." + System.nanoTime();

    @BeforeEach
    void users() {
        TestUsers.ensureDemoUsers(accounts);
        for (String name : new String[] {api, page, other}) {
            accounts.createOrUpdate(new NewUser(name, "richtig", "Rita Rate", null, null, Set.of(Role.REVIEWER),
                    null, Set.of("br-arnsberg")));
        }
    }

    @Test
    void locksAUserNameAfterFiveWrongPasswordsEvenForTheRightOne() {
        for (int i = 0; i < 5; i++) {
            assertThat(new ApiClient(port, api, "falsch" + i).get("/api/applications").status())
                    .isEqualTo(401);
        }

        ApiClient.Response right = new ApiClient(port, api, "richtig").get("/api/applications");

        assertThat(right.status()).isEqualTo(401);
        assertThat(right.body().path("message").asText()).startsWith("Zu viele fehlgeschlagene Anmeldungen");
        assertThat(new ApiClient(port, other, "richtig").get("/api/applications").status())
                .as("another user name is not affected").isEqualTo(200);
    }

    @Test
    void letsTheUserInAgainOnceTheLockHasPassedAndForgetsTheFailures() {
        for (int i = 0; i < 5; i++) {
            new ApiClient(port, api, "falsch").get("/api/applications");
        }
        jdbc.sql("UPDATE login_throttle SET locked_until = now() - interval '1 second' WHERE username = ?")
                .param(api).update();

        assertThat(new ApiClient(port, api, "richtig").get("/api/applications").status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM login_throttle WHERE username = ?").param(api).query(Long.class)
                .single()).isZero();
    }

    @Test
    void fourWrongPasswordsAndTheRightOneStartCountingAfresh() {
        for (int i = 0; i < 4; i++) {
            new ApiClient(port, api, "falsch").get("/api/applications");
        }
        assertThat(new ApiClient(port, api, "richtig").get("/api/applications").status()).isEqualTo(200);

        for (int i = 0; i < 4; i++) {
            new ApiClient(port, api, "falsch").get("/api/applications");
        }
        assertThat(jdbc.sql("SELECT failures FROM login_throttle WHERE username = ?").param(api)
                .query(Integer.class).single()).isEqualTo(4);
    }

    @Test
    void theLoginPageSaysTheNameIsLocked() {
        PageSession session = new PageSession(port);
        for (int i = 0; i < 5; i++) {
            session.login(page, "falsch");
        }

        HttpResponse<String> locked = session.login(page, "richtig");

        assertThat(locked.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login?locked"));
        assertThat(session.get("/login?locked").body()).contains("Zu viele fehlgeschlagene Anmeldungen");
    }
}
