package de.grantflow.application;

import de.grantflow.security.CurrentUsers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Letters are downloaded by whoever may see their case, and by nobody else. */
@RestController
@Tag(name = "Schreiben", description = "Bescheide und Schreiben als PDF/A")
class LetterController {

    private final CaseLetterFiles letters;
    private final CurrentUsers users;

    LetterController(CaseLetterFiles letters, CurrentUsers users) {
        this.letters = letters;
        this.users = users;
    }

    @GetMapping(value = "/api/letters/{id}", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "Ein Schreiben als PDF herunterladen")
    ResponseEntity<byte[]> download(@PathVariable UUID id) {
        return letters.asDownload(users.current(), id);
    }
}
