package de.grantflow.statistics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.grantflow.application.CaseConflictException;
import de.grantflow.application.CaseNotFoundException;
import de.grantflow.calendar.DeadlineCalendar;
import de.grantflow.forms.FieldError;
import de.grantflow.forms.FormCatalog;
import de.grantflow.forms.FormDefinition;
import de.grantflow.forms.FormValidationException;
import de.grantflow.forms.FormValidationResult;
import de.grantflow.forms.FormValidator;
import de.grantflow.programme.Programme;
import de.grantflow.security.CurrentUser;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Flash surveys: every municipality funded in a period (live and historic cases) is invited; it answers the programme's
 * survey form until the deadline; a reminder goes to those who have not answered; the response rate and the answers
 * are read only in aggregate.
 */
@Service
public class SurveyService {

    private static final ZoneId AUTHORITY_ZONE = ZoneId.of("Europe/Berlin");

    private final JdbcClient jdbc;
    private final FormCatalog forms;
    private final FormValidator validator;
    private final ObjectMapper json;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SurveyService(JdbcClient jdbc, FormCatalog forms, FormValidator validator, ObjectMapper json,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.forms = forms;
        this.validator = validator;
        this.json = json;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    SurveyResult start(Programme programme, String title, Integer fundedFrom, Integer fundedTo, String by) {
        List<FieldError> errors = new java.util.ArrayList<>();
        if (title == null || title.isBlank() || title.length() > 200) {
            errors.add(new FieldError("title", "Pflichtfeld, höchstens 200 Zeichen"));
        } else {
            FormValidator.unprintable("title", title).ifPresent(errors::add);
        }
        if (fundedFrom == null || fundedTo == null || fundedFrom > fundedTo) {
            errors.add(new FieldError("fundedFrom", "Bitte den Zeitraum der Förderjahre angeben (fundedFrom ≤ fundedTo)"));
        }
        if (!errors.isEmpty()) {
            throw new FormValidationException(errors);
        }
        LocalDate today = today();
        DeadlineCalendar calendar = new DeadlineCalendar(programme.state());
        LocalDate due = calendar.deadline(today, programme.evaluation().surveyPeriod());
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO survey (id, programme_key, title, funded_from, funded_to, form_key, due_on, created_by,
                    created_at) VALUES (:id, :p, :title, :from, :to, :form, :due, :by, :at)""")
                .param("id", id).param("p", programme.key()).param("title", title.strip()).param("from", fundedFrom)
                .param("to", fundedTo).param("form", programme.evaluation().surveyForm()).param("due", due)
                .param("by", by).param("at", clock.instant().atOffset(ZoneOffset.UTC)).update();
        int invited = jdbc.sql("""
                INSERT INTO survey_invitation (survey_id, ags)
                SELECT DISTINCT :id, ags FROM stats_case
                WHERE programme_key = :p AND outcome = 'approved' AND year BETWEEN :from AND :to""")
                .param("id", id).param("p", programme.key()).param("from", fundedFrom).param("to", fundedTo)
                .update();
        if (invited == 0) {
            throw new FormValidationException(List.of(new FieldError("fundedFrom",
                    "In diesem Zeitraum wurde keine Kommune gefördert")));
        }
        LocalDate remindOn = due.minus(programme.evaluation().surveyReminderBefore());
        events.publishEvent(new SurveyStarted(id, programme.authority().key(),
                startOf(remindOn.isAfter(today) ? remindOn : today), startOf(due.plusDays(1))));
        return result(programme, id);
    }

    /** The reminder: recorded on the survey, shown to every invited municipality that has not answered yet. */
    @Transactional
    public void remind(UUID id) {
        jdbc.sql("UPDATE survey SET reminded_on = :today WHERE id = :id AND reminded_on IS NULL")
                .param("id", id).param("today", today()).update();
    }

    @Transactional
    public void close(UUID id) {
        jdbc.sql("UPDATE survey SET closed_on = :today WHERE id = :id AND closed_on IS NULL")
                .param("id", id).param("today", today()).update();
    }

    /** The open surveys of the applicant's municipality. */
    @Transactional(readOnly = true)
    List<Invitation> invitations(CurrentUser user) {
        if (!user.isApplicant() || user.municipalityAgs() == null) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT s.id, s.programme_key, s.title, s.form_key, s.due_on, s.reminded_on, s.closed_on,
                    i.responded_at FROM survey s JOIN survey_invitation i ON i.survey_id = s.id
                WHERE i.ags = :ags ORDER BY s.due_on DESC""")
                .param("ags", user.municipalityAgs())
                .query((rs, n) -> new Invitation(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getDate(5).toLocalDate(), rs.getDate(6) != null
                                && rs.getObject(8) == null, rs.getDate(7) != null, rs.getObject(8) != null))
                .list();
    }

    @Transactional(readOnly = true)
    FormDefinition form(CurrentUser user, UUID id) {
        return forms.get(invitation(user, id).form());
    }

    /** The municipality answers once, before the deadline, in the form's terms. */
    @Transactional
    void respond(CurrentUser user, UUID id, Map<String, Object> answers) {
        Invitation invitation = invitation(user, id);
        if (invitation.answered()) {
            throw new CaseConflictException("Ihre Kommune hat an dieser Befragung bereits teilgenommen");
        }
        if (invitation.closed() || today().isAfter(invitation.due())) {
            throw new CaseConflictException("Die Befragung ist abgeschlossen (Frist bis " + invitation.due() + ")");
        }
        FormValidationResult result = validator.validate(forms.get(invitation.form()),
                answers == null ? Map.of() : answers);
        if (!result.valid()) {
            throw new FormValidationException(result.errors());
        }
        jdbc.sql("""
                UPDATE survey_invitation SET responded_at = :at, responded_by = :by, answers = CAST(:answers AS jsonb)
                WHERE survey_id = :id AND ags = :ags AND responded_at IS NULL""")
                .param("at", clock.instant().atOffset(ZoneOffset.UTC)).param("by", user.username())
                .param("answers", write(result.data())).param("id", id).param("ags", user.municipalityAgs())
                .update();
    }

    /**
     * Response rate and the answers counted per question and option; free text is left out (it may name people). A
     * survey past its retention period answers with the figures frozen when its answers were deleted.
     */
    @Transactional(readOnly = true)
    SurveyResult result(Programme programme, UUID id) {
        Map<String, Object> survey = jdbc.sql("SELECT * FROM survey WHERE id = :id AND programme_key = :p")
                .param("id", id).param("p", programme.key()).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> new CaseNotFoundException("Befragung " + id + " nicht gefunden"));
        Tally tally = survey.get("anonymised_at") != null
                ? new Tally(((Number) survey.get("invited")).longValue(), ((Number) survey.get("responded"))
                        .longValue(), readCounts(survey.get("answer_counts").toString()))
                : tally(id, (String) survey.get("form_key"));
        return new SurveyResult(id, (String) survey.get("title"), ((Number) survey.get("funded_from")).intValue(),
                ((Number) survey.get("funded_to")).intValue(), ((java.sql.Date) survey.get("due_on")).toLocalDate(),
                survey.get("reminded_on") != null, survey.get("closed_on") != null, tally.invited(),
                tally.responded(), tally.invited() == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(tally.responded())
                        .divide(BigDecimal.valueOf(tally.invited()), 3, RoundingMode.HALF_UP), tally.answers());
    }

    /**
     * Forgets the answers of the programme's next survey past its retention period (counted from the end of the year
     * it closed): its figures are frozen on the survey, then every invitation (which municipality answered what, and
     * who answered) is deleted and the programme manager who started it is forgotten. The survey is locked with
     * {@code SKIP LOCKED}, so nodes running this at once never take the same one; false when none is left.
     */
    @Transactional
    public boolean forgetNextAnswersPastRetention(Programme programme, LocalDate today) {
        LocalDate closedBefore = programme.retention().surveysClosedBefore(today);
        Optional<Map<String, Object>> due = jdbc.sql("""
                SELECT id, form_key FROM survey WHERE programme_key = :p AND anonymised_at IS NULL
                    AND closed_on < :before ORDER BY closed_on, id LIMIT 1 FOR UPDATE SKIP LOCKED""")
                .param("p", programme.key()).param("before", closedBefore).query().listOfRows().stream().findFirst();
        due.ifPresent(survey -> {
            UUID id = (UUID) survey.get("id");
            Tally tally = tally(id, (String) survey.get("form_key"));
            jdbc.sql("""
                    UPDATE survey SET invited = :invited, responded = :responded,
                        answer_counts = CAST(:answers AS jsonb), created_by = NULL, anonymised_at = :at
                    WHERE id = :id""")
                    .param("invited", tally.invited()).param("responded", tally.responded())
                    .param("answers", write(tally.answers()))
                    .param("at", clock.instant().atOffset(ZoneOffset.UTC)).param("id", id).update();
            jdbc.sql("DELETE FROM survey_invitation WHERE survey_id = :id").param("id", id).update();
        });
        return due.isPresent();
    }

    /** Invited and responded, and the answers to the form's choice questions counted per option. */
    private Tally tally(UUID id, String formKey) {
        FormDefinition form = forms.get(formKey);
        long invited = count("SELECT COUNT(*) FROM survey_invitation WHERE survey_id = :id", id);
        long responded = count("SELECT COUNT(*) FROM survey_invitation WHERE survey_id = :id"
                + " AND responded_at IS NOT NULL", id);
        Map<String, Map<String, Long>> answers = new TreeMap<>();
        java.util.Set<String> choices = form.choiceKeys();
        jdbc.sql("SELECT answers FROM survey_invitation WHERE survey_id = :id AND answers IS NOT NULL")
                .param("id", id).query(String.class).list().forEach(row -> read(row).forEach((question, value) -> {
                    if (choices.contains(question)) {
                        answers.computeIfAbsent(question, q -> new TreeMap<>()).merge(String.valueOf(value), 1L,
                                Long::sum);
                    }
                }));
        return new Tally(invited, responded, answers);
    }

    private Invitation invitation(CurrentUser user, UUID id) {
        return invitations(user).stream().filter(i -> i.id().equals(id)).findFirst()
                .orElseThrow(() -> user.isApplicant() ? new CaseNotFoundException("Befragung " + id + " nicht gefunden")
                        : new AccessDeniedException("Nur befragte Kommunen antworten"));
    }

    private long count(String sql, UUID id) {
        return jdbc.sql(sql).param("id", id).query(Long.class).single();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(AUTHORITY_ZONE));
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(AUTHORITY_ZONE).toInstant();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> read(String value) {
        try {
            return json.readValue(value, new TypeReference<LinkedHashMap<String, Object>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Map<String, Long>> readCounts(String value) {
        try {
            return json.readValue(value, new TypeReference<TreeMap<String, Map<String, Long>>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A survey's figures: what its result shows, and all that stays of it after its retention period. */
    private record Tally(long invited, long responded, Map<String, Map<String, Long>> answers) {
    }

    /** A survey has started: remind at one instant, close at the other. */
    /** The survey's process belongs to the programme's authority (its tenant in the engine). */
    public record SurveyStarted(UUID surveyId, String authorityKey, Instant remindAt, Instant closeAt) {
    }

    /** A municipality's invitation. */
    record Invitation(UUID id, String programme, String title, String form, LocalDate due, boolean reminded,
            boolean closed, boolean answered) {
    }

    /** The survey in figures. */
    record SurveyResult(UUID id, String title, int fundedFrom, int fundedTo, LocalDate due, boolean reminded,
            boolean closed, long invited, long responded, BigDecimal responseRate,
            Map<String, Map<String, Long>> answers) {
    }
}
