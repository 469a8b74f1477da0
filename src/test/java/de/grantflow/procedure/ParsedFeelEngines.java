package de.grantflow.procedure;

import java.util.List;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;

/** A DMN engine with the application's FEEL parse cache, for tests outside this package. */
public final class ParsedFeelEngines {

    private ParsedFeelEngines() {
    }

    public static DmnEngine build() {
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        configuration.setFeelEngineFactory(new ParsedFeel.Factory(List.of()));
        return configuration.buildEngine();
    }
}
