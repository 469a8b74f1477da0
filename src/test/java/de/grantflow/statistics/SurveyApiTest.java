package de.grantflow.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import de.grantflow.ApiClient;
import de.grantflow.ApiClient.Response;
import de.grantflow.TestClock;
import de.grantflow.application.CaseFixtures;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** A flash survey of the municipalities funded in a year, through the API, with its reminder and its deadline. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SurveyApiTest {

    @LocalServerPort int port;
    @Autowired CaseFixtures cases;
    @Autowired TestClock clock;

    @BeforeEach
    void setUp() {
        clock.reset();
        cases.ensureUsers();
    }

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    @Test
    void invitesTheFundedMunicipalitiesRemindsThemAndCountsTheAnswers() {
        ApiClient manager = new ApiClient(port, "programm", "demo");
        ApiClient dortmund = new ApiClient(port, "antrag.dortmund", "demo");
        String history = String.join(",", LegacyImport.HEADER) + "\n"
                + "ALT-SV-2014-1,05913000,2014,approved,20000,16000,16000,2014-02-03,2014-05-05\n"
                + "ALT-SV-2014-2,05112000,2014,rejected,9000,,,2014-03-03,2014-04-14\n";
        assertThat(manager.postText("/api/programmes/kommin-nrw/legacy-cases", "text/csv", history).status())
                .isEqualTo(200);

        assertThat(new ApiClient(port, "pruefer", "demo").post("/api/programmes/kommin-nrw/surveys",
                Map.of("title", "Blitzlicht", "fundedFrom", 2014, "fundedTo", 2014)).status()).isEqualTo(403);
        Response started = manager.post("/api/programmes/kommin-nrw/surveys",
                Map.of("title", "Blitzlicht 2014", "fundedFrom", 2014, "fundedTo", 2014));
        assertThat(started.status()).isEqualTo(201);
        assertThat(started.body().path("invited").asInt()).isEqualTo(1);
        assertThat(started.body().path("due").asText()).isEqualTo("2026-03-30");
        String id = started.body().path("id").asText();

        // other tests of the shared context start surveys of their own: this one is looked up by its id
        assertThat(invitation(new ApiClient(port, "antrag.duisburg", "demo"), id)).isNull();
        JsonNode invitation = invitation(dortmund, id);
        assertThat(invitation).isNotNull();
        assertThat(invitation.path("reminded").asBoolean()).isFalse();

        clock.set(LocalDateTime.of(2026, 3, 24, 9, 0));
        await().atMost(Duration.ofSeconds(30)).until(() -> invitation(dortmund, id).path("reminded").asBoolean());

        assertThat(dortmund.get("/api/surveys/" + id + "/form").body().path("id").asText()).isEqualTo("flash-survey");
        Response incomplete = dortmund.post("/api/surveys/" + id + "/response", Map.of("data",
                Map.of("overallBenefit", "sehr")));
        assertThat(incomplete.status()).isEqualTo(400);
        assertThat(incomplete.body().path("errors").findValuesAsText("field"))
                .contains("overallBenefit", "structuresContinued", "procedureEffort");
        assertThat(dortmund.post("/api/surveys/" + id + "/response", Map.of("data", Map.of("overallBenefit", "very",
                "structuresContinued", "partly", "procedureEffort", "high",
                "suggestions", "Weniger Formulare, Frau Schäfer aus dem Amt 32 hat viel geholfen."))).status())
                .isEqualTo(204);
        assertThat(dortmund.post("/api/surveys/" + id + "/response", Map.of("data", Map.of("overallBenefit", "not",
                "structuresContinued", "no", "procedureEffort", "high"))).status()).isEqualTo(409);

        JsonNode result = manager.get("/api/programmes/kommin-nrw/surveys/" + id).body();
        assertThat(result.path("responded").asInt()).isEqualTo(1);
        assertThat(result.path("responseRate").decimalValue()).isEqualByComparingTo("1");
        assertThat(result.path("answers").path("overallBenefit").path("very").asInt()).isEqualTo(1);
        assertThat(result.toString()).doesNotContain("Schäfer", "05913000");
        assertThat(new ApiClient(port, "evaluation", "demo").get("/api/programmes/kommin-nrw/surveys/" + id)
                .status()).isEqualTo(200);
        assertThat(dortmund.get("/api/programmes/kommin-nrw/surveys/" + id).status()).isEqualTo(403);

        clock.set(LocalDateTime.of(2026, 3, 31, 9, 0));
        await().atMost(Duration.ofSeconds(30)).until(() -> manager.get("/api/programmes/kommin-nrw/surveys/" + id)
                .body().path("closed").asBoolean());
    }

    private static JsonNode invitation(ApiClient municipality, String surveyId) {
        for (JsonNode survey : municipality.get("/api/surveys").body()) {
            if (surveyId.equals(survey.path("id").asText())) {
                return survey;
            }
        }
        return null;
    }
}
