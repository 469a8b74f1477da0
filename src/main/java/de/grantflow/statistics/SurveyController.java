package de.grantflow.statistics;

import de.grantflow.forms.FormDefinition;
import de.grantflow.programme.Programme;
import de.grantflow.security.CurrentUsers;
import de.grantflow.statistics.SurveyService.Invitation;
import de.grantflow.statistics.SurveyService.SurveyResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Flash surveys: programme managers start them and read the result; funded municipalities answer. */
@RestController
@Tag(name = "Befragungen", description = "Blitzlichtbefragung der geförderten Kommunen")
class SurveyController {

    private final SurveyService surveys;
    private final ProgrammeAccess access;
    private final CurrentUsers users;

    SurveyController(SurveyService surveys, ProgrammeAccess access, CurrentUsers users) {
        this.surveys = surveys;
        this.access = access;
        this.users = users;
    }

    @PostMapping("/api/programmes/{key}/surveys")
    @Operation(summary = "Befragung aller im Zeitraum geförderten Kommunen starten (Programmverantwortliche)")
    ResponseEntity<SurveyResult> start(@PathVariable String key, @RequestBody NewSurvey request) {
        Programme programme = access.managed(key);
        return ResponseEntity.status(HttpStatus.CREATED).body(surveys.start(programme, request.title(),
                request.fundedFrom(), request.fundedTo(), access.caller().username()));
    }

    @GetMapping("/api/programmes/{key}/surveys/{id}")
    @Operation(summary = "Rücklaufquote und zusammengefasste Antworten (Programmverantwortliche, Evaluation)")
    SurveyResult result(@PathVariable String key, @PathVariable UUID id) {
        return surveys.result(access.managedOrEvaluated(key), id);
    }

    @GetMapping("/api/surveys")
    @Operation(summary = "Die Befragungen der eigenen Kommune, mit Frist und Erinnerung")
    List<Invitation> invitations() {
        return surveys.invitations(users.current());
    }

    @GetMapping(path = "/api/surveys/{id}/form", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Das Formular der Befragung (Camunda Forms JSON)")
    String form(@PathVariable UUID id) {
        FormDefinition form = surveys.form(users.current(), id);
        return form.json();
    }

    @PostMapping("/api/surveys/{id}/response")
    @Operation(summary = "Die Befragung beantworten (einmal je Kommune, bis zur Frist)")
    ResponseEntity<Void> respond(@PathVariable UUID id, @RequestBody Response response) {
        surveys.respond(users.current(), id, response == null ? null : response.data());
        return ResponseEntity.noContent().build();
    }

    record NewSurvey(String title, Integer fundedFrom, Integer fundedTo) {
    }

    record Response(Map<String, Object> data) {
    }
}
