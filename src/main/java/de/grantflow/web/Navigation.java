package de.grantflow.web;

import de.grantflow.security.CurrentUser;
import de.grantflow.security.CurrentUsers;
import de.grantflow.security.Role;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the layout of every page needs: who is signed in and which parts of the site they may open. The layout asks
 * for it itself ({@code ${@navigation.current()}}), so that error pages, which no controller prepares, have it too.
 */
@Component("navigation")
class Navigation {

    private final CurrentUsers users;

    Navigation(CurrentUsers users) {
        this.users = users;
    }

    public Links current() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated()) {
            return Links.ANONYMOUS;
        }
        CurrentUser user = users.current();
        boolean staff = user.has(Role.REVIEWER) || user.has(Role.APPROVER) || user.has(Role.PROGRAMME_MANAGER)
                || user.has(Role.ADMIN);
        return new Links(true, user.displayName(), user.isApplicant(),
                user.has(Role.REVIEWER) || user.has(Role.APPROVER) || user.has(Role.AUDITOR) || user.has(Role.ADMIN),
                user.has(Role.PROGRAMME_MANAGER) || user.has(Role.EVALUATOR) || user.has(Role.AUDITOR)
                        || user.has(Role.ADMIN), staff);
    }

    /** The links of the site header. */
    public record Links(boolean signedIn, String displayName, boolean portal, boolean workspace,
            boolean dashboard, boolean camunda) {

        static final Links ANONYMOUS = new Links(false, null, false, false, false, false);
    }
}
