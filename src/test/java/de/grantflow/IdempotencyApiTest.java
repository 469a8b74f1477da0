package de.grantflow;

import static org.assertj.core.api.Assertions.assertThat;

import de.grantflow.ApiClient.Response;
import de.grantflow.application.CaseFixtures;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** A client's retry with the same Idempotency-Key never creates a second application or submits twice. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class IdempotencyApiTest {

    @LocalServerPort int port;
    @Autowired CaseFixtures cases;
    @Autowired JdbcClient jdbc;

    ApiClient dortmund;
    ApiClient duisburg;

    @BeforeEach
    void setUp() {
        cases.ensureUsers();
        dortmund = new ApiClient(port, "antrag.dortmund", "demo");
        duisburg = new ApiClient(port, "antrag.duisburg", "demo");
    }

    @Test
    void aRetryGetsTheFirstAnswerAndCreatesNothing() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> draft = draft("Wiederholt gesendet");

        Response first = dortmund.post("/api/applications", draft, key);
        Response retry = dortmund.post("/api/applications", draft, key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.headers().getFirst("Idempotent-Replayed")).isNull();
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.headers().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(applicationsTitled("Wiederholt gesendet")).isOne();
    }

    @Test
    void retriesRacingEachOtherCreateOneApplicationAndSubmitItOnce() throws Exception {
        String key = UUID.randomUUID().toString();
        Map<String, Object> draft = draft("Gleichzeitig gesendet");
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<Response>> created = IntStream.range(0, 8)
                    .mapToObj(i -> clients.submit(() -> dortmund.post("/api/applications", draft, key))).toList();
            List<String> ids = created.stream().map(f -> body(f).path("id").asText()).distinct().toList();
            assertThat(ids).hasSize(1);
            assertThat(applicationsTitled("Gleichzeitig gesendet")).isOne();

            String submitKey = UUID.randomUUID().toString();
            List<Future<Response>> submitted = IntStream.range(0, 8).mapToObj(i -> clients.submit(() ->
                    dortmund.post("/api/applications/" + ids.get(0) + "/submit", null, submitKey))).toList();
            for (Future<Response> answer : submitted) {
                assertThat(answer.get().status()).isEqualTo(200);
                assertThat(answer.get().body().path("status").asText()).isEqualTo("SUBMITTED");
            }
            assertThat(jdbc.sql("SELECT count(*) FROM application_event WHERE application_id = :id AND type = 'SUBMITTED'")
                    .param("id", UUID.fromString(ids.get(0))).query(Long.class).single()).isOne();
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void theSameKeyForAnotherRequestIsRefused() {
        String key = UUID.randomUUID().toString();
        assertThat(dortmund.post("/api/applications", draft("Erste Anfrage"), key).status()).isEqualTo(201);

        Response other = dortmund.post("/api/applications", draft("Andere Anfrage"), key);

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.body().path("message").asText()).contains("bereits für eine andere Anfrage");
        assertThat(applicationsTitled("Andere Anfrage")).isZero();
    }

    @Test
    void anErrorIsNotKeptSoTheCorrectedRequestMayUseTheKey() {
        String key = UUID.randomUUID().toString();
        Response invalid = dortmund.post("/api/applications", Map.of("programme", "kommin-nrw",
                "data", Map.of("totalCosts", "viel")), key);
        assertThat(invalid.status()).isEqualTo(400);

        Response corrected = dortmund.post("/api/applications", draft("Korrigiert"), key);

        assertThat(corrected.status()).isEqualTo(201);
        assertThat(corrected.headers().getFirst("Idempotent-Replayed")).isNull();
    }

    @Test
    void keysBelongToTheirUser() {
        String key = UUID.randomUUID().toString();
        Response mine = dortmund.post("/api/applications", draft("Schlüssel Dortmund"), key);
        Response theirs = duisburg.post("/api/applications", draft("Schlüssel Dortmund"), key);

        assertThat(theirs.status()).isEqualTo(201);
        assertThat(theirs.headers().getFirst("Idempotent-Replayed")).isNull();
        assertThat(theirs.body().path("id").asText()).isNotEqualTo(mine.body().path("id").asText());
    }

    @Test
    void aMalformedKeyIsRefused() {
        Response refused = dortmund.post("/api/applications", draft("Schlechter Schlüssel"), "x".repeat(256));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("errors").findValuesAsText("field")).containsExactly("Idempotency-Key");
        assertThat(applicationsTitled("Schlechter Schlüssel")).isZero();
    }

    private static Map<String, Object> draft(String title) {
        return Map.of("programme", "kommin-nrw", "data", CaseFixtures.kommIn(title, 10_000));
    }

    private long applicationsTitled(String title) {
        return jdbc.sql("SELECT count(*) FROM application WHERE data ->> 'projectTitle' = :title")
                .param("title", title).query(Long.class).single();
    }

    private static com.fasterxml.jackson.databind.JsonNode body(Future<Response> answer) {
        try {
            Response response = answer.get();
            assertThat(response.status()).isEqualTo(201);
            return response.body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
