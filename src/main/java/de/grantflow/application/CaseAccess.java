package de.grantflow.application;

import de.grantflow.programme.Programme;
import de.grantflow.programme.ProgrammeCatalog;
import de.grantflow.security.CurrentUser;
import de.grantflow.security.Role;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Who may see a case: applicants their own municipality's, staff the cases of their authority's programmes (no drafts),
 * administrators all. Everything else is answered as if the case did not exist.
 */
@Component
class CaseAccess {

    private final ProgrammeCatalog programmes;

    CaseAccess(ProgrammeCatalog programmes) {
        this.programmes = programmes;
    }

    boolean canSee(CurrentUser user, Application application) {
        return canSee(user, application.municipalityAgs(), application.status(), application.programmeKey());
    }

    boolean canSee(CurrentUser user, Cases.CaseSummary summary) {
        return canSee(user, summary.municipalityAgs(), summary.status(), summary.programmeKey());
    }

    private boolean canSee(CurrentUser user, String municipalityAgs, ApplicationStatus status, String programmeKey) {
        if (user.has(Role.ADMIN)) {
            return true;
        }
        if (user.isApplicant()) {
            return municipalityAgs.equals(user.municipalityAgs());
        }
        return status != ApplicationStatus.DRAFT && user.isStaffOf(programmes.get(programmeKey).authority().key());
    }

    Set<String> programmesOfStaff(CurrentUser user) {
        return programmes.all().stream()
                .filter(p -> user.isStaffOf(p.authority().key()))
                .map(Programme::key)
                .collect(Collectors.toSet());
    }
}
