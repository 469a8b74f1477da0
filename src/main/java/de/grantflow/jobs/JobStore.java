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
import java.util.Map;
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
    private static final TypeReference<Map<String, String>> PARAMETERS = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    JobStore(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(UUID id, String kind, String owner, JobRequest request, String message) {
        jdbc.sql("INSERT INTO background_job (id, kind, owner, programme_key, parameters, input, status, message,"
                        + " started_at, heartbeat_at) VALUES (:id, :kind, :owner, :programme,"
                        + " CAST(:parameters AS jsonb), :input, 'RUNNING', :message, now(), now())")
                .param("id", id).param("kind", kind).param("owner", owner).param("programme", request.programme())
                .param("parameters", write(request.parameters())).param("input", request.input())
                .param("message", message).update();
    }

    void delete(UUID id) {
        jdbc.sql("DELETE FROM background_job WHERE id = :id").param("id", id).update();
    }

    /** The writes of a run name its attempt: a run that another node has since started again writes nothing. */
    void progress(UUID id, int attempt, int done, int total, String message) {
        jdbc.sql("UPDATE background_job SET done = :done, total = :total, message = COALESCE(:message, message),"
                        + " heartbeat_at = now() WHERE id = :id AND status = 'RUNNING' AND attempt = :attempt")
                .param("id", id).param("attempt", attempt).param("done", done).param("total", total)
                .param("message", message).update();
    }

    void heartbeat(Collection<UUID> ids) {
        if (!ids.isEmpty()) {
            jdbc.sql("UPDATE background_job SET heartbeat_at = now() WHERE id IN (:ids) AND status = 'RUNNING'")
                    .param("ids", ids).update();
        }
    }

    /** A finished job keeps its result, not its input (an import's uploaded file). */
    void done(UUID id, int attempt, JobOutcome outcome) {
        jdbc.sql("UPDATE background_job SET status = 'DONE', done = GREATEST(done, total), message = :message,"
                        + " result = :result, result_type = :type, result_name = :name, input = NULL,"
                        + " finished_at = now(), heartbeat_at = now()"
                        + " WHERE id = :id AND status = 'RUNNING' AND attempt = :attempt")
                .param("id", id).param("attempt", attempt).param("message", outcome.message())
                .param("result", outcome.file()).param("type", outcome.contentType())
                .param("name", outcome.fileName()).update();
    }

    void failed(UUID id, int attempt, String error, List<FieldError> errors) {
        // the message named the step it was at; a failed job is at none
        jdbc.sql("UPDATE background_job SET status = 'FAILED', message = 'Abgebrochen', error_message = :error,"
                        + " errors = CAST(:errors AS jsonb), input = NULL, finished_at = now(), heartbeat_at = now()"
                        + " WHERE id = :id AND status = 'RUNNING' AND attempt = :attempt")
                .param("id", id).param("attempt", attempt).param("error", error).param("errors", write(errors))
                .update();
    }

    /**
     * Marks as failed the running jobs (all, or the one given) whose node has not renewed the heartbeat for that long
     * and that cannot be started again: of a kind this node cannot build, or started {@code attempts} times already.
     */
    void failAbandoned(UUID only, Duration staleAfter, Collection<String> resumable, int attempts, String error) {
        jdbc.sql("UPDATE background_job SET status = 'FAILED', message = 'Abgebrochen', error_message = :error,"
                        + " input = NULL, finished_at = now()"
                        + " WHERE status = 'RUNNING' AND heartbeat_at < now() - make_interval(secs => :seconds)"
                        + " AND (CAST(:only AS uuid) IS NULL OR id = :only)"
                        + " AND (attempt >= :attempts OR NOT kind = ANY (string_to_array(:kinds, ',')))")
                .param("only", only).param("error", error).param("seconds", seconds(staleAfter))
                .param("attempts", attempts).param("kinds", String.join(",", resumable)).update();
    }

    /**
     * Takes up to {@code limit} running jobs (all, or the one given) whose node has not renewed the heartbeat for that
     * long, of the kinds given, as the next attempt: its progress starts again at zero, its message says which
     * attempt it is, and its heartbeat is this node's. Rows another node is taking at the same moment are skipped.
     */
    List<Abandoned> takeAbandoned(UUID only, Duration staleAfter, Collection<String> resumable, int attempts,
            int limit, String message) {
        return jdbc.sql("UPDATE background_job j SET attempt = j.attempt + 1, done = 0, total = 0,"
                        + " message = :message || ' (Versuch ' || (j.attempt + 1) || ' von ' || :attempts || ')',"
                        + " heartbeat_at = now() FROM (SELECT id FROM background_job WHERE status = 'RUNNING'"
                        + " AND heartbeat_at < now() - make_interval(secs => :seconds)"
                        + " AND (CAST(:only AS uuid) IS NULL OR id = :only) AND attempt < :attempts"
                        + " AND kind = ANY (string_to_array(:kinds, ',')) ORDER BY heartbeat_at LIMIT :limit"
                        + " FOR UPDATE SKIP LOCKED) taken WHERE j.id = taken.id"
                        + " RETURNING j.id, j.kind, j.owner, j.programme_key, j.parameters, j.input, j.attempt")
                .param("only", only).param("message", message).param("seconds", seconds(staleAfter))
                .param("attempts", attempts).param("kinds", String.join(",", resumable)).param("limit", limit)
                .query((rs, n) -> new Abandoned(rs.getObject("id", UUID.class), rs.getString("kind"),
                        rs.getString("owner"), new JobRequest(rs.getString("programme_key"),
                                readParameters(rs.getString("parameters")), rs.getBytes("input")),
                        rs.getInt("attempt")))
                .list();
    }

    /** A job taken from a node that died, to be run again as its next attempt. */
    record Abandoned(UUID id, String kind, String owner, JobRequest request, int attempt) {
    }

    /** Gives a job taken a moment ago back to the next node that looks, when this one cannot run it after all. */
    void giveBack(UUID id, int attempt, Duration staleAfter) {
        jdbc.sql("UPDATE background_job SET attempt = attempt - 1,"
                        + " heartbeat_at = now() - make_interval(secs => :seconds)"
                        + " WHERE id = :id AND status = 'RUNNING' AND attempt = :attempt")
                .param("id", id).param("attempt", attempt).param("seconds", seconds(staleAfter)).update();
    }

    private static double seconds(Duration duration) {
        return (double) duration.toMillis() / 1000;
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

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> readParameters(String parameters) {
        try {
            return json.readValue(parameters, PARAMETERS);
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
