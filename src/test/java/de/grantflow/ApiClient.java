package de.grantflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.awaitility.Awaitility;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * Talks to the running application over HTTP as one user, with Basic authentication, as an API client would. Threads
 * that share one client each get their own connection: the HTTP client's default pool keeps at most 5 connections to a
 * server, and more threads would queue for them in the client, where the server neither sees nor sheds them.
 */
public final class ApiClient {

    /** More than any test's or benchmark's clients of one user at once (the benchmark's largest level is 128). */
    private static final int CONNECTIONS = 256;
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final RestClient http;
    private final ObjectMapper json = new ObjectMapper();

    public ApiClient(int port, String username, String password) {
        this.http = RestClient.builder()
                .requestFactory(new HttpComponentsClientHttpRequestFactory(HttpClients.custom()
                        .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                                .setMaxConnPerRoute(CONNECTIONS).setMaxConnTotal(CONNECTIONS).build())
                        .build()))
                .baseUrl("http://localhost:" + port)
                .defaultHeaders(h -> h.setBasicAuth(username, password))
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
    }

    public Response get(String path) {
        return exchange(http.get().uri(path));
    }

    public Response post(String path, Object body) {
        return exchange(http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body == null ? Map.of() : body));
    }

    /** A POST with an {@code Idempotency-Key} header. */
    public Response post(String path, Object body, String idempotencyKey) {
        return exchange(http.post().uri(path).header("Idempotency-Key", idempotencyKey)
                .contentType(MediaType.APPLICATION_JSON).body(body == null ? Map.of() : body));
    }

    public Response put(String path, Object body) {
        return exchange(http.put().uri(path).contentType(MediaType.APPLICATION_JSON).body(body));
    }

    public Response postRaw(String path, String rawJson) {
        return exchange(http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(rawJson));
    }

    /** A POST of text in the given media type (CSV imports). */
    public Response postText(String path, String mediaType, String text) {
        return exchange(http.post().uri(path).contentType(MediaType.parseMediaType(mediaType)).body(text));
    }

    /** A GET asking for the given media type; the body comes back as text. */
    public Response getAs(String path, String mediaType) {
        return exchange(http.get().uri(path).accept(MediaType.parseMediaType(mediaType)));
    }

    public byte[] bytes(String path) {
        return http.get().uri(path).retrieve().body(byte[].class);
    }

    /** The id of the case's open task of that kind in this user's task list, or null when there is none. */
    public String openTask(Object applicationId, String taskKey) {
        JsonNode task = first(get("/api/tasks?applicationId=" + applicationId).body(), "taskDefinitionKey", taskKey);
        return task == null ? null : task.path("id").asText();
    }

    /** The id of the case's open task of that kind in this user's task list, once it is there (within 30 s). */
    public String awaitTask(Object applicationId, String taskKey) {
        return Awaitility.await().atMost(WAIT).until(() -> openTask(applicationId, taskKey), Objects::nonNull);
    }

    /** The case's first letter of that type as this user sees it, once it is there (within 30 s). */
    public JsonNode awaitLetter(Object applicationId, String type) {
        return Awaitility.await().atMost(WAIT).until(() -> first(
                get("/api/applications/" + applicationId).body().path("letters"), "type", type), Objects::nonNull);
    }

    private static JsonNode first(JsonNode list, String field, String value) {
        for (JsonNode item : list) {
            if (value.equals(item.path(field).asText())) {
                return item;
            }
        }
        return null;
    }

    private Response exchange(RestClient.RequestHeadersSpec<?> request) {
        return request.exchange((req, res) -> {
            byte[] body = res.getBody().readAllBytes();
            JsonNode node = body.length == 0 ? json.nullNode() : parse(body);
            return new Response(res.getStatusCode().value(), node, res.getHeaders());
        });
    }

    private JsonNode parse(byte[] body) {
        try {
            return json.readTree(body);
        } catch (java.io.IOException e) {
            return json.getNodeFactory().textNode(new String(body, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** A status, a JSON body and the headers. */
    public record Response(int status, JsonNode body, HttpHeaders headers) {
    }
}
