package de.grantflow.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Administrators check that the audit trail is complete and unchanged. */
@RestController
@Tag(name = "Prüfpfad", description = "Nachprüfen der Hash-Kette des Prüfpfads")
class AuditController {

    private final AuditChain chain;

    AuditController(AuditChain chain) {
        this.chain = chain;
    }

    @PostMapping("/api/audit/verify")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Versiegelt, was aussteht, und prüft die ganze Kette")
    AuditChain.Verification verify() {
        chain.seal();
        return chain.verify();
    }
}
