package de.grantflow.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.grantflow.forms.FieldError;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The table of background jobs. Times are the database's ({@code now()}), so heartbeats of all nodes compare on one
 * clock, whatever the application's clock says.
 */
@Component
class JobStore {

    private static final TypeReference<List<FieldError>> ERRORS = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    JobStore(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(UUID id, String kind, String owner, String programme, String message) {
        jdbc.sql("INSERT INTO background_job (id, kind, owner, programme_key, status, message, started_at,"
                        + " heartbeat_at) VALUES (:id, :kind, :owner, :programme, 'RUNNING', :message, now(), now())")
                .param("id", id).param("kind", kind).param("owner", owner).param("programme", programme)
                .param("message", message).update();
    }

    void delete(UUID id) {
        jdbc.sql("DELETE FROM background_job WHERE id = :id").param("id", id).update();
    }

    void progress(UUID id, int done, int total, String message) {
        jdbc.sql("UPDATE background_job SET done = :done, total = :total, message = COALESCE(:message, message),"
                        + " heartbeat_at = now() WHERE id = :id AND status = 'RUNNING'")
                .param("id", id).param("done", done).param("total", total).param("message", message).update();
    }

    void heartbeat(Collection<UUID> ids) {
        if (!ids.isEmpty()) {
            jdbc.sql("UPDATE background_job SET heartbeat_at = now() WHERE id IN (:ids) AND status = 'RUNNING'")
                    .param("ids", ids).update();
        }
    }

    void done(UUID id, JobOutcome outcome) {
        jdbc.sql("UPDATE background_job SET status = 'DONE', done = GREATEST(done, total), message = :message,"
                        + " result = :result, result_type = :type, result_name = :name, finished_at = now(),"
                        + " heartbeat_at = now() WHERE id = :id AND status = 'RUNNING'")
                .param("id", id).param("message", outcome.message()).param("result", outcome.file())
                .param("type", outcome.contentType()).param("name", outcome.fileName()).update();
    }

    void failed(UUID id, String error, List<FieldError> errors) {
        // the message named the step it was at; a failed job is at none
        jdbc.sql("UPDATE background_job SET status = 'FAILED', message = 'Abgebrochen', error_message = :error,"
                        + " errors = CAST(:errors AS jsonb), finished_at = now(), heartbeat_at = now()"
                        + " WHERE id = :id AND status = 'RUNNING'")
                .param("id", id).param("error", error).param("errors", write(errors)).update();
    }

    /** Marks as failed what still counts as running although no node has renewed its heartbeat for that long. */
    void failAbandoned(UUID id, Duration staleAfter, String error) {
        jdbc.sql("UPDATE background_job SET status = 'FAILED', message = 'Abgebrochen', error_message = :error,"
                        + " finished_at = now()"
                        + " WHERE id = :id AND status = 'RUNNING'"
                        + " AND heartbeat_at < now() - make_interval(secs => :seconds)")
                .param("id", id).param("error", error).param("seconds", (double) staleAfter.toMillis() / 1000)
                .update();
    }

    /**
     * Deletes up to {@code limit} jobs, with their result files, that finished or failed longer ago than
     * {@code keep}, and those still marked running whose node has not beaten for that long (it died and nobody looked
     * at them since). Rows another node is deleting at the same moment are skipped, not waited for.
     */
    int deleteExpired(Duration keep, int limit) {
        return jdbc.sql("DELETE FROM background_job WHERE id IN (SELECT id FROM background_job"
                        + " WHERE (status <> 'RUNNING' AND finished_at < now() - make_interval(secs => :seconds))"
                        + " OR (status = 'RUNNING' AND heartbeat_at < now() - make_interval(secs => :seconds))"
                        + " LIMIT :limit FOR UPDATE SKIP LOCKED)")
                .param("seconds", (double) keep.toMillis() / 1000).param("limit", limit).update();
    }

    Optional<Job> find(UUID id) {
        return jdbc.sql("SELECT id, kind, owner, programme_key, status, done, total, message, error_message, errors,"
                        + " result_name, started_at, finished_at FROM background_job WHERE id = :id")
                .param("id", id).query(this::job).optional();
    }

    Optional<JobResult> result(UUID id) {
        return jdbc.sql("SELECT result_name, result_type, result FROM background_job"
                        + " WHERE id = :id AND status = 'DONE' AND result IS NOT NULL")
                .param("id", id)
                .query((rs, n) -> new JobResult(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional();
    }

    private Job job(ResultSet rs, int n) throws SQLException {
        return new Job(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("owner"),
                rs.getString("programme_key"), JobStatus.valueOf(rs.getString("status")), rs.getInt("done"),
                rs.getInt("total"), rs.getString("message"), rs.getString("error_message"),
                read(rs.getString("errors")), rs.getString("result_name"),
                rs.getTimestamp("started_at").toInstant(),
                rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant());
    }

    private String write(List<FieldError> errors) {
        try {
            return json.writeValueAsString(errors);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<FieldError> read(String errors) {
        try {
            return json.readValue(errors, ERRORS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
