package de.grantflow.attachments;

import de.grantflow.application.CaseNotFoundException;
import de.grantflow.security.CurrentUsers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Attachments through the API: multipart upload, list, download. */
@RestController
@Tag(name = "Anlagen", description = "Unterlagen zu einem Antrag (PDF, Bilder, Office-Dokumente)")
class AttachmentController {

    private final AttachmentService attachments;
    private final CurrentUsers users;

    AttachmentController(AttachmentService attachments, CurrentUsers users) {
        this.attachments = attachments;
        this.users = users;
    }

    @PostMapping(value = "/api/applications/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Eine Anlage einreichen (Art wird am Inhalt erkannt; höchstens 10 MB)")
    Attachment add(@PathVariable UUID id, @RequestPart("file") MultipartFile file) throws IOException {
        return attachments.add(users.current(), id, file.getOriginalFilename(), file.getBytes());
    }

    @GetMapping("/api/applications/{id}/attachments")
    @Operation(summary = "Die Anlagen eines Antrags")
    List<Attachment> list(@PathVariable UUID id) {
        return attachments.of(users.current(), id);
    }

    @GetMapping("/api/attachments/{id}")
    @Operation(summary = "Eine Anlage herunterladen")
    ResponseEntity<byte[]> download(@PathVariable UUID id) {
        return attachments.content(users.current(), id).map(AttachmentService::asDownload)
                .orElseThrow(() -> new CaseNotFoundException("Anlage " + id + " nicht gefunden"));
    }
}
