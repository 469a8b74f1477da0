package de.grantflow.workspace;

import de.grantflow.application.ApplicationStatus;
import de.grantflow.application.CaseDossier;
import de.grantflow.application.CaseNotFoundException;
import de.grantflow.application.Cases;
import de.grantflow.funding.FundingService;
import de.grantflow.funding.FundingView;
import de.grantflow.letters.LetterFile;
import de.grantflow.letters.LetterService;
import de.grantflow.programme.Programme;
import de.grantflow.programme.ProgrammeCatalog;
import de.grantflow.register.Municipality;
import de.grantflow.register.MunicipalityRegister;
import de.grantflow.security.CurrentUser;
import de.grantflow.security.CurrentUsers;
import de.grantflow.tasks.WorklistService;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The dossier of a case for the authority, and its letters. */
@Controller
class DossierController {

    /** The funding period exists once the grant is final; before that the case shows only what was granted. */
    private static final Set<ApplicationStatus> FUNDING = EnumSet.of(ApplicationStatus.FUNDED,
            ApplicationStatus.RECOVERY, ApplicationStatus.CLOSED);

    private final Cases cases;
    private final WorklistService worklist;
    private final FundingService funding;
    private final LetterService letters;
    private final ProgrammeCatalog programmes;
    private final MunicipalityRegister register;
    private final CurrentUsers users;

    DossierController(Cases cases, WorklistService worklist, FundingService funding, LetterService letters,
            ProgrammeCatalog programmes, MunicipalityRegister register, CurrentUsers users) {
        this.cases = cases;
        this.worklist = worklist;
        this.funding = funding;
        this.letters = letters;
        this.programmes = programmes;
        this.register = register;
        this.users = users;
    }

    @GetMapping("/workspace/cases/{id}")
    String dossier(@PathVariable UUID id, Model model) {
        CurrentUser user = Staff.require(users);
        CaseDossier dossier = cases.dossier(id, user);
        model.addAttribute("dossier", header(dossier));
        model.addAttribute("case", dossier);
        model.addAttribute("tasks", worklist.worklist(user, id, 50));
        model.addAttribute("me", user.username());
        model.addAttribute("funding", FUNDING.contains(dossier.status()) ? funding.view(user, id) : null);
        return "workspace/dossier";
    }

    @GetMapping("/workspace/letters/{id}")
    ResponseEntity<byte[]> letter(@PathVariable UUID id) {
        CurrentUser user = Staff.require(users);
        LetterFile file = letters.file(id)
                .filter(f -> cases.findVisible(f.letter().applicationId(), user).isPresent())
                .orElseThrow(() -> new CaseNotFoundException("Schreiben " + id + " nicht gefunden"));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file.fileName()).build().toString())
                .body(file.content());
    }

    Header header(CaseDossier dossier) {
        Programme programme = programmes.get(dossier.programmeKey());
        Municipality municipality = register.get(dossier.municipalityAgs());
        return new Header(dossier.id(), dossier.reference(), municipality.displayName(), municipality.ags(),
                programme.name(), dossier.status(), dossier.requestedAmount(), dossier.grantedAmount(),
                dossier.data().get("projectTitle") == null ? null : dossier.data().get("projectTitle").toString());
    }

    /** What the top of every dossier and task page shows. */
    public record Header(UUID id, String reference, String municipality, String ags, String programme,
            ApplicationStatus status, java.math.BigDecimal requestedAmount, java.math.BigDecimal grantedAmount,
            String projectTitle) {
    }
}
