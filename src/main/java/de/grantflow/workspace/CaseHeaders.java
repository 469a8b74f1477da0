package de.grantflow.workspace;

import de.grantflow.application.ApplicationStatus;
import de.grantflow.application.CaseDossier;
import de.grantflow.application.EarlyStartRequest;
import de.grantflow.programme.Programme;
import de.grantflow.programme.ProgrammeCatalog;
import de.grantflow.register.Municipality;
import de.grantflow.register.MunicipalityRegister;
import java.math.BigDecimal;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The case in brief, as the top of the dossier and the side of a task page show it. */
@Component
class CaseHeaders {

    private final ProgrammeCatalog programmes;
    private final MunicipalityRegister register;

    CaseHeaders(ProgrammeCatalog programmes, MunicipalityRegister register) {
        this.programmes = programmes;
        this.register = register;
    }

    Header of(CaseDossier dossier) {
        Programme programme = programmes.get(dossier.programmeKey());
        Municipality municipality = register.get(dossier.municipalityAgs());
        Object title = dossier.data().get("projectTitle");
        return new Header(dossier.id(), dossier.reference(), municipality.displayName(), municipality.ags(),
                programme.name(), dossier.status(), dossier.requestedAmount(), dossier.grantedAmount(),
                title == null ? null : title.toString(), dossier.latestEarlyStart());
    }

    /**
     * Reference, municipality with its AGS, programme, status and amounts, and the latest request for an early start
     * (the reviewer of that request reads its day and reason here).
     */
    public record Header(UUID id, String reference, String municipality, String ags, String programme,
            ApplicationStatus status, BigDecimal requestedAmount, BigDecimal grantedAmount, String projectTitle,
            EarlyStartRequest earlyStart) {
    }
}
