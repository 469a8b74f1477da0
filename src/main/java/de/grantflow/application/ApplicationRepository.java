package de.grantflow.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores cases and their timeline with plain SQL; updates are optimistic on the version column. */
@Repository
class ApplicationRepository {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private static final String COLUMNS = """
            id, reference, programme_key, call_key, municipality_ags, status, data, granted_amount, created_by,
            created_at, updated_at, submitted_at, decided_at, final_on, process_instance_id, assessment, version""";

    /**
     * A case in brief, for lists: the few values a list shows, read out of the JSON in the database, so that a list of
     * 200 cases does not read and parse 200 forms (the portal's list took 100 ms in its 95th percentile that way).
     */
    private static final String SUMMARY_COLUMNS = """
            id, reference, programme_key, municipality_ags, status, data ->> 'projectTitle' AS project_title,
            process_instance_id, coalesce(updated_at, created_at) AS last_change,
            assessment ->> 'documentsDue' AS documents_due, assessment ->> 'hearingDue' AS hearing_due""";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;

    ApplicationRepository(JdbcClient jdbc, ObjectMapper json, ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.json = json;
    }

    long nextNumber() {
        return jdbc.sql("SELECT nextval('application_number_seq')").query(Long.class).single();
    }

    void insert(Application a) {
        jdbc.sql("""
                INSERT INTO application (id, reference, programme_key, call_key, municipality_ags, status, data,
                    requested_amount, granted_amount, created_by, created_at, updated_at, submitted_at, decided_at,
                    final_on, process_instance_id, assessment, version)
                VALUES (:id, :reference, :programme, :call, :ags, :status, CAST(:data AS jsonb), :requested, :granted,
                    :createdBy, :createdAt, :updatedAt, :submittedAt, :decidedAt, :finalOn, :process,
                    CAST(:assessment AS jsonb), 0)""")
                .params(params(a))
                .param("createdBy", a.createdBy())
                .param("createdAt", timestamp(a.createdAt()))
                .update();
    }

    /** Writes the changed case; refuses (409) when someone else changed it since it was read. */
    void update(Application a) {
        int updated = jdbc.sql("""
                UPDATE application SET call_key = :call, status = :status, data = CAST(:data AS jsonb),
                    requested_amount = :requested, granted_amount = :granted, updated_at = :updatedAt,
                    submitted_at = :submittedAt, decided_at = :decidedAt, final_on = :finalOn,
                    process_instance_id = :process, assessment = CAST(:assessment AS jsonb), version = version + 1
                WHERE id = :id AND version = :version""")
                .params(params(a))
                .param("version", a.version())
                .update();
        if (updated != 1) {
            throw new CaseConflictException("Der Antrag " + a.reference()
                    + " wurde gleichzeitig geändert; bitte laden Sie ihn neu");
        }
    }

    Optional<Application> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM application WHERE id = :id")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    /** Reads the case and locks its row until the transaction ends: status changes of one case happen one at a time. */
    Optional<Application> lock(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM application WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    /** Locks the case's row as {@link #lock} does and reads only its status (no form data to parse). */
    Optional<ApplicationStatus> lockStatus(UUID id) {
        return jdbc.sql("SELECT status FROM application WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query((rs, row) -> ApplicationStatus.valueOf(rs.getString("status")))
                .optional();
    }

    List<Cases.CaseSummary> findSummaries(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + SUMMARY_COLUMNS + " FROM application WHERE id IN (:ids)")
                .param("ids", ids).query(ApplicationRepository::summary).list();
    }

    Optional<Cases.CaseSummary> findSummaryByReference(String reference) {
        return jdbc.sql("SELECT " + SUMMARY_COLUMNS + " FROM application WHERE reference = :reference")
                .param("reference", reference).query(ApplicationRepository::summary).optional();
    }

    List<Application> findVisible(String municipalityAgs, Collection<String> programmeKeys, boolean all, int limit) {
        return visible(COLUMNS, this::map, municipalityAgs, programmeKeys, all, limit);
    }

    List<Cases.CaseSummary> findVisibleSummaries(String municipalityAgs, Collection<String> programmeKeys,
            boolean all, int limit) {
        return visible(SUMMARY_COLUMNS, ApplicationRepository::summary, municipalityAgs, programmeKeys, all, limit);
    }

    private <T> List<T> visible(String columns, RowMapper<T> mapper, String municipalityAgs,
            Collection<String> programmeKeys, boolean all, int limit) {
        if (all) {
            return jdbc.sql("SELECT " + columns + " FROM application ORDER BY created_at DESC LIMIT :limit")
                    .param("limit", limit).query(mapper).list();
        }
        if (municipalityAgs != null) {
            return jdbc.sql("SELECT " + columns + " FROM application WHERE municipality_ags = :ags"
                            + " ORDER BY created_at DESC LIMIT :limit")
                    .param("ags", municipalityAgs).param("limit", limit).query(mapper).list();
        }
        if (programmeKeys.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + columns + " FROM application WHERE programme_key IN (:programmes)"
                        + " AND status <> 'DRAFT' ORDER BY created_at DESC LIMIT :limit")
                .param("programmes", programmeKeys).param("limit", limit).query(mapper).list();
    }

    Map<String, UUID> applicationIdsByProcessInstance(Collection<String> processInstanceIds) {
        if (processInstanceIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT process_instance_id, id FROM application WHERE process_instance_id IN (:ids)")
                .param("ids", processInstanceIds)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getObject(2, UUID.class)))
                .list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** See {@link ClosedCases#lockNextPastRetention}: a rejection has ended on the day it became final. */
    Optional<UUID> lockNextEnded(String programmeKey, Instant fundedBefore, Instant notFundedBefore,
            LocalDate rejectionFinalBefore) {
        return jdbc.sql("""
                SELECT id FROM application
                WHERE programme_key = :programme AND anonymised_at IS NULL
                  AND ((status = 'CLOSED' AND updated_at < :fundedBefore)
                    OR (status IN ('LAPSED', 'WITHDRAWN') AND updated_at < :notFundedBefore)
                    OR (status = 'REJECTED' AND final_on < :rejectionFinalBefore))
                ORDER BY updated_at
                LIMIT 1
                FOR UPDATE SKIP LOCKED""")
                .param("programme", programmeKey)
                .param("fundedBefore", timestamp(fundedBefore))
                .param("notFundedBefore", timestamp(notFundedBefore))
                .param("rejectionFinalBefore", rejectionFinalBefore)
                .query(UUID.class)
                .optional();
    }

    /** Replaces the case's data and review, forgets who created it and who wrote what in its timeline. */
    void anonymise(UUID id, Map<String, Object> data, Assessment assessment, String createdBy, Instant now) {
        jdbc.sql("""
                UPDATE application SET data = CAST(:data AS jsonb), assessment = CAST(:assessment AS jsonb),
                    created_by = :createdBy, anonymised_at = :now, version = version + 1
                WHERE id = :id""")
                .param("id", id)
                .param("data", write(data))
                .param("assessment", write(assessment))
                .param("createdBy", createdBy)
                .param("now", timestamp(now))
                .update();
        jdbc.sql("UPDATE application_event SET actor = NULL, note = NULL, details = NULL WHERE application_id = :id")
                .param("id", id)
                .update();
    }

    void appendEvent(UUID applicationId, CaseEvent event) {
        jdbc.sql("""
                INSERT INTO application_event (application_id, occurred_at, type, actor, status, note, details)
                VALUES (:application, :at, :type, :actor, :status, :note, CAST(:details AS jsonb))""")
                .param("application", applicationId)
                .param("at", timestamp(event.occurredAt()))
                .param("type", event.type().name())
                .param("actor", event.actor())
                .param("status", event.status().name())
                .param("note", event.note())
                .param("details", event.details() == null ? null : write(event.details()))
                .update();
        events.publishEvent(new CaseChanged(applicationId, event.type(), event));
    }

    List<CaseEvent> timeline(UUID applicationId) {
        return jdbc.sql("SELECT occurred_at, type, actor, status, note, details FROM application_event"
                        + " WHERE application_id = :id ORDER BY id")
                .param("id", applicationId)
                .query((rs, n) -> new CaseEvent(
                        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                        CaseEventType.valueOf(rs.getString("type")),
                        rs.getString("actor"),
                        ApplicationStatus.valueOf(rs.getString("status")),
                        rs.getString("note"),
                        rs.getString("details") == null ? null : read(rs.getString("details"))))
                .list();
    }

    private Map<String, Object> params(Application a) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", a.id());
        params.put("reference", a.reference().value());
        params.put("programme", a.programmeKey());
        params.put("call", a.callKey());
        params.put("ags", a.municipalityAgs());
        params.put("status", a.status().name());
        params.put("data", write(a.data()));
        params.put("requested", a.amount("requestedAmount"));
        params.put("granted", a.grantedAmount());
        params.put("updatedAt", timestamp(a.updatedAt()));
        params.put("submittedAt", timestamp(a.submittedAt()));
        params.put("decidedAt", timestamp(a.decidedAt()));
        params.put("finalOn", a.finalOn());
        params.put("process", a.processInstanceId());
        params.put("assessment", write(a.assessment()));
        return params;
    }

    private Application map(ResultSet rs, int row) throws SQLException {
        return new Application(
                rs.getObject("id", UUID.class),
                new ApplicationReference(rs.getString("reference")),
                rs.getString("programme_key"),
                rs.getString("call_key"),
                rs.getString("municipality_ags"),
                ApplicationStatus.valueOf(rs.getString("status")),
                read(rs.getString("data")),
                rs.getBigDecimal("granted_amount"),
                rs.getString("created_by"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                instant(rs, "submitted_at"),
                instant(rs, "decided_at"),
                rs.getObject("final_on", LocalDate.class),
                rs.getString("process_instance_id"),
                readAssessment(rs.getString("assessment")),
                rs.getInt("version"));
    }

    private static Cases.CaseSummary summary(ResultSet rs, int row) throws SQLException {
        ApplicationStatus status = ApplicationStatus.valueOf(rs.getString("status"));
        return new Cases.CaseSummary(rs.getObject("id", UUID.class), rs.getString("reference"),
                rs.getString("programme_key"), rs.getString("municipality_ags"), status,
                rs.getString("project_title"), rs.getString("process_instance_id"), instant(rs, "last_change"),
                Application.nextDeadline(status, date(rs, "documents_due"), date(rs, "hearing_due")));
    }

    /** A date the assessment's JSON holds in ISO form. */
    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        String value = rs.getString(column);
        return value == null ? null : LocalDate.parse(value);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Daten nicht als JSON darstellbar", e);
        }
    }

    private Assessment readAssessment(String value) {
        try {
            return json.readValue(value, Assessment.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Gespeicherte Bewertung ist kein gültiges JSON", e);
        }
    }

    private Map<String, Object> read(String value) {
        try {
            return json.readValue(value, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Gespeicherte Antragsdaten sind kein gültiges JSON", e);
        }
    }
}
