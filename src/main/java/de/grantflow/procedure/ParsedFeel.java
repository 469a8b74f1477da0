package de.grantflow.procedure;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.function.CustomFunctionTransformer;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.util.SpringBootProcessEnginePlugin;
import org.camunda.feel.FeelEngine$;
import org.camunda.feel.FeelEngine.Configuration;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.valuemapper.ValueMapper.CompositeValueMapper;
import org.springframework.stereotype.Component;
import camundajar.impl.scala.util.Either;

/**
 * Keeps each FEEL expression of the decision tables parsed. The engine's FEEL integration parses every input, rule
 * and output expression again on each evaluation: two thirds of the time the eligibility rules took, and a fifth of
 * the CPU that starting a procedure costs. Expressions come from deployed models and parse the same each time, so a
 * parsed expression (an immutable syntax tree) is kept and evaluated again. Only parsing is cached, never a result.
 * <p>
 * The factory and the engine it builds are the DMN engine's own classes from its impl packages, extended at the points
 * they offer for it (buildFeelEngine); Operaton has the same classes under its own package names.
 */
@Component
class ParsedFeel extends SpringBootProcessEnginePlugin {

    /** More distinct expressions than any set of deployed models has: past it the cache starts over. */
    static final int LIMIT = 10_000;

    @Override
    public void preInit(SpringProcessEngineConfiguration configuration) {
        DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
                ? configuration.getDmnEngineConfiguration()
                : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        dmn.setFeelEngineFactory(new Factory(configuration.getDmnFeelCustomFunctionProviders()));
        configuration.setDmnEngineConfiguration(dmn);
    }

    static final class Factory extends ScalaFeelEngineFactory {

        Factory(List<FeelCustomFunctionProvider> customFunctionProviders) {
            super(customFunctionProviders);
        }

        @Override
        public FeelEngine createInstance() {
            return new ScalaFeelEngine(customFunctionProviders) {
                @Override
                protected org.camunda.feel.FeelEngine buildFeelEngine(CustomFunctionTransformer functions,
                        CompositeValueMapper values) {
                    return new Parsing(functions, values);
                }
            };
        }
    }

    /** FEEL as the engine builds it (external functions off), with parsing done once per expression. */
    static final class Parsing extends org.camunda.feel.FeelEngine {

        private final Map<String, Either<Failure, ParsedExpression>> expressions = new ConcurrentHashMap<>();
        private final Map<String, Either<Failure, ParsedExpression>> unaryTests = new ConcurrentHashMap<>();

        Parsing(CustomFunctionTransformer functions, CompositeValueMapper values) {
            super(functions, values, new Configuration(false), FeelEngine$.MODULE$.defaultClock());
        }

        @Override
        public Either<Failure, ParsedExpression> parseExpression(String expression) {
            return parsed(expressions, expression, super::parseExpression);
        }

        @Override
        public Either<Failure, ParsedExpression> parseUnaryTests(String expression) {
            return parsed(unaryTests, expression, super::parseUnaryTests);
        }

        private static Either<Failure, ParsedExpression> parsed(Map<String, Either<Failure, ParsedExpression>> cache,
                String expression, Function<String, Either<Failure, ParsedExpression>> parser) {
            Either<Failure, ParsedExpression> parsed = cache.get(expression);
            if (parsed == null) {
                if (cache.size() >= LIMIT) {
                    cache.clear();
                }
                parsed = parser.apply(expression);
                cache.put(expression, parsed);
            }
            return parsed;
        }
    }
}
