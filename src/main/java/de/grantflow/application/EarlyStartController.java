package de.grantflow.application;

import de.grantflow.application.EarlyStartService.EarlyStartInput;
import de.grantflow.security.CurrentUser;
import de.grantflow.security.CurrentUsers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Vorzeitiger Maßnahmebeginn: the municipality asks, everyone who sees the case reads what became of it. */
@RestController
@Tag(name = "Anträge", description = "Anträge anlegen, einreichen, zurücknehmen und einsehen")
class EarlyStartController {

    private final EarlyStartService earlyStarts;
    private final CurrentUsers users;

    EarlyStartController(EarlyStartService earlyStarts, CurrentUsers users) {
        this.earlyStarts = earlyStarts;
        this.users = users;
    }

    @PostMapping("/api/applications/{id}/early-start")
    @Operation(summary = "Vorzeitigen Maßnahmebeginn beantragen: mit dem Vorhaben vor der Entscheidung beginnen",
            description = "Nur für einen eingereichten, noch nicht beschiedenen Antrag und nur einer zur Zeit."
                    + " Eine Prüferin oder ein Prüfer prüft, eine zweite Person entscheidet; die Kommune erhält einen"
                    + " Bescheid (Schreiben EARLY_START_DECISION).")
    ResponseEntity<EarlyStartView> request(@PathVariable UUID id,
            @RequestBody(required = false) EarlyStartInput input) {
        CurrentUser user = users.current();
        return ResponseEntity.status(HttpStatus.CREATED).body(EarlyStartView.of(earlyStarts.request(user, id, input),
                user));
    }

    @GetMapping("/api/applications/{id}/early-start")
    @Operation(summary = "Anträge des Vorgangs auf vorzeitigen Maßnahmebeginn")
    List<EarlyStartView> requests(@PathVariable UUID id) {
        CurrentUser user = users.current();
        return earlyStarts.of(user, id).stream().map(r -> EarlyStartView.of(r, user)).toList();
    }

    /**
     * A request as the caller may see it: the municipality reads the reasons once the request is decided or settled,
     * not the review's recommendation or justification before.
     */
    record EarlyStartView(UUID id, int number, LocalDate startOn, String reason, String status, String requestedBy,
            Instant requestedAt, String recommendation, String reviewedBy, String decidedBy, Instant decidedAt,
            String note) {

        static EarlyStartView of(EarlyStartRequest r, CurrentUser user) {
            boolean applicant = user.isApplicant();
            return new EarlyStartView(r.id(), r.number(), r.startOn(), r.reason(), r.status().name(), r.requestedBy(),
                    r.requestedAt(), applicant ? null : r.recommendation(), r.reviewedBy(), r.decidedBy(),
                    r.decidedAt(), applicant && r.status().open() ? null : r.note());
        }
    }
}
