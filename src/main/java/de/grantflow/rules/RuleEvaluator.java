package de.grantflow.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Evaluates a programme's decision (its latest version) through the engine's public DecisionService and stores the
 * evaluation on the case. Rules name themselves: every rule outputs its id and a German reason.
 */
@Component
public class RuleEvaluator {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final DecisionService decisions;
    private final RepositoryService repository;
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    RuleEvaluator(DecisionService decisions, RepositoryService repository, JdbcClient jdbc, ObjectMapper json,
            Clock clock) {
        this.decisions = decisions;
        this.repository = repository;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    public DecisionOutcome evaluate(UUID applicationId, String decisionKey, Map<String, Object> inputs) {
        DecisionDefinition definition = repository.createDecisionDefinitionQuery().decisionDefinitionKey(decisionKey)
                .latestVersion().singleResult();
        if (definition == null) {
            throw new RuleEvaluationException("Regelwerk " + decisionKey + " ist nicht bereitgestellt");
        }
        VariableMap variables = Variables.createVariables();
        inputs.forEach(variables::putValue);
        DmnDecisionResult result = decisions.evaluateDecisionById(definition.getId()).variables(variables).evaluate();
        if (result.isEmpty()) {
            throw new RuleEvaluationException("Keine Regel von " + decisionKey + " trifft auf diesen Antrag zu");
        }
        Map<String, Object> outputs = new LinkedHashMap<>(result.getFirstResult().getEntryMap());
        DecisionOutcome outcome = new DecisionOutcome(UUID.randomUUID(), decisionKey, definition.getVersion(),
                new LinkedHashMap<>(inputs), outputs, text(outputs.get("ruleId")), text(outputs.get("reason")),
                clock.instant());
        jdbc.sql("""
                INSERT INTO decision_record (id, application_id, decision_key, decision_version, inputs, outputs,
                    rule_id, reason, evaluated_at)
                VALUES (:id, :application, :key, :version, CAST(:inputs AS jsonb), CAST(:outputs AS jsonb), :rule,
                    :reason, :at)""")
                .param("id", outcome.id()).param("application", applicationId).param("key", decisionKey)
                .param("version", outcome.decisionVersion()).param("inputs", write(outcome.inputs()))
                .param("outputs", write(outputs)).param("rule", outcome.ruleId()).param("reason", outcome.reason())
                .param("at", outcome.evaluatedAt().atOffset(ZoneOffset.UTC))
                .update();
        return outcome;
    }

    /**
     * Removes the given inputs from the case's recorded decisions (the rules receive the whole form, personal fields
     * included, though none of our decision tables reads them). Returns how many records there were.
     */
    public int removeInputs(UUID applicationId, java.util.Collection<String> keys) {
        return jdbc.sql("""
                UPDATE decision_record SET inputs = inputs - CAST(:keys AS text[])
                WHERE application_id = :application""")
                .param("application", applicationId)
                .param("keys", keys.toArray(String[]::new))
                .update();
    }

    public List<DecisionOutcome> outcomesOf(UUID applicationId) {
        return jdbc.sql("""
                SELECT id, decision_key, decision_version, inputs, outputs, rule_id, reason, evaluated_at
                FROM decision_record WHERE application_id = :application ORDER BY evaluated_at, decision_key""")
                .param("application", applicationId)
                .query((rs, n) -> new DecisionOutcome(rs.getObject("id", UUID.class), rs.getString("decision_key"),
                        rs.getInt("decision_version"), read(rs.getString("inputs")), read(rs.getString("outputs")),
                        rs.getString("rule_id"), rs.getString("reason"),
                        rs.getObject("evaluated_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private String write(Map<String, Object> value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> read(String value) {
        try {
            return json.readValue(value, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
