package de.grantflow.evaluation;

import de.grantflow.application.CaseEventType;
import de.grantflow.application.CaseFile;
import de.grantflow.calendar.DeadlineCalendar;
import de.grantflow.forms.FieldError;
import de.grantflow.forms.FormValidationException;
import de.grantflow.letters.LetterBody.EvaluationSheet;
import de.grantflow.letters.LetterBody.IndicatorValue;
import de.grantflow.programme.EvaluationTerms.Indicator;
import de.grantflow.programme.Programme;
import de.grantflow.programme.ProgrammeCatalog;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The steps of grant-evaluation, each in the engine's transaction and safe to run again. */
@Service
public class EvaluationService {

    private static final ZoneId AUTHORITY_ZONE = ZoneId.of("Europe/Berlin");
    private static final Map<String, String> LEVELS = Map.of("fully", "vollständig", "largely", "überwiegend",
            "partly", "teilweise", "not", "nicht");

    private final JdbcClient jdbc;
    private final CaseFile caseFile;
    private final ProgrammeCatalog programmes;
    private final com.fasterxml.jackson.databind.ObjectMapper json;
    private final Clock clock;

    EvaluationService(JdbcClient jdbc, CaseFile caseFile, ProgrammeCatalog programmes,
            com.fasterxml.jackson.databind.ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.caseFile = caseFile;
        this.programmes = programmes;
        this.json = json;
        this.clock = clock;
    }

    /** The self-evaluation falls due: which form, and its deadline (the end of its last day). */
    @Transactional
    public Start open(UUID id) {
        CaseFile.Snapshot snapshot = caseFile.lock(id);
        Programme programme = programmes.get(snapshot.programmeKey());
        LocalDate today = LocalDate.now(clock.withZone(AUTHORITY_ZONE));
        LocalDate due = new DeadlineCalendar(programme.state()).deadline(today,
                programme.evaluation().selfEvaluationPeriod());
        jdbc.sql("""
                INSERT INTO evaluation (application_id, programme_key, due_on) VALUES (:id, :programme, :due)
                ON CONFLICT (application_id) DO NOTHING""")
                .param("id", id).param("programme", programme.key()).param("due", due).update();
        return new Start(programme.evaluation().selfEvaluationForm(),
                due.plusDays(1).atStartOfDay(AUTHORITY_ZONE).toInstant().minusSeconds(1));
    }

    /** The municipality's self-evaluation: every indicator of the programme as a whole number from 0. */
    @Transactional
    public void recordSelfEvaluation(UUID id, Map<String, Object> values, String goalsReached,
            String lessonsLearned, String actor) {
        CaseFile.Snapshot snapshot = caseFile.lock(id);
        Programme programme = programmes.get(snapshot.programmeKey());
        Map<String, Long> indicators = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (Indicator indicator : programme.evaluation().indicators()) {
            Object value = values.get(indicator.key());
            try {
                BigDecimal number = value == null ? null : new BigDecimal(value.toString());
                if (number == null || number.signum() < 0 || number.stripTrailingZeros().scale() > 0) {
                    errors.add(new FieldError(indicator.key(), "Bitte eine ganze Zahl ab 0"));
                } else {
                    indicators.put(indicator.key(), number.longValueExact());
                }
            } catch (NumberFormatException | ArithmeticException e) {
                errors.add(new FieldError(indicator.key(), "Bitte eine ganze Zahl ab 0"));
            }
        }
        if (!LEVELS.containsKey(goalsReached)) {
            errors.add(new FieldError("goalsReached", "fully, largely, partly oder not"));
        }
        if (!errors.isEmpty()) {
            throw new FormValidationException(errors);
        }
        jdbc.sql("""
                UPDATE evaluation SET indicators = CAST(:indicators AS jsonb), goals_reached = :goals,
                    lessons_learned = :lessons, submitted_by = :by, submitted_at = :at
                WHERE application_id = :id""")
                .param("id", id).param("indicators", write(indicators)).param("goals", goalsReached)
                .param("lessons", lessonsLearned).param("by", actor).param("at", utc(clock.instant())).update();
        caseFile.record(id, CaseEventType.SELF_EVALUATION_SUBMITTED, actor, LEVELS.get(goalsReached),
                Map.copyOf(indicators));
    }

    @Transactional
    public void recordRating(UUID id, String goalAchievement, String assessment, String actor) {
        if (!LEVELS.containsKey(goalAchievement)) {
            throw new FormValidationException(List.of(new FieldError("goalAchievement",
                    "fully, largely, partly oder not")));
        }
        caseFile.lock(id);
        jdbc.sql("""
                UPDATE evaluation SET goal_achievement = :rating, assessment = :assessment, rated_by = :by,
                    rated_at = :at WHERE application_id = :id""")
                .param("id", id).param("rating", goalAchievement).param("assessment", assessment)
                .param("by", actor).param("at", utc(clock.instant())).update();
        caseFile.record(id, CaseEventType.EVALUATION_RATED, actor, LEVELS.get(goalAchievement), null);
    }

    /** The Evaluationsbogen, once. */
    @Transactional
    public void writeSheet(UUID id, String stepKey) {
        CaseFile.Snapshot snapshot = caseFile.lock(id);
        Programme programme = programmes.get(snapshot.programmeKey());
        Map<String, Object> row = jdbc.sql("SELECT * FROM evaluation WHERE application_id = :id").param("id", id)
                .query().singleRow();
        Map<String, Long> values = read(String.valueOf(row.get("indicators")));
        List<IndicatorValue> indicators = programme.evaluation().indicators().stream()
                .map(i -> new IndicatorValue(i.label(), values.getOrDefault(i.key(), 0L))).toList();
        caseFile.issueLetter(id, stepKey, new EvaluationSheet(indicators,
                LEVELS.get(String.valueOf(row.get("goals_reached"))), (String) row.get("lessons_learned"),
                LEVELS.get(String.valueOf(row.get("goal_achievement"))), (String) row.get("assessment"),
                (String) row.get("rated_by")));
    }

    /**
     * Forgets who filed and who rated the case's self-evaluation, at the end of its retention period (README: Data
     * protection); the indicators, the answers and the rating stay for the programme's evaluation.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void anonymise(UUID id) {
        jdbc.sql("UPDATE evaluation SET submitted_by = NULL, rated_by = NULL WHERE application_id = :id")
                .param("id", id).update();
    }

    /**
     * The programme's indicators over the projects that reported them (submission years from/to), and how the goals
     * were reached by the projects' own view and by the authority's rating: figures only, no case or municipality.
     */
    @Transactional(readOnly = true)
    public Outcomes outcomes(Programme programme, int from, int to) {
        Map<String, long[]> sums = new LinkedHashMap<>();
        Map<String, Long> self = new LinkedHashMap<>();
        Map<String, Long> rated = new LinkedHashMap<>();
        for (String level : List.of("fully", "largely", "partly", "not")) {
            self.put(LEVELS.get(level), 0L);
            rated.put(LEVELS.get(level), 0L);
        }
        String years = "e.programme_key = :p AND e.submitted_at IS NOT NULL AND EXTRACT(YEAR FROM a.submitted_at"
                + " AT TIME ZONE 'Europe/Berlin') BETWEEN :from AND :to";
        jdbc.sql("SELECT i.key, COUNT(*), SUM(i.value::bigint) FROM evaluation e JOIN application a ON a.id ="
                        + " e.application_id, jsonb_each_text(e.indicators) i WHERE " + years + " GROUP BY i.key")
                .param("p", programme.key()).param("from", from).param("to", to)
                .query((rs, n) -> sums.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)})).list();
        jdbc.sql("SELECT e.goals_reached, e.goal_achievement FROM evaluation e JOIN application a ON a.id ="
                        + " e.application_id WHERE " + years)
                .param("p", programme.key()).param("from", from).param("to", to)
                .query((rs, n) -> {
                    if (LEVELS.containsKey(rs.getString(1))) {
                        self.merge(LEVELS.get(rs.getString(1)), 1L, Long::sum);
                    }
                    if (LEVELS.containsKey(rs.getString(2))) {
                        rated.merge(LEVELS.get(rs.getString(2)), 1L, Long::sum);
                    }
                    return null;
                }).list();
        List<IndicatorTotal> indicators = programme.evaluation().indicators().stream().map(i -> {
            long[] v = sums.getOrDefault(i.key(), new long[2]);
            return new IndicatorTotal(i.key(), i.label(), v[0], v[1], v[0] == 0 ? null
                    : Math.round(v[1] * 10.0 / v[0]) / 10.0);
        }).toList();
        return new Outcomes(indicators, self, rated);
    }

    /** An indicator over the programme: projects that reported it, its sum and its mean per project. */
    public record IndicatorTotal(String key, String label, long projects, long sum, Double mean) {
    }

    /** Indicators and the distribution of goal achievement (self-assessed and rated). */
    public record Outcomes(List<IndicatorTotal> indicators, Map<String, Long> goalsSelfAssessed,
            Map<String, Long> goalsRated) {
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Long> read(String value) {
        try {
            return json.readValue(value, new com.fasterxml.jackson.core.type.TypeReference<LinkedHashMap<String,
                    Long>>() {
            });
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static java.time.OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** The form of the self-evaluation and when it is due. */
    public record Start(String form, Instant dueAt) {
    }
}
