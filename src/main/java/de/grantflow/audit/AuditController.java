package de.grantflow.audit;

import de.grantflow.security.CurrentUsers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Administrators check that the audit trail is complete and unchanged; the authority exports a case's records. */
@RestController
@Tag(name = "Prüfpfad", description = "Nachprüfen der Hash-Kette des Prüfpfads")
class AuditController {

    private final AuditChain chain;
    private final DossierExport dossiers;
    private final CurrentUsers users;

    AuditController(AuditChain chain, DossierExport dossiers, CurrentUsers users) {
        this.chain = chain;
        this.dossiers = dossiers;
        this.users = users;
    }

    @GetMapping(value = "/api/applications/{id}/dossier.zip", produces = "application/zip")
    @Operation(summary = "Die Akte eines Antrags als ZIP (Daten, Entscheidungen, Schreiben, Anlagen, Prüfpfad)")
    ResponseEntity<byte[]> dossier(@PathVariable UUID id) {
        return dossiers.export(users.current(), id).asDownload();
    }


    @PostMapping("/api/audit/verify")
    @PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR')")
    @Operation(summary = "Versiegelt, was aussteht, und prüft die ganze Kette")
    AuditChain.Verification verify() {
        chain.seal();
        return chain.verify();
    }
}
