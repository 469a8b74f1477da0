package de.grantflow.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import de.grantflow.application.CaseDossier;
import de.grantflow.application.Cases;
import de.grantflow.attachments.AttachmentContent;
import de.grantflow.attachments.AttachmentService;
import de.grantflow.letters.LetterFile;
import de.grantflow.letters.LetterService;
import de.grantflow.letters.StoredLetter;
import de.grantflow.security.Audited;
import de.grantflow.security.CurrentUser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The whole case for records management, as one ZIP: the case with its data, review, rule decisions (inputs, outputs,
 * the rule that fired) and timeline as JSON, every letter and attachment as stored, the audit trail of the case, and a
 * manifest with the SHA-256 of every file. Only the authority exports; the export itself is audited.
 */
@Service
public class DossierExport {

    private final Cases cases;
    private final LetterService letters;
    private final AttachmentService attachments;
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final ApplicationEventPublisher events;

    DossierExport(Cases cases, LetterService letters, AttachmentService attachments, JdbcClient jdbc,
            ObjectMapper json, ApplicationEventPublisher events) {
        this.cases = cases;
        this.letters = letters;
        this.attachments = attachments;
        this.jdbc = jdbc;
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
        this.events = events;
    }

    /** The ZIP's file name and bytes. */
    public record Export(String fileName, byte[] zip) {

        public ResponseEntity<byte[]> asDownload() {
            return ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType("application/zip"))
                    .header(HttpHeaders.CONTENT_DISPOSITION,
                            ContentDisposition.attachment().filename(fileName).build().toString())
                    .body(zip);
        }
    }

    public Export export(CurrentUser user, UUID applicationId) {
        CaseDossier dossier = cases.dossier(applicationId, user);
        if (user.isApplicant()) {
            throw new AccessDeniedException("Die Akte exportiert die Bewilligungsbehörde");
        }
        List<AttachmentContent> files = attachments.contentsOf(user, applicationId);
        List<String> subjects = new ArrayList<>();
        subjects.add("application:" + applicationId);
        dossier.letters().forEach(letter -> subjects.add("letter:" + letter.id()));
        files.forEach(file -> subjects.add("attachment:" + file.attachment().id()));
        events.publishEvent(new Audited("DOSSIER_EXPORTED", "application:" + applicationId,
                Map.of("letters", dossier.letters().size(), "attachments", files.size())));
        Map<String, String> manifest = new LinkedHashMap<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            add(zip, manifest, "case.json", json.writeValueAsBytes(dossier));
            int n = 0;
            for (StoredLetter letter : dossier.letters()) {
                LetterFile file = letters.file(letter.id()).orElseThrow();
                add(zip, manifest, "letters/%02d-%s".formatted(++n, file.fileName()), file.content());
            }
            n = 0;
            for (AttachmentContent file : files) {
                add(zip, manifest, "attachments/%02d-%s".formatted(++n, file.attachment().fileName()),
                        file.content());
            }
            add(zip, manifest, "audit.json", json.writeValueAsBytes(trail(subjects)));
            StringBuilder list = new StringBuilder("SHA-256 der Dateien dieser Akte ").append(dossier.reference())
                    .append('\n');
            manifest.forEach((name, sha) -> list.append(sha).append("  ").append(name).append('\n'));
            add(zip, manifest, "manifest.txt", list.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Export("Akte-" + dossier.reference().replaceAll("[^A-Za-z0-9-]", "_") + ".zip", out.toByteArray());
    }

    private List<Map<String, Object>> trail(List<String> subjects) {
        return jdbc.sql("""
                SELECT id, occurred_at, actor, action, subject, details::text AS details, remote_address, chain_no,
                       hash
                FROM audit_event WHERE subject IN (:subjects) ORDER BY id""")
                .param("subjects", subjects)
                .query((rs, row) -> {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("id", rs.getLong("id"));
                    entry.put("occurredAt", rs.getObject("occurred_at", java.time.OffsetDateTime.class).toString());
                    entry.put("actor", rs.getString("actor"));
                    entry.put("action", rs.getString("action"));
                    entry.put("subject", rs.getString("subject"));
                    entry.put("details", readTree(rs.getString("details")));
                    entry.put("remoteAddress", rs.getString("remote_address"));
                    entry.put("chainNo", rs.getObject("chain_no"));
                    entry.put("hash", rs.getString("hash"));
                    return entry;
                })
                .list();
    }

    private Object readTree(String text) {
        try {
            return text == null ? null : json.readTree(text);
        } catch (IOException e) {
            return text;
        }
    }

    private static void add(ZipOutputStream zip, Map<String, String> manifest, String name, byte[] content)
            throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
        manifest.put(name, sha256(content));
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
