package de.grantflow.workspace;

import de.grantflow.application.ApplicationStatus;
import de.grantflow.application.CaseDossier;
import de.grantflow.application.CaseNotFoundException;
import de.grantflow.application.Cases;
import de.grantflow.forms.FormCatalog;
import de.grantflow.forms.FormView;
import de.grantflow.funding.FundingService;
import de.grantflow.application.CaseLetterFiles;
import de.grantflow.attachments.AttachmentService;
import de.grantflow.audit.DossierExport;
import de.grantflow.letters.LetterService;
import de.grantflow.programme.ProgrammeCatalog;
import de.grantflow.rules.DecisionOutcome;
import de.grantflow.security.CurrentUser;
import de.grantflow.security.CurrentUsers;
import de.grantflow.tasks.WorklistService;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
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
    private final CaseLetterFiles letterFiles;
    private final AttachmentService attachments;
    private final DossierExport export;

    DossierController(Cases cases, WorklistService worklist, FundingService funding, LetterService letters,
            ProgrammeCatalog programmes, FormCatalog forms, CaseHeaders headers, CurrentUsers users,
            CaseLetterFiles letterFiles, AttachmentService attachments, DossierExport export) {
        this.cases = cases;
        this.worklist = worklist;
        this.funding = funding;
        this.letters = letters;
        this.programmes = programmes;
        this.forms = forms;
        this.headers = headers;
        this.users = users;
        this.letterFiles = letterFiles;
        this.attachments = attachments;
        this.export = export;
    }

    @GetMapping("/workspace/cases/{id}/dossier.zip")
    ResponseEntity<byte[]> export(@PathVariable UUID id) {
        return export.export(Staff.require(users), id).asDownload();
    }

    @GetMapping("/workspace/cases/{id}")
    String dossier(@PathVariable UUID id, Model model) {
        CurrentUser user = Staff.require(users);
        CaseDossier dossier = cases.dossier(id, user);
        model.addAttribute("dossier", headers.of(dossier));
        model.addAttribute("case", dossier);
        model.addAttribute("attachments", attachments.of(user, id));
        model.addAttribute("decisions", dossier.decisions().stream().map(DecisionTrace::of).toList());
        model.addAttribute("applicationForm", FormView.of(
                forms.get(programmes.get(dossier.programmeKey()).applicationForm()), dossier.data(), List.of()));
        model.addAttribute("tasks", worklist.worklist(user, id, 50));
        model.addAttribute("me", user.username());
        model.addAttribute("funding", FUNDING.contains(dossier.status()) ? funding.view(user, id) : null);
        return "workspace/dossier";
    }

    @GetMapping("/workspace/attachments/{id}")
    ResponseEntity<byte[]> attachment(@PathVariable UUID id) {
        return attachments.content(Staff.require(users), id).map(AttachmentService::asDownload)
                .orElseThrow(() -> new CaseNotFoundException("Anlage " + id + " nicht gefunden"));
    }

    @GetMapping("/workspace/letters/{id}")
    ResponseEntity<byte[]> letter(@PathVariable UUID id) {
        return letterFiles.asDownload(Staff.require(users), id);
    }

    /** A rule decision as the dossier lists it: inputs and outputs by name, so that a reader finds them. */
    public record DecisionTrace(String decisionKey, int decisionVersion, String ruleId, String reason,
            Instant evaluatedAt, SortedMap<String, Object> inputs, SortedMap<String, Object> outputs) {

        static DecisionTrace of(DecisionOutcome outcome) {
            return new DecisionTrace(outcome.decisionKey(), outcome.decisionVersion(), outcome.ruleId(),
                    outcome.reason(), outcome.evaluatedAt(), new TreeMap<>(outcome.inputs()),
                    new TreeMap<>(outcome.outputs()));
        }
    }
}
