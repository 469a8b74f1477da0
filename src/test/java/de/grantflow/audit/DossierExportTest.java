package de.grantflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import de.grantflow.TestClock;
import de.grantflow.application.CaseFixtures;
import de.grantflow.attachments.AttachmentService;
import de.grantflow.attachments.SampleFiles;
import de.grantflow.security.CurrentUsers;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The case's records as one ZIP: data and decisions, letters, attachments and audit trail, each file with its hash. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DossierExportTest {

    @LocalServerPort int port;
    @Autowired CaseFixtures cases;
    @Autowired TestClock clock;
    @Autowired AttachmentService attachments;
    @Autowired CurrentUsers users;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void setUp() {
        clock.reset();
        cases.ensureUsers();
    }

    @Test
    void theAuthorityExportsTheWholeCaseWithAManifestOfHashes() throws Exception {
        UUID id = cases.submit("antrag.dortmund", "kommin-nrw", CaseFixtures.kommIn("Akte", 20_000));
        attachments.add(users.find("antrag.dortmund").orElseThrow(), id, "Satzung.pdf", SampleFiles.pdf());

        HttpResponse<byte[]> export = get("pruefer", "/api/applications/" + id + "/dossier.zip");

        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type")).hasValue("application/zip");
        Map<String, byte[]> files = unzip(export.body());
        assertThat(files.keySet()).contains("case.json", "audit.json", "manifest.txt",
                "attachments/01-Satzung.pdf");
        assertThat(files.keySet()).anyMatch(name -> name.startsWith("letters/01-") && name.endsWith(".pdf"));
        String caseJson = new String(files.get("case.json"), StandardCharsets.UTF_8);
        assertThat(caseJson).contains("\"reference\"", "\"decisions\"", "\"ruleId\"", "\"inputs\"", "Akte");
        assertThat(new String(files.get("audit.json"), StandardCharsets.UTF_8)).contains("CASE_SUBMITTED",
                "ATTACHMENT_ADDED", "LETTER_ISSUED");
        assertThat(new String(files.get("attachments/01-Satzung.pdf"), 0, 5, StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        String manifest = new String(files.get("manifest.txt"), StandardCharsets.UTF_8);
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            if (!file.getKey().equals("manifest.txt")) {
                assertThat(manifest).contains(sha256(file.getValue()) + "  " + file.getKey());
            }
        }
    }

    @Test
    void neitherTheApplicantNorAnotherMunicipalityExports() throws Exception {
        UUID id = cases.submit("antrag.dortmund", "kommin-nrw", CaseFixtures.kommIn("Fremd", 20_000));

        assertThat(get("antrag.dortmund", "/api/applications/" + id + "/dossier.zip").statusCode()).isEqualTo(403);
        assertThat(get("antrag.duisburg", "/api/applications/" + id + "/dossier.zip").statusCode()).isEqualTo(404);
    }

    private HttpResponse<byte[]> get(String user, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo")
                        .getBytes(StandardCharsets.UTF_8))).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
