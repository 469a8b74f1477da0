package de.grantflow.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import de.grantflow.ApiClient;
import de.grantflow.TestClock;
import de.grantflow.application.ApplicationStatus;
import de.grantflow.application.CaseFixtures;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A form completed through our API reaches the engine as transient variables: the listeners and the gateways decide on
 * them, the engine keeps none. A name the process already keeps persistent (Tasklist, the engine's REST API) stays
 * persistent and takes the new value.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FormValuesTest {

    private static final List<String> FORM_FIELDS = List.of("complete", "missingDocuments", "score", "criteriaMet",
            "recommendation", "proposedAmount", "justification", "decision", "comment", "statement");

    @LocalServerPort int port;
    @Autowired CaseFixtures cases;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;
    @Autowired TaskService tasks;
    @Autowired TestClock clock;

    ApiClient dortmund;
    ApiClient pruefer;
    ApiClient bewilliger;

    @BeforeEach
    void setUp() {
        clock.reset();
        cases.ensureUsers();
        dortmund = new ApiClient(port, "antrag.dortmund", "demo");
        pruefer = new ApiClient(port, "pruefer", "demo");
        bewilliger = new ApiClient(port, "bewilliger", "demo");
    }

    @Test
    void theEngineKeepsNoneOfTheValuesOfAFormCompletedThroughTheApi() {
        UUID id = reviewed("Transiente Formularwerte");
        complete(bewilliger, id, "Task_Decide", Map.of("decision", "reject", "comment", "Nicht förderfähig."));
        // the listener read the transient decision and told the gateway after it: a hearing
        assertThat(cases.status(id)).isEqualTo(ApplicationStatus.HEARING);
        complete(dortmund, id, "Task_RespondToHearing", Map.of("statement", "Wir halten am Antrag fest.",
                "maintainsApplication", true));
        complete(bewilliger, id, "Task_FinalDecision", Map.of("decision", "approve"));

        assertThat(cases.status(id)).isEqualTo(ApplicationStatus.APPROVED);
        assertThat(cases.grantedAmount(id)).isEqualByComparingTo("15000");
        String instance = cases.processInstanceId(id);
        assertThat(runtime.createVariableInstanceQuery().processInstanceIdIn(instance).list())
                .extracting(VariableInstance::getName).doesNotContainAnyElementsOf(FORM_FIELDS).contains("adverse");
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance).list())
                .extracting(HistoricVariableInstance::getName).doesNotContainAnyElementsOf(FORM_FIELDS);
    }

    @Test
    void aNameTheProcessAlreadyKeepsPersistentTakesTheFormsValue() {
        UUID id = reviewed("Persistente Entscheidung aus Tasklist");
        String instance = cases.processInstanceId(id);
        // as Tasklist completes it: the engine keeps the decision
        String decide = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey("Task_Decide")
                .singleResult().getId();
        tasks.claim(decide, "bewilliger");
        tasks.complete(decide, Map.of("decision", "reject", "comment", "Nicht förderfähig."));
        assertThat(runtime.getVariable(instance, "decision")).isEqualTo("reject");

        complete(dortmund, id, "Task_RespondToHearing", Map.of("statement", "Bitte prüfen Sie erneut.",
                "maintainsApplication", true));
        complete(bewilliger, id, "Task_FinalDecision", Map.of("decision", "approve"));

        assertThat(cases.status(id)).isEqualTo(ApplicationStatus.APPROVED);
        assertThat(runtime.getVariable(instance, "decision")).isEqualTo("approve");
    }

    /** A submitted case, complete and reviewed with 15,000 EUR proposed, through the API. */
    private UUID reviewed(String title) {
        UUID id = cases.submit("antrag.dortmund", "kommin-nrw", CaseFixtures.kommIn(title, 20_000));
        complete(pruefer, id, "Task_FormalCheck", Map.of("complete", true));
        complete(pruefer, id, "Task_Review", Map.of("score", 70, "criteriaMet", List.of("zielgruppe"),
                "recommendation", "approve", "proposedAmount", 15_000, "justification", "Tragfähiges Konzept."));
        return id;
    }

    private void complete(ApiClient client, UUID id, String taskKey, Map<String, Object> data) {
        String task = client.awaitTask(id, taskKey);
        assertThat(client.post("/api/tasks/" + task + "/complete", Map.of("data", data)).status())
                .as(taskKey).isEqualTo(204);
    }
}
