package de.grantflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import de.grantflow.TestClock;
import de.grantflow.application.CaseFixtures;
import de.grantflow.attachments.SampleFiles;
import de.grantflow.security.DemoUsers;
import de.grantflow.web.PageSession;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** Attachments on the pages: the municipality hands them in on the case page, the authority reads them in the dossier. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AttachmentPagesTest {

    private static final Pattern PORTAL_LINK = Pattern.compile("href=\"(/portal/attachments/[0-9a-f-]+)\"");

    @LocalServerPort int port;
    @Autowired CaseFixtures cases;
    @Autowired TestClock clock;
    @Autowired DemoUsers demoUsers;

    private UUID id;

    @BeforeEach
    void submitted() {
        clock.reset();
        cases.ensureUsers();
        demoUsers.install();
        id = cases.submit("antrag.dortmund", "kommin-nrw", CaseFixtures.kommIn("Mit Anlagen", 20_000));
    }

    @Test
    void theMunicipalityHandsInAPdfThatTheReviewerOpensInTheDossier() {
        PageSession dortmund = new PageSession(port);
        dortmund.login("antrag.dortmund", "demo");
        String page = dortmund.get("/portal/applications/" + id).body();
        assertThat(page).contains("enctype=\"multipart/form-data\"", "<label for=\"attachment-file\">");

        HttpResponse<String> added = dortmund.postFile("/portal/applications/" + id + "/attachments",
                dortmund.csrfFrom(page), "file", "Kostenplan.pdf", SampleFiles.pdf());

        assertThat(added.statusCode()).isEqualTo(302);
        String after = dortmund.get("/portal/applications/" + id).body();
        assertThat(after).contains("Die Anlage „Kostenplan.pdf“ ist eingereicht.", "Kostenplan.pdf (");
        Matcher link = PORTAL_LINK.matcher(after);
        assertThat(link.find()).isTrue();
        assertThat(dortmund.get(link.group(1)).statusCode()).isEqualTo(200);
        PageSession duisburg = new PageSession(port);
        duisburg.login("antrag.duisburg", "demo");
        assertThat(duisburg.get(link.group(1)).statusCode()).isEqualTo(404);

        PageSession pruefer = new PageSession(port);
        pruefer.login("pruefer", "demo");
        String dossier = pruefer.get("/workspace/cases/" + id).body();
        assertThat(dossier).contains("Kostenplan.pdf", "application/pdf");
        String workspaceLink = link.group(1).replace("/portal/", "/workspace/");
        assertThat(pruefer.get(workspaceLink).statusCode()).isEqualTo(200);
    }

    @Test
    void aHarmfulFileIsRefusedWithItsReasonOnThePage() {
        PageSession dortmund = new PageSession(port);
        dortmund.login("antrag.dortmund", "demo");
        String page = dortmund.get("/portal/applications/" + id).body();

        dortmund.postFile("/portal/applications/" + id + "/attachments", dortmund.csrfFrom(page), "file",
                "rechnung.pdf", SampleFiles.windowsProgram());

        String after = dortmund.get("/portal/applications/" + id).body();
        assertThat(after).contains("role=\"alert\"", "werden nicht angenommen").doesNotContain("rechnung.pdf (");
    }

    @Test
    void aFileBeyondTheRequestLimitGetsAPageThatSaysSo() {
        PageSession dortmund = new PageSession(port);
        dortmund.login("antrag.dortmund", "demo");
        String page = dortmund.get("/portal/applications/" + id).body();

        HttpResponse<String> tooLarge = dortmund.postFile("/portal/applications/" + id + "/attachments",
                dortmund.csrfFrom(page), "file", "scan.pdf", new byte[26 * 1024 * 1024]);

        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("Die Datei ist zu groß").doesNotContain("später erneut");
        assertThat(dortmund.get("/portal/applications/" + id).body()).contains("Noch keine Anlagen.");
    }

    @Test
    void anUploadWithoutTheCsrfTokenIsRefused() {
        PageSession dortmund = new PageSession(port);
        dortmund.login("antrag.dortmund", "demo");

        HttpResponse<String> forged = dortmund.postFile("/portal/applications/" + id + "/attachments", "falsch",
                "file", "a.pdf", SampleFiles.pdf());

        assertThat(forged.statusCode()).isEqualTo(403);
    }
}
