package de.grantflow.rules;

import static org.assertj.core.api.Assertions.assertThat;

import de.grantflow.procedure.ParsedFeelEngines;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every rule of the shipped decision tables, evaluated by the real DMN engine from the files in bpmn/: as the modeller
 * runs it, and with the application's FEEL parse cache, three times over, which must give the same results.
 */
class DecisionTablesTest {

    private static final DmnEngine ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    private static final DmnEngine PARSED_ONCE = ParsedFeelEngines.build();

    @ParameterizedTest(name = "{0} {1} ABH={2} open={3} {4} EUR -> {5} by {6}")
    @CsvSource({
            "NW, KREISFREIE_STADT,          false, true,  20000, true,  Rule_KreisOderKreisfreieStadt",
            "NW, KREIS,                     false, true,  20000, true,  Rule_KreisOderKreisfreieStadt",
            "NW, KREISANGEHOERIGE_GEMEINDE, true,  true,  20000, true,  Rule_KreisangehoerigeMitAuslaenderbehoerde",
            "NW, KREISANGEHOERIGE_GEMEINDE, false, true,  20000, false, Rule_KreisangehoerigeOhneAuslaenderbehoerde",
            "BW, KREISFREIE_STADT,          true,  true,  20000, false, Rule_NurNRW",
            "NW, KREISFREIE_STADT,          true,  false, 20000, false, Rule_AufrufGeschlossen",
            "NW, KREISFREIE_STADT,          true,  true,  4999,  false, Rule_Mindestbetrag"})
    void decidesKommInEligibility(String state, String kind, boolean foreignersAuthority, boolean callOpen,
            double requested, boolean eligible, String rule) {
        DmnDecisionResultEntries result = evaluate("kommin-nrw-eligibility", Map.of("municipalityState", state,
                "municipalityKind", kind, "hasForeignersAuthority", foreignersAuthority, "callOpen", callOpen,
                "requestedAmount", requested, "minGrant", 5000.0));
        assertThat((Boolean) result.get("eligible")).isEqualTo(eligible);
        assertThat(result.get("ruleId").toString()).isEqualTo(rule);
        assertThat(result.get("reason").toString()).isNotBlank();
    }

    @ParameterizedTest(name = "{0} open={1} facilitator={2} -> {3} by {4}")
    @CsvSource({
            "BW, true,  'Moderation Müller', true,  Rule_Antragsberechtigt",
            "BW, true,  '',                  false, Rule_OhneModeration",
            "NW, true,  'Moderation Müller', false, Rule_NurBadenWuerttemberg",
            "BW, false, 'Moderation Müller', false, Rule_AufrufGeschlossen"})
    void decidesFluechtlingsdialogeEligibility(String state, boolean callOpen, String facilitator, boolean eligible,
            String rule) {
        DmnDecisionResultEntries result = evaluate("fluechtlingsdialoge-bw-eligibility", Map.of(
                "municipalityState", state, "callOpen", callOpen, "facilitatorName", facilitator));
        assertThat((Boolean) result.get("eligible")).isEqualTo(eligible);
        assertThat(result.get("ruleId").toString()).isEqualTo(rule);
    }

    @ParameterizedTest(name = "{0}: costs {1}, own {2}, third {3} -> {4}")
    @CsvSource({
            "ANTEILFINANZIERUNG,      40000, 10000, 0,    32000, Rule_Anteilfinanzierung",
            "ANTEILFINANZIERUNG,      90000, 10000, 0,    50000, Rule_Anteilfinanzierung",
            "FEHLBEDARFSFINANZIERUNG, 40000, 10000, 5000, 25000, Rule_Fehlbedarfsfinanzierung",
            "FEHLBEDARFSFINANZIERUNG, 90000, 10000, 0,    50000, Rule_Fehlbedarfsfinanzierung",
            "FESTBETRAGSFINANZIERUNG, 90000, 10000, 0,    3000,  Rule_Festbetragsfinanzierung",
            "VOLLFINANZIERUNG,        12345, 0,     0,    12345, Rule_Vollfinanzierung"})
    void computesTheFundableAmount(String type, double costs, double own, double third, double fundable,
            String rule) {
        Map<String, Object> inputs = new HashMap<>(Map.of("financingType", type, "totalCosts", costs,
                "ownContribution", own, "thirdPartyFunds", third, "ratePercent", 80.0, "maxGrant", 50000.0,
                "fixedAmount", 3000.0));
        DmnDecisionResultEntries result = evaluate("grant-amount", inputs);
        assertThat(((Number) result.get("maxFundable")).doubleValue()).isEqualTo(fundable);
        assertThat(result.get("ruleId").toString()).isEqualTo(rule);
    }

    private static DmnDecisionResultEntries evaluate(String decisionKey, Map<String, Object> inputs) {
        try (InputStream model = DecisionTablesTest.class.getResourceAsStream("/bpmn/" + decisionKey + ".dmn")) {
            byte[] table = model.readAllBytes();
            DmnDecisionResultEntries result = evaluate(ENGINE, decisionKey, table, inputs);
            for (int round = 0; round < 3; round++) {
                assertThat(evaluate(PARSED_ONCE, decisionKey, table, inputs).getEntryMap())
                        .isEqualTo(result.getEntryMap());
            }
            return result;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DmnDecisionResultEntries evaluate(DmnEngine engine, String decisionKey, byte[] table,
            Map<String, Object> inputs) {
        DmnDecision decision = engine.parseDecision(decisionKey, new ByteArrayInputStream(table));
        return engine.evaluateDecision(decision, new HashMap<>(inputs)).getSingleResult();
    }
}
