package de.grantflow.funding;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ANBest-G Nr. 1.2: a line may exceed its plan by up to 20 % when other lines save as much. */
class CostShiftRuleTest {

    private static final Map<String, BigDecimal> PLAN = plan("40000", "20000");

    @Test
    void acceptsAShiftWithinTwentyPercentThatKeepsTheTotal() {
        assertThat(ChangeService.withinTolerance(PLAN, plan("48000", "12000"), 20)).isTrue();
        assertThat(ChangeService.withinTolerance(PLAN, plan("40000", "20000"), 20)).isTrue();
    }

    @Test
    void needsADecisionForMoreThanTwentyPercentOrAnotherTotalOrANewLine() {
        assertThat(ChangeService.withinTolerance(PLAN, plan("48000.01", "11999.99"), 20)).isFalse();
        assertThat(ChangeService.withinTolerance(PLAN, plan("41000", "20000"), 20)).isFalse();
        Map<String, BigDecimal> newLine = plan("39000", "20000");
        newLine.put("honorare", new BigDecimal("1000"));
        assertThat(ChangeService.withinTolerance(PLAN, newLine, 20)).isFalse();
    }

    private static Map<String, BigDecimal> plan(String personal, String material) {
        Map<String, BigDecimal> plan = new LinkedHashMap<>();
        plan.put("personal", new BigDecimal(personal));
        plan.put("sachkosten", new BigDecimal(material));
        return plan;
    }
}
