package de.grantflow.application;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The requests for an early start (V33), through plain SQL. */
@Repository
class EarlyStartRepository {

    private final JdbcClient jdbc;

    EarlyStartRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    int nextNumber(UUID applicationId) {
        return jdbc.sql("SELECT COALESCE(MAX(number), 0) + 1 FROM early_start_request WHERE application_id = :id")
                .param("id", applicationId).query(Integer.class).single();
    }

    void insert(EarlyStartRequest r) {
        jdbc.sql("""
                INSERT INTO early_start_request (id, application_id, number, start_on, reason, status, requested_by,
                    requested_at)
                VALUES (:id, :application, :number, :startOn, :reason, :status, :by, :at)""")
                .param("id", r.id()).param("application", r.applicationId()).param("number", r.number())
                .param("startOn", r.startOn()).param("reason", r.reason()).param("status", r.status().name())
                .param("by", r.requestedBy()).param("at", utc(r.requestedAt())).update();
    }

    void update(EarlyStartRequest r) {
        jdbc.sql("""
                UPDATE early_start_request SET status = :status, recommendation = :recommendation,
                    reviewed_by = :reviewed, decided_by = :decided, decided_at = :decidedAt, note = :note
                WHERE id = :id""")
                .param("id", r.id()).param("status", r.status().name()).param("recommendation", r.recommendation())
                .param("reviewed", r.reviewedBy()).param("decided", r.decidedBy())
                .param("decidedAt", utc(r.decidedAt())).param("note", r.note()).update();
    }

    Optional<EarlyStartRequest> find(UUID applicationId, UUID id) {
        return jdbc.sql("SELECT * FROM early_start_request WHERE application_id = :application AND id = :id")
                .param("application", applicationId).param("id", id).query(this::request).optional();
    }

    List<EarlyStartRequest> of(UUID applicationId) {
        return jdbc.sql("SELECT * FROM early_start_request WHERE application_id = :id ORDER BY number")
                .param("id", applicationId).query(this::request).list();
    }

    /** Forgets who asked, checked and decided, and what they wrote (free text may name people). */
    void anonymise(UUID applicationId, String anonymised) {
        jdbc.sql("""
                UPDATE early_start_request SET requested_by = :anonymised, reason = '', reviewed_by = NULL,
                    decided_by = NULL, note = NULL
                WHERE application_id = :id""").param("id", applicationId).param("anonymised", anonymised).update();
    }

    private EarlyStartRequest request(ResultSet rs, int row) throws SQLException {
        OffsetDateTime decidedAt = rs.getObject("decided_at", OffsetDateTime.class);
        return new EarlyStartRequest(rs.getObject("id", UUID.class), rs.getObject("application_id", UUID.class),
                rs.getInt("number"), rs.getObject("start_on", java.time.LocalDate.class), rs.getString("reason"),
                EarlyStartRequest.Status.valueOf(rs.getString("status")), rs.getString("requested_by"),
                rs.getObject("requested_at", OffsetDateTime.class).toInstant(), rs.getString("recommendation"),
                rs.getString("reviewed_by"), rs.getString("decided_by"),
                decidedAt == null ? null : decidedAt.toInstant(), rs.getString("note"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
