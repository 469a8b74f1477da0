package de.grantflow.workspace;

import de.grantflow.security.CurrentUser;
import de.grantflow.security.CurrentUsers;
import de.grantflow.security.Role;
import java.time.ZoneId;
import org.springframework.security.access.AccessDeniedException;

/** The workspace belongs to reviewers and approvers (and administrators); which cases they see the services decide. */
final class Staff {

    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private Staff() {
    }

    static CurrentUser require(CurrentUsers users) {
        CurrentUser user = users.current();
        if (!user.has(Role.REVIEWER) && !user.has(Role.APPROVER) && !user.has(Role.ADMIN)
                && !user.has(Role.AUDITOR)) {
            throw new AccessDeniedException("Die Arbeitsliste ist der Sachbearbeitung und den Zeichnungsbefugten"
                    + " der Bewilligungsbehörde vorbehalten");
        }
        return user;
    }

    /** Where a claim or unclaim returns to: a workspace page, never another site. */
    static String back(String requested) {
        if (requested == null || !requested.startsWith("/workspace") || requested.contains("//")
                || requested.contains("\\")) {
            return "/workspace";
        }
        return requested;
    }
}
