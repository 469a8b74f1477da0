package de.grantflow.letters;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import de.grantflow.security.Audited;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Issues each step's letter exactly once: a second call for the same case and step returns the stored letter without
 * rendering again, and the insert joins the caller's transaction, so a retried job that rolled back leaves nothing.
 * Stored letters never change (the database refuses it).
 */
@Service
public class LetterService {

    private static final String COLUMNS = "id, application_id, type, step_key, created_at, sha256, size_bytes";

    private final LetterRenderer renderer;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    LetterService(LetterRenderer renderer, JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
        this.renderer = renderer;
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    public StoredLetter issue(UUID applicationId, String stepKey, LetterContent content) {
        Optional<StoredLetter> existing = find(applicationId, stepKey);
        if (existing.isPresent()) {
            return existing.get();
        }
        byte[] pdf = renderer.render(content);
        UUID id = UUID.randomUUID();
        // PostgreSQL hashes what it stores, in native code: Java's quick compiler (see the README's JVM options)
        // runs SHA-256 without the processor's instructions for it, which cost a twentieth of the intake's time
        Optional<StoredLetter> inserted = jdbc.sql("""
                INSERT INTO letter (id, application_id, type, step_key, created_at, sha256, size_bytes, content)
                SELECT :id, :application, :type, :step, :at, encode(sha256(pdf.content), 'hex'),
                       length(pdf.content), pdf.content
                FROM (SELECT CAST(:content AS bytea) AS content) AS pdf
                ON CONFLICT (application_id, step_key) DO NOTHING
                RETURNING\s""" + COLUMNS)
                .param("id", id).param("application", applicationId)
                .param("type", content.body().type().name()).param("step", stepKey)
                .param("at", clock.instant().atOffset(ZoneOffset.UTC)).param("content", pdf)
                .query(LetterService::map).optional();
        inserted.ifPresent(letter -> events.publishEvent(new Audited("LETTER_ISSUED", "letter:" + id, Map.of(
                "application", applicationId.toString(), "type", content.body().type().name(), "sha256",
                letter.sha256()))));
        // another transaction stored the step's letter first: that one counts
        return inserted.or(() -> find(applicationId, stepKey)).orElseThrow();
    }

    /**
     * Deletes the letters of a case at the end of its retention period; the database refuses unless the case is
     * marked anonymised. Returns how many there were.
     */
    public int deleteOf(UUID applicationId) {
        return jdbc.sql("DELETE FROM letter WHERE application_id = :id").param("id", applicationId).update();
    }

    public List<StoredLetter> lettersOf(UUID applicationId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM letter WHERE application_id = :application"
                        + " ORDER BY issue_number")
                .param("application", applicationId).query(LetterService::map).list();
    }

    public Optional<LetterFile> file(UUID letterId) {
        return jdbc.sql("SELECT " + COLUMNS + ", content FROM letter WHERE id = :id")
                .param("id", letterId)
                .query((rs, n) -> new LetterFile(map(rs, n), rs.getBytes("content")))
                .optional();
    }

    private Optional<StoredLetter> find(UUID applicationId, String stepKey) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM letter WHERE application_id = :application AND step_key = :step")
                .param("application", applicationId).param("step", stepKey).query(LetterService::map).optional();
    }

    private static StoredLetter map(ResultSet rs, int row) throws SQLException {
        return new StoredLetter(rs.getObject("id", UUID.class), rs.getObject("application_id", UUID.class),
                LetterType.valueOf(rs.getString("type")), rs.getString("step_key"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("sha256"),
                rs.getInt("size_bytes"));
    }
}
