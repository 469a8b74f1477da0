package de.grantflow.portal;

import de.grantflow.application.ApplicationService;
import de.grantflow.application.ApplicationStatus;
import de.grantflow.application.CaseFile;
import de.grantflow.application.Cases.CaseSummary;
import de.grantflow.programme.Call;
import de.grantflow.programme.Financing;
import de.grantflow.programme.Programme;
import de.grantflow.programme.ProgrammeCatalog;
import de.grantflow.register.MunicipalityRegister;
import de.grantflow.security.CurrentUser;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The applicant's start page (own cases, open calls) and the list of open calls. */
@Controller
class PortalController {

    private final Applicants applicants;
    private final ApplicationService applications;
    private final CaseFile caseFile;
    private final ProgrammeCatalog programmes;
    private final MunicipalityRegister register;

    PortalController(Applicants applicants, ApplicationService applications, CaseFile caseFile,
            ProgrammeCatalog programmes, MunicipalityRegister register) {
        this.applicants = applicants;
        this.applications = applications;
        this.caseFile = caseFile;
        this.programmes = programmes;
        this.register = register;
    }

    @GetMapping("/portal")
    String home(Model model) {
        CurrentUser user = applicants.current();
        model.addAttribute("municipality", register.get(user.municipalityAgs()).displayName());
        model.addAttribute("cases", applications.summariesVisibleTo(user, 200).stream().map(this::row).toList());
        model.addAttribute("calls", openCalls(user));
        return "portal/home";
    }

    @GetMapping("/portal/calls")
    String calls(Model model) {
        CurrentUser user = applicants.current();
        model.addAttribute("municipality", register.get(user.municipalityAgs()).displayName());
        model.addAttribute("calls", openCalls(user));
        return "portal/calls";
    }

    /**
     * Calls open today of the programmes of the municipality's state that admit its kind. An application elsewhere is
     * still possible through the API and is decided like any other: rejected after a hearing (§ 28 VwVfG).
     */
    private List<OpenCall> openCalls(CurrentUser user) {
        var municipality = register.get(user.municipalityAgs());
        String kind = municipality.kind().name();
        LocalDate today = caseFile.today();
        return programmes.all().stream()
                .filter(p -> p.eligibleKinds().contains(kind))
                .filter(p -> p.state() == null || p.state() == municipality.state())
                .flatMap(p -> p.calls().stream().filter(c -> c.isOpenOn(today)).map(c -> OpenCall.of(p, c)))
                .toList();
    }

    private CaseRow row(CaseSummary c) {
        return new CaseRow(c.id().toString(), c.reference(), programmes.get(c.programmeKey()).name(),
                c.projectTitle(), c.status(), c.lastChange().atZone(Applicants.ZONE), c.nextDeadline());
    }

    /** A case in the applicant's list. */
    public record CaseRow(String id, String reference, String programme, String projectTitle, ApplicationStatus status,
            ZonedDateTime lastChange, LocalDate nextDeadline) {
    }

    /** An open call with the conditions of its programme. */
    public record OpenCall(String programmeKey, String programme, String call, LocalDate opens, LocalDate closes,
            String financingType, BigDecimal ratePercent, BigDecimal minGrant, BigDecimal maxGrant,
            BigDecimal fixedAmount, String directive, String citation) {

        static OpenCall of(Programme p, Call c) {
            Financing f = p.financing();
            return new OpenCall(p.key(), p.name(), c.title(), c.opens(), c.closes(), f.type().germanName(),
                    f.ratePercent(), f.minGrant(), f.maxGrant(), f.fixedAmount(),
                    p.legalBasis() == null ? null : p.legalBasis().directive(),
                    p.legalBasis() == null ? null : p.legalBasis().citation());
        }

        public String anchor() {
            return programmeKey + "-call";
        }
    }
}
