package de.grantflow.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import de.grantflow.TestClock;
import de.grantflow.application.CaseFixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** Attachments through the real HTTP API: multipart upload, typed by content, seen only by whoever sees the case. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AttachmentApiTest {

    @LocalServerPort int port;
    @Autowired CaseFixtures cases;
    @Autowired TestClock clock;
    @Autowired JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();
    private UUID draft;

    @BeforeEach
    void draft() {
        clock.reset();
        cases.ensureUsers();
        draft = cases.draft("antrag.dortmund", "kommin-nrw", CaseFixtures.kommIn("Anlagen", 20_000));
    }

    @Test
    void theMunicipalityHandsInAPdfAndWhoeverSeesTheCaseReadsIt() throws Exception {
        byte[] pdf = SampleFiles.pdf();
        UUID submitted = cases.submit("antrag.dortmund", "kommin-nrw", CaseFixtures.kommIn("Eingereicht", 20_000));

        HttpResponse<String> added = upload("antrag.dortmund", submitted, "Kostenplan 2027.pdf", "application/pdf",
                pdf);

        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(added.body()).contains("\"fileName\":\"Kostenplan 2027.pdf\"", "\"mediaType\":\"application/pdf\"");
        String id = added.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        assertThat(get("antrag.dortmund", "/api/applications/" + submitted + "/attachments").body())
                .contains("Kostenplan 2027.pdf");
        assertThat(upload("pruefer", submitted, "c.pdf", "application/pdf", pdf).statusCode())
                .as("staff read attachments, the municipality hands them in").isEqualTo(403);
        HttpResponse<byte[]> download = getBytes("pruefer", "/api/attachments/" + id);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(pdf);
        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                value -> assertThat(value).startsWith("attachment"));
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void anotherMunicipalityFindsNeitherTheAttachmentsNorTheFile() throws Exception {
        HttpResponse<String> added = upload("antrag.dortmund", draft, "a.pdf", "application/pdf", SampleFiles.pdf());
        String id = added.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");

        assertThat(get("antrag.duisburg", "/api/applications/" + draft + "/attachments").statusCode()).isEqualTo(404);
        assertThat(getBytes("antrag.duisburg", "/api/attachments/" + id).statusCode()).isEqualTo(404);
        assertThat(upload("antrag.duisburg", draft, "b.pdf", "application/pdf", SampleFiles.pdf()).statusCode())
                .isEqualTo(404);
        assertThat(getBytes("pruefer", "/api/attachments/" + id).statusCode()).as("staff see no drafts")
                .isEqualTo(404);
    }

    @Test
    void refusesHarmfulOrMislabelledFilesWithAReasonAndStoresNothing() throws Exception {
        HttpResponse<String> program = upload("antrag.dortmund", draft, "rechnung.pdf", "application/pdf",
                SampleFiles.windowsProgram());
        HttpResponse<String> script = upload("antrag.dortmund", draft, "a.pdf", "application/pdf",
                SampleFiles.pdfWithJavaScript());
        HttpResponse<String> bomb = upload("antrag.dortmund", draft, "plan.docx", "application/octet-stream",
                SampleFiles.docxBomb(150));

        assertThat(program.statusCode()).isEqualTo(400);
        assertThat(program.body()).contains("werden nicht angenommen");
        assertThat(script.statusCode()).isEqualTo(400);
        assertThat(script.body()).contains("JavaScript");
        assertThat(bomb.statusCode()).isEqualTo(400);
        assertThat(bomb.body()).contains("entpackt sich");
        assertThat(jdbc.sql("SELECT count(*) FROM attachment WHERE application_id = ?").param(draft)
                .query(Long.class).single()).isZero();
    }

    @Test
    void refusesAnUploadWithoutAFilePart() throws Exception {
        HttpResponse<String> empty = send("antrag.dortmund", HttpRequest.newBuilder(uri("/api/applications/" + draft
                + "/attachments")).header("Content-Type", "multipart/form-data; boundary=x")
                .POST(HttpRequest.BodyPublishers.ofString("--x--\r\n")));

        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("file");
    }

    private HttpResponse<String> upload(String user, UUID application, String name, String type, byte[] content)
            throws Exception {
        String boundary = "grantflow" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return send(user, HttpRequest.newBuilder(uri("/api/applications/" + application + "/attachments"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private HttpResponse<String> get(String user, String path) throws Exception {
        return send(user, HttpRequest.newBuilder(uri(path)).GET());
    }

    private HttpResponse<byte[]> getBytes(String user, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<String> send(String user, HttpRequest.Builder request) throws Exception {
        return http.send(request.header("Authorization", basic(user)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
