package de.grantflow.procedure;

import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.util.SpringBootProcessEnginePlugin;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Names this node in the engine's job locks and job log (GRANTFLOW_NODE_NAME), so that an operator of a cluster sees
 * which node holds a job and which node ran it; without a name the engine draws a random lock owner per start. Each
 * node needs its own name: a job's lock belongs to its owner until it expires, whoever bears the name.
 */
@Component
class ClusterNodeName extends SpringBootProcessEnginePlugin {

    private final String name;

    ClusterNodeName(@Value("${grantflow.node-name:}") String name) {
        this.name = name;
    }

    @Override
    public void postInit(SpringProcessEngineConfiguration configuration) {
        if (!name.isBlank()) {
            configuration.getJobExecutor().setLockOwner(name);
            configuration.setHostname(name);
        }
    }
}
