package de.grantflow.workspace;

import de.grantflow.application.ApplicationStatus;
import de.grantflow.application.CaseDossier;
import de.grantflow.application.CaseNotFoundException;
import de.grantflow.application.Cases;
import de.grantflow.forms.FormCatalog;
import de.grantflow.forms.FormView;
import de.grantflow.funding.FundingService;
import de.grantflow.letters.LetterFile;
import de.grantflow.letters.LetterService;
import de.grantflow.programme.ProgrammeCatalog;
import de.grantflow.security.CurrentUser;
import de.grantflow.security.CurrentUsers;
import de.grantflow.tasks.WorklistService;
import java.util.EnumSet;
import java.util.List;
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
    private final FormCatalog forms;
    private final CaseHeaders headers;
    private final CurrentUsers users;

    DossierController(Cases cases, WorklistService worklist, FundingService funding, LetterService letters,
            ProgrammeCatalog programmes, FormCatalog forms, CaseHeaders headers, CurrentUsers users) {
        this.cases = cases;
        this.worklist = worklist;
        this.funding = funding;
        this.letters = letters;
        this.programmes = programmes;
        this.forms = forms;
        this.headers = headers;
        this.users = users;
    }

    @GetMapping("/workspace/cases/{id}")
    String dossier(@PathVariable UUID id, Model model) {
        CurrentUser user = Staff.require(users);
        CaseDossier dossier = cases.dossier(id, user);
        model.addAttribute("dossier", headers.of(dossier));
        model.addAttribute("case", dossier);
        model.addAttribute("applicationForm", FormView.of(
                forms.get(programmes.get(dossier.programmeKey()).applicationForm()), dossier.data(), List.of()));
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
}
