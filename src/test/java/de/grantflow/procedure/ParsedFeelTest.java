package de.grantflow.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/** The engine evaluates its decision tables with FEEL that parses each expression once. */
@SpringBootTest
@ActiveProfiles("test")
@TestPropertySource(properties = "camunda.bpm.job-execution.enabled=false")
class ParsedFeelTest {

    @Autowired ProcessEngine engine;

    @Test
    void theEngineUsesTheParseCache() throws Exception {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getDmnEngineConfiguration().getFeelEngineFactory())
                .isInstanceOf(ParsedFeel.Factory.class);
        assertThat(scalaEngine(configuration.getDmnEngineConfiguration().getFeelEngine()))
                .isInstanceOf(ParsedFeel.Parsing.class);
    }

    @Test
    void parsesEachExpressionOnceAndEvaluatesItAgainstEachContext() throws Exception {
        FeelEngine feel = new ParsedFeel.Factory(java.util.List.of()).createInstance();
        org.camunda.feel.FeelEngine scala = scalaEngine(feel);
        assertThat(scala.parseExpression("amount * 2").right().get())
                .isSameAs(scala.parseExpression("amount * 2").right().get());
        assertThat(scala.parseUnaryTests(">= 5000").right().get())
                .isSameAs(scala.parseUnaryTests(">= 5000").right().get());

        assertThat((Object) feel.evaluateSimpleExpression("amount * 2",
                Variables.createVariables().putValue("amount", 21).asVariableContext())).isEqualTo(42L);
        assertThat(feel.evaluateSimpleUnaryTests(">= 5000", "requested",
                Variables.createVariables().putValue("requested", 4999).asVariableContext())).isFalse();
        assertThat(feel.evaluateSimpleUnaryTests(">= 5000", "requested",
                Variables.createVariables().putValue("requested", 5000).asVariableContext())).isTrue();
    }

    private static org.camunda.feel.FeelEngine scalaEngine(FeelEngine engine) throws Exception {
        Field field = ScalaFeelEngine.class.getDeclaredField("feelEngine");
        field.setAccessible(true);
        return (org.camunda.feel.FeelEngine) field.get(engine);
    }
}
