package de.grantflow.attachments;

import de.grantflow.application.ApplicationStatus;
import de.grantflow.application.CaseNotFoundException;
import de.grantflow.application.Cases;
import de.grantflow.security.Audited;
import de.grantflow.security.CurrentUser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Attachments of a case: handed in by the case's municipality, read by whoever may see the case. */
@Service
public class AttachmentService {

    /** Once a case has ended, nothing more is handed in. */
    private static final Set<ApplicationStatus> CLOSED = EnumSet.of(ApplicationStatus.WITHDRAWN,
            ApplicationStatus.LAPSED, ApplicationStatus.REJECTED, ApplicationStatus.CLOSED);

    private final JdbcClient jdbc;
    private final Cases cases;
    private final Clock clock;
    private final UploadInspection inspection;
    private final ApplicationEventPublisher events;

    AttachmentService(JdbcClient jdbc, Cases cases, Clock clock, ApplicationEventPublisher events,
            @Value("${grantflow.attachments.max-bytes:10485760}") long maxBytes,
            @Value("${grantflow.attachments.max-unpacked-bytes:104857600}") long maxUnpackedBytes) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.clock = clock;
        this.events = events;
        this.inspection = new UploadInspection(maxBytes, maxUnpackedBytes, 5000);
    }

    @Transactional
    public Attachment add(CurrentUser user, UUID applicationId, String fileName, byte[] content) {
        Cases.CaseSummary summary = cases.findVisible(applicationId, user)
                .orElseThrow(() -> new CaseNotFoundException(applicationId));
        if (!user.isApplicant()) {
            throw new AccessDeniedException("Anlagen reicht die antragstellende Kommune ein");
        }
        if (CLOSED.contains(summary.status())) {
            throw new AttachmentRejected("Zu einem " + summary.status().germanName().toLowerCase(java.util.Locale.ROOT)
                    + "en Antrag können keine Anlagen mehr eingereicht werden");
        }
        String name = safeName(fileName);
        String mediaType = inspection.inspect(name, content);
        Attachment attachment = new Attachment(UUID.randomUUID(), applicationId, name, mediaType, content.length,
                sha256(content), user.username(), Instant.now(clock));
        jdbc.sql("""
                INSERT INTO attachment (id, application_id, file_name, media_type, size_bytes, sha256, content,
                                        uploaded_by, uploaded_at)
                VALUES (:id, :application, :name, :type, :size, :sha, :content, :by, :at)""")
                .param("id", attachment.id()).param("application", applicationId).param("name", name)
                .param("type", mediaType).param("size", content.length).param("sha", attachment.sha256())
                .param("content", content).param("by", user.username())
                .param("at", Timestamp.from(attachment.uploadedAt()))
                .update();
        events.publishEvent(new Audited("ATTACHMENT_ADDED", "attachment:" + attachment.id(), Map.of(
                "application", applicationId.toString(), "fileName", name, "mediaType", mediaType,
                "sha256", attachment.sha256())));
        return attachment;
    }

    @Transactional(readOnly = true)
    public List<Attachment> of(CurrentUser user, UUID applicationId) {
        cases.findVisible(applicationId, user).orElseThrow(() -> new CaseNotFoundException(applicationId));
        return jdbc.sql("""
                SELECT id, application_id, file_name, media_type, size_bytes, sha256, uploaded_by, uploaded_at
                FROM attachment WHERE application_id = :application ORDER BY uploaded_at, file_name""")
                .param("application", applicationId)
                .query((rs, row) -> new Attachment(rs.getObject("id", UUID.class),
                        rs.getObject("application_id", UUID.class), rs.getString("file_name"),
                        rs.getString("media_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                        rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant()))
                .list();
    }

    /** The attachment with its bytes, if the caller may see its case; otherwise nothing, as if it did not exist. */
    @Transactional
    public Optional<AttachmentContent> content(CurrentUser user, UUID attachmentId) {
        return jdbc.sql("""
                SELECT id, application_id, file_name, media_type, size_bytes, sha256, uploaded_by, uploaded_at,
                       content
                FROM attachment WHERE id = :id""")
                .param("id", attachmentId)
                .query((rs, row) -> new AttachmentContent(new Attachment(rs.getObject("id", UUID.class),
                        rs.getObject("application_id", UUID.class), rs.getString("file_name"),
                        rs.getString("media_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                        rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant()),
                        rs.getBytes("content")))
                .optional()
                .filter(found -> cases.findVisible(found.attachment().applicationId(), user).isPresent())
                .map(found -> {
                    events.publishEvent(new Audited("ATTACHMENT_DOWNLOADED", "attachment:" + attachmentId, Map.of(
                            "application", found.attachment().applicationId().toString(),
                            "sha256", found.attachment().sha256())));
                    return found;
                });
    }

    /**
     * Deletes the attachments of a case at the end of its retention period (they are part of the case file that is
     * destroyed then). Returns how many there were.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public int deleteOf(UUID applicationId) {
        return jdbc.sql("DELETE FROM attachment WHERE application_id = :id").param("id", applicationId).update();
    }

    /** Every attachment of a case with its bytes, for the case's records (the export is audited as a whole). */
    @Transactional(readOnly = true)
    public List<AttachmentContent> contentsOf(CurrentUser user, UUID applicationId) {
        return of(user, applicationId).stream().map(attachment -> new AttachmentContent(attachment, jdbc.sql(
                "SELECT content FROM attachment WHERE id = ?").param(attachment.id()).query(byte[].class).single()))
                .toList();
    }

    /** Always as a download with the detected type, so that a browser never renders an upload as a page. */
    public static ResponseEntity<byte[]> asDownload(AttachmentContent found) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(found.attachment().mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(found.attachment().fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Content-SHA256", found.attachment().sha256())
                .body(found.content());
    }

    /** The last part of what a browser sends as the name, without control characters, never empty. */
    static String safeName(String fileName) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"<>|:*?]", "_").strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return "anlage";
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
