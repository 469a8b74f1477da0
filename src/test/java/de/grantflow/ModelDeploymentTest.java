package de.grantflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.Resource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Every file in the repository's bpmn/ and forms/ folders is deployed to the engine, byte for byte. */
@SpringBootTest
@ActiveProfiles("test")
class ModelDeploymentTest {

    @Autowired RepositoryService repository;

    @Test
    void deploysEveryModelAndFormOfTheRepository() throws IOException {
        Map<String, byte[]> deployed = deployedResources();
        List<Path> files;
        try (Stream<Path> models = Files.walk(Path.of("bpmn")); Stream<Path> forms = Files.walk(Path.of("forms"))) {
            files = Stream.concat(models, forms).filter(Files::isRegularFile)
                    .filter(p -> p.toString().matches(".*\\.(bpmn|dmn|form)$")).toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            String name = file.toString().replace('\\', '/');
            assertThat(deployed).as("deployed resources").containsKey(name);
            assertThat(deployed.get(name)).as(name + " deployed unchanged").isEqualTo(Files.readAllBytes(file));
        }
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("grant-application").count())
                .isPositive();
    }

    /** The newest bytes of every resource name across all deployments. */
    private Map<String, byte[]> deployedResources() throws IOException {
        Map<String, byte[]> resources = new HashMap<>();
        for (Deployment deployment : repository.createDeploymentQuery().orderByDeploymentTime().asc().list()) {
            for (Resource resource : repository.getDeploymentResources(deployment.getId())) {
                try (InputStream in = repository.getResourceAsStream(deployment.getId(), resource.getName())) {
                    resources.put(normalise(resource.getName()), in.readAllBytes());
                }
            }
        }
        return resources;
    }

    private static String normalise(String name) {
        int at = Arrays.stream(new String[] {"bpmn/", "forms/"}).mapToInt(name::lastIndexOf).max().orElse(-1);
        return at < 0 ? name : name.substring(at);
    }
}
