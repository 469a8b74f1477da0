package de.grantflow;

import static org.assertj.core.api.Assertions.assertThat;

import de.grantflow.application.CaseFixtures;
import de.grantflow.security.DemoUsers;
import de.grantflow.web.PageSession;
import java.io.IOException;
import java.util.Map;
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

/**
 * Script, markup and control characters typed into text fields are kept as typed and come back harmless: as text on
 * every page, as text in the letter (which is still produced), unchanged through the API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class HostileInputTest {

    private static final String SCRIPT = "<script>alert('x')</script>";
    private static final String TITLE = SCRIPT + "<b onmouseover=\"alert(2)\">fett</b> & \"Anführung\" \u0007"
            + "\u001b[31m Ștefan Łukasz";
    private static final String DESCRIPTION = "</textarea><img src=x onerror=alert(3)>\r\n]]><!-- {{7*7}} ${7*7}";

    @LocalServerPort int port;
    @Autowired CaseFixtures cases;
    @Autowired TestClock clock;
    @Autowired DemoUsers demoUsers;

    @BeforeEach
    void setUp() {
        clock.reset();
        cases.ensureUsers();
        demoUsers.install();
    }

    @Test
    void hostileTextIsKeptAndComesBackHarmlessOnPagesInLettersAndThroughTheApi() throws IOException {
        Map<String, Object> data = CaseFixtures.kommIn(TITLE, 20_000);
        data.put("description", DESCRIPTION);
        data.put("contactName", "Eve <svg onload=alert(4)>");
        UUID id = cases.submit("antrag.dortmund", "kommin-nrw", data);

        ApiClient api = new ApiClient(port, "antrag.dortmund", "demo");
        ApiClient.Response stored = api.get("/api/applications/" + id);
        assertThat(stored.body().path("data").path("projectTitle").asText()).isEqualTo(TITLE);
        assertThat(stored.body().path("data").path("description").asText()).isEqualTo(DESCRIPTION);

        PageSession dortmund = new PageSession(port);
        dortmund.login("antrag.dortmund", "demo");
        harmless(dortmund.get("/portal/applications/" + id).body());
        harmless(dortmund.get("/portal").body());
        PageSession pruefer = new PageSession(port);
        pruefer.login("pruefer", "demo");
        harmless(pruefer.get("/workspace/cases/" + id).body());
        harmless(pruefer.get("/workspace").body());

        String letterId = stored.body().path("letters").get(0).path("id").asText();
        try (PDDocument pdf = Loader.loadPDF(api.bytes("/api/letters/" + letterId))) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).as("the title as text, control characters dropped").contains(SCRIPT, "Ștefan Łukasz");
            assertThat(text).doesNotContain("\u0000", "\u0007", "\u001b");
        }
    }

    @Test
    void aNullCharacterIsRefusedAtItsFieldAndNothingIsStored() {
        ApiClient api = new ApiClient(port, "antrag.dortmund", "demo");
        int before = api.get("/api/applications").body().size();

        ApiClient.Response refused = api.post("/api/applications", Map.of("programme", "kommin-nrw", "data",
                Map.of("projectTitle", "Titel\u0000mit Nullzeichen")));
        ApiClient.Response elsewhere = api.post("/api/surveys/" + UUID.randomUUID() + "/response",
                Map.of("data", Map.of("x\u0000", "y")));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("errors").findValuesAsText("field")).contains("projectTitle");
        assertThat(refused.body().toString()).contains("Nullzeichen");
        assertThat(elsewhere.status()).isBetween(400, 404);
        assertThat(api.get("/api/applications").body().size()).isEqualTo(before);
    }

    /** No markup of the input is live: each angle bracket of it arrives escaped. */
    private static void harmless(String html) {
        assertThat(html).doesNotContain(SCRIPT, "<b onmouseover", "<img src=x", "<svg onload", "</textarea><img");
        assertThat(html).doesNotContain("\u0000");
    }
}
