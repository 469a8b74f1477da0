package de.grantflow.application;

import de.grantflow.letters.LetterFile;
import de.grantflow.letters.LetterService;
import de.grantflow.security.Audited;
import de.grantflow.security.CurrentUser;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** A letter for download: only to whoever may see its case, and each download goes to the audit trail. */
@Component
public class CaseLetterFiles {

    private final LetterService letters;
    private final Cases cases;
    private final ApplicationEventPublisher events;

    CaseLetterFiles(LetterService letters, Cases cases, ApplicationEventPublisher events) {
        this.letters = letters;
        this.cases = cases;
        this.events = events;
    }

    public LetterFile download(CurrentUser user, UUID letterId) {
        LetterFile file = letters.file(letterId)
                .filter(f -> cases.findVisible(f.letter().applicationId(), user).isPresent())
                .orElseThrow(() -> new CaseNotFoundException("Schreiben " + letterId + " nicht gefunden"));
        events.publishEvent(new Audited("LETTER_DOWNLOADED", "letter:" + letterId, Map.of(
                "application", file.letter().applicationId().toString(), "type", file.letter().type().name(),
                "sha256", file.letter().sha256())));
        return file;
    }

    /** The letter as the PDF download every path answers with (API, portal, workspace). */
    public ResponseEntity<byte[]> asDownload(CurrentUser user, UUID letterId) {
        LetterFile file = download(user, letterId);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file.fileName()).build().toString())
                .header("X-Content-SHA256", file.letter().sha256())
                .body(file.content());
    }
}
