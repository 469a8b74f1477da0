package de.grantflow.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.grantflow.security.CurrentUsers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's tasks: list, read the form, claim, give back, complete. */
@RestController
@RequestMapping("/api/tasks")
@Tag(name = "Aufgaben", description = "Aufgaben der Prüfung, Entscheidung und der Antragstellenden")
class TaskController {

    private final WorklistService worklist;
    private final CurrentUsers users;
    private final ObjectMapper json;

    TaskController(WorklistService worklist, CurrentUsers users, ObjectMapper json) {
        this.worklist = worklist;
        this.users = users;
        this.json = json;
    }

    @GetMapping
    @Operation(summary = "Aufgaben, die der angemeldete Benutzer bearbeiten darf, nach Fälligkeit sortiert;"
            + " applicationId beschränkt auf einen Antrag")
    List<WorkTask> list(@RequestParam(required = false) UUID applicationId,
            @RequestParam(defaultValue = "200") int limit) {
        return worklist.worklist(users.current(), applicationId, Math.max(1, Math.min(limit, 1000)));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Eine Aufgabe")
    WorkTask get(@PathVariable String id) {
        return worklist.get(users.current(), id);
    }

    @GetMapping("/{id}/form")
    @Operation(summary = "Das Formular der Aufgabe (Camunda Forms JSON)")
    JsonNode form(@PathVariable String id) throws JsonProcessingException {
        return json.readTree(worklist.form(users.current(), id).json());
    }

    @PostMapping("/{id}/claim")
    @Operation(summary = "Aufgabe übernehmen")
    WorkTask claim(@PathVariable String id) {
        return worklist.claim(users.current(), id);
    }

    @PostMapping("/{id}/unclaim")
    @Operation(summary = "Aufgabe zurückgeben")
    WorkTask unclaim(@PathVariable String id) {
        return worklist.unclaim(users.current(), id);
    }

    @PostMapping("/{id}/complete")
    @Operation(summary = "Aufgabe mit den Formulardaten abschließen (serverseitig geprüft)")
    ResponseEntity<Void> complete(@PathVariable String id, @RequestBody TaskData request) {
        worklist.complete(users.current(), id, request.data());
        return ResponseEntity.noContent().build();
    }

    record TaskData(Map<String, Object> data) {
    }
}
