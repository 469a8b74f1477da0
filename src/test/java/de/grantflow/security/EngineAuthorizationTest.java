package de.grantflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.grantflow.application.CaseFixtures;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The engine's authorization and tenant checks: staff of one authority see in Tasklist's REST API (with the single
 * sign-on session) and through the engine's services only their authority's tasks; integration accounts read only
 * their authority's process instances, variables and tasks through /engine-rest; only administrators deploy.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class EngineAuthorizationTest {

    private static final String PASSWORD = TestUsers.PASSWORD;
    private static final String INTEGRATION_PASSWORD = "schnittstelle-geheim";
    private static final String TASKLIST = "/camunda/api/engine/engine/default";

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;
    @Autowired CurrentUsers users;
    @Autowired EngineAccounts engineAccounts;
    @Autowired IntegrationAccounts integrationAccounts;
    @Autowired DemoUsers demoUsers;
    @Autowired CaseFixtures cases;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired RepositoryService repository;
    @Autowired IdentityService identity;
    @Autowired ProcessEngine engine;
    @Autowired AuthorizationService authorizations;
    @Autowired EngineAuthorizations engineAuthorizations;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void users() {
        // the webapps and the engine REST API look the engine up by name in the engine's static registry, where each
        // test context in this JVM registered its engine "default" as it started: the last one wins
        ProcessEngines.registerProcessEngine(engine);
        TestUsers.ensureDemoUsers(accounts);
        cases.ensureUsers();
        staff("pruefer.arnsberg", "br-arnsberg");
        staff("pruefer.bw", "lpb-bw");
        integrationAccounts.save("fachverfahren.arnsberg", INTEGRATION_PASSWORD, Set.of("br-arnsberg"));
        integrationAccounts.save("fachverfahren.bw", INTEGRATION_PASSWORD, Set.of("lpb-bw"));
    }

    @Test
    void showsAReviewerInTasklistOnlyTheTasksOfTheirAuthority() throws IOException {
        Task arnsberg = formalCheck(cases.submit("antrag.dortmund", "kommin-nrw",
                CaseFixtures.kommIn("Lotsen im Quartier", 10_000)));
        Task bw = formalCheck(cases.submit("antrag.stuttgart", "fluechtlingsdialoge-bw", dialogue()));
        Client a = new Client("pruefer.arnsberg", PASSWORD);
        Client b = new Client("pruefer.bw", PASSWORD);

        assertThat(ids(a.get(TASKLIST + "/task?processInstanceId=" + arnsberg.getProcessInstanceId())))
                .containsExactly(arnsberg.getId());
        assertThat(ids(b.get(TASKLIST + "/task?processInstanceId=" + arnsberg.getProcessInstanceId()))).isEmpty();
        assertThat(ids(b.get(TASKLIST + "/task?maxResults=1000"))).contains(bw.getId()).doesNotContain(arnsberg.getId());
        assertThat(ids(a.get(TASKLIST + "/task?maxResults=1000"))).contains(arnsberg.getId()).doesNotContain(bw.getId());
        assertThat(b.get(TASKLIST + "/task/" + arnsberg.getId()).statusCode()).isNotEqualTo(200);
        assertThat(b.get(TASKLIST + "/process-instance/" + arnsberg.getProcessInstanceId() + "/variables")
                .statusCode()).isNotEqualTo(200);
        assertThat(ids(b.get(TASKLIST + "/process-instance?maxResults=1000")))
                .doesNotContain(arnsberg.getProcessInstanceId());
        assertThat(ids(a.get(TASKLIST + "/process-instance?maxResults=1000")))
                .as("Cockpit: the authority's cases").contains(arnsberg.getProcessInstanceId())
                .doesNotContain(bw.getProcessInstanceId());

        // Tasklist lists tasks through its filter "Alle Aufgaben"
        JsonNode filters = json.readTree(a.get(TASKLIST + "/filter?resourceType=Task").body());
        String allTasks = filters.findParents("name").stream()
                .filter(filter -> filter.path("name").asText().equals("Alle Aufgaben"))
                .map(filter -> filter.path("id").asText()).findFirst().orElseThrow();
        assertThat(ids(a.get(TASKLIST + "/filter/" + allTasks + "/list?maxResults=1000")))
                .contains(arnsberg.getId()).doesNotContain(bw.getId());
        assertThat(ids(b.get(TASKLIST + "/filter/" + allTasks + "/list?maxResults=1000")))
                .contains(bw.getId()).doesNotContain(arnsberg.getId());

        HttpResponse<String> form = a.get(TASKLIST + "/task/" + arnsberg.getId() + "/deployed-form");
        assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
        assertThat(form.body()).contains("\"components\"");
        assertThat(a.get(TASKLIST + "/process-instance/" + arnsberg.getProcessInstanceId() + "/variables").body())
                .contains("br-arnsberg");
    }

    @Test
    void letsTheAuthoritysReviewerClaimTheTaskAndNobodyElse() {
        Task task = formalCheck(cases.submit("antrag.duisburg", "kommin-nrw",
                CaseFixtures.kommIn("Sprachcafé", 12_000)));

        assertThatThrownBy(() -> as("pruefer.bw", () -> tasks.claim(task.getId(), "pruefer.bw")))
                .isInstanceOf(ProcessEngineException.class);
        assertThatThrownBy(() -> as("fachverfahren.arnsberg",
                () -> tasks.claim(task.getId(), "fachverfahren.arnsberg")))
                .isInstanceOf(AuthorizationException.class);
        assertThat(as("pruefer.bw", () -> tasks.createTaskQuery().taskId(task.getId()).count())).isZero();

        as("pruefer.arnsberg", () -> tasks.claim(task.getId(), "pruefer.arnsberg"));

        assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee())
                .isEqualTo("pruefer.arnsberg");
        assertThat(as("pruefer.arnsberg", () -> tasks.createTaskQuery().taskAssignee("pruefer.arnsberg")
                .taskId(task.getId()).count())).isOne();
    }

    @Test
    void grantsTasksCreatedBeforeTheChecksWereOnToTheirCandidatesAtStart() throws IOException {
        Task task = formalCheck(cases.submit("antrag.dortmund", "kommin-nrw",
                CaseFixtures.kommIn("Aus der Zeit davor", 11_000)));
        authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(task.getId()).list()
                .forEach(grant -> authorizations.deleteAuthorization(grant.getId()));
        assertThat(as("pruefer.arnsberg", () -> tasks.createTaskQuery().taskId(task.getId()).count())).isZero();
        HttpResponse<String> refused = new Client("pruefer.arnsberg", PASSWORD)
                .postJson("/api/tasks/" + task.getId() + "/claim", "{}");
        assertThat(refused.statusCode()).as("the engine's check behind our API").isEqualTo(403);
        assertThat(json.readTree(refused.body()).path("message").asText())
                .isEqualTo("Keine Berechtigung für diese Aufgabe");

        engineAuthorizations.grant();

        assertThat(as("pruefer.arnsberg", () -> tasks.createTaskQuery().taskId(task.getId()).count())).isOne();
        assertThat(as("pruefer.bw", () -> tasks.createTaskQuery().taskId(task.getId()).count())).isZero();
        as("pruefer.arnsberg", () -> tasks.claim(task.getId(), "pruefer.arnsberg"));
    }

    @Test
    void letsIntegrationAccountsReadOnlyTheirAuthoritysInstancesThroughTheEngineRestApi() throws IOException {
        Task arnsberg = formalCheck(cases.submit("antrag.muenster", "kommin-nrw",
                CaseFixtures.kommIn("Begegnungsorte", 15_000)));
        String instance = arnsberg.getProcessInstanceId();
        Client a = new Client("fachverfahren.arnsberg", INTEGRATION_PASSWORD);
        Client b = new Client("fachverfahren.bw", INTEGRATION_PASSWORD);

        assertThat(ids(a.get("/engine-rest/task?processInstanceId=" + instance))).containsExactly(arnsberg.getId());
        assertThat(ids(a.get("/engine-rest/process-instance?maxResults=1000"))).contains(instance);
        HttpResponse<String> variables = a.get("/engine-rest/process-instance/" + instance + "/variables");
        assertThat(variables.statusCode()).isEqualTo(200);
        assertThat(variables.body()).contains("br-arnsberg");

        assertThat(ids(b.get("/engine-rest/task?processInstanceId=" + instance))).isEmpty();
        assertThat(ids(b.get("/engine-rest/process-instance?maxResults=1000"))).doesNotContain(instance);
        assertThat(b.get("/engine-rest/process-instance/" + instance).statusCode()).isNotEqualTo(200);
        HttpResponse<String> foreign = b.get("/engine-rest/process-instance/" + instance + "/variables");
        assertThat(foreign.statusCode()).isNotEqualTo(200);
        assertThat(foreign.body()).doesNotContain("br-arnsberg");
        assertThat(ids(b.get("/engine-rest/history/process-instance?maxResults=1000"))).doesNotContain(instance);

        HttpResponse<String> claim = a.postJson("/engine-rest/task/" + arnsberg.getId() + "/claim",
                "{\"userId\": \"fachverfahren.arnsberg\"}");
        assertThat(claim.statusCode()).as("read only").isEqualTo(403);
        assertThat(ids(new Client("admin", PASSWORD).get("/engine-rest/task?processInstanceId=" + instance)))
                .containsExactly(arnsberg.getId());
    }

    @Test
    void keepsApplicantsAndStaffOutOfTheEngineRestApiAndIntegrationAccountsOutOfEverythingElse() {
        assertThat(new Client("antrag.dortmund", PASSWORD).get("/engine-rest/task").statusCode()).isEqualTo(403);
        assertThat(new Client("pruefer.arnsberg", PASSWORD).get("/engine-rest/task").statusCode()).isEqualTo(403);
        assertThat(new Client("antrag.dortmund", PASSWORD).get(TASKLIST + "/task").statusCode()).isEqualTo(403);
        Client integration = new Client("fachverfahren.arnsberg", INTEGRATION_PASSWORD);
        assertThat(integration.get(TASKLIST + "/task").statusCode()).as("no webapp").isEqualTo(403);
        assertThat(integration.get("/api/tasks").statusCode()).as("no API of ours").isEqualTo(403);
        assertThat(integration.get("/portal").statusCode()).as("no page").isEqualTo(403);
    }

    @Test
    void letsOnlyAdministratorsDeploy() throws IOException {
        String bpmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="test">
                  <process id="engine-auth-probe" isExecutable="true" camunda:historyTimeToLive="1">
                    <startEvent id="start" />
                  </process>
                </definitions>""";

        HttpResponse<String> integration = new Client("fachverfahren.arnsberg", INTEGRATION_PASSWORD)
                .deploy(bpmn);
        assertThat(integration.statusCode()).isEqualTo(403);
        assertThatThrownBy(() -> as("fachverfahren.arnsberg", () -> repository.createDeployment()
                .addString("probe.bpmn", bpmn).name("probe").deploy()))
                .as("the engine refuses as well").isInstanceOf(AuthorizationException.class);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("engine-auth-probe").count())
                .isZero();

        Client admin = new Client("admin", PASSWORD);
        HttpResponse<String> deployed = admin.deploy(bpmn);
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
        String deployment = json.readTree(deployed.body()).path("id").asText();
        assertThat(repository.createProcessDefinitionQuery().deploymentId(deployment).count()).isOne();
        repository.deleteDeployment(deployment, true);
    }

    private void staff(String username, String authority) {
        NewUser user = new NewUser(username, PASSWORD, "Prüfer " + authority, null, null, Set.of(Role.REVIEWER),
                null, Set.of(authority));
        accounts.createOrUpdate(user);
        engineAccounts.save(user, users.find(username).orElseThrow().engineGroups());
    }

    private Task formalCheck(UUID id) {
        String instance = cases.processInstanceId(id);
        return Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> tasks.createTaskQuery()
                .processInstanceId(instance).taskDefinitionKey("Task_FormalCheck").singleResult(), task -> task != null);
    }

    /** Engine calls as the user, with the groups and tenants of the user's engine account, as the webapps make them. */
    private <T> T as(String username, java.util.function.Supplier<T> call) {
        List<String> groups = identity.createGroupQuery().groupMember(username).list().stream()
                .map(group -> group.getId()).toList();
        List<String> tenants = identity.createTenantQuery().userMember(username).includingGroupsOfUser(true).list()
                .stream().map(tenant -> tenant.getId()).toList();
        identity.setAuthentication(username, groups, tenants);
        try {
            return call.get();
        } finally {
            identity.clearAuthentication();
        }
    }

    private void as(String username, Runnable call) {
        as(username, () -> {
            call.run();
            return null;
        });
    }

    private List<String> ids(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode list = json.readTree(response.body());
        return list.findValuesAsText("id").stream().filter(id -> !id.isEmpty()).toList();
    }

    private static Map<String, Object> dialogue() {
        Map<String, Object> dialogue = CaseFixtures.common("Dialog am Neckar", 3_000);
        dialogue.put("facilitatorName", "Moderation Süd");
        dialogue.put("dialogueFormat", "buergerdialog");
        dialogue.put("numberOfEvents", 3);
        dialogue.put("city", "Stuttgart");
        dialogue.put("postalCode", "70173");
        return dialogue;
    }

    /** HTTP Basic with a cookie jar: the webapps keep the single sign-on session in a cookie. */
    private final class Client {

        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        private final String authorization;

        Client(String username, String password) {
            authorization = "Basic " + Base64.getEncoder()
                    .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        }

        HttpResponse<String> get(String path) {
            return send(request(path).GET());
        }

        HttpResponse<String> postJson(String path, String body) {
            return send(request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        HttpResponse<String> deploy(String bpmn) {
            String boundary = "grantflow" + UUID.randomUUID();
            String body = part(boundary, "deployment-name", null, "probe")
                    + part(boundary, "probe.bpmn", "probe.bpmn", bpmn) + "--" + boundary + "--\r\n";
            return send(request("/engine-rest/deployment/create")
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        private static String part(String boundary, String name, String filename, String content) {
            return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                    + (filename == null ? "" : "; filename=\"" + filename + "\"\r\nContent-Type: application/xml")
                    + "\r\n\r\n" + content + "\r\n";
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", authorization).header("Accept", "application/json");
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
