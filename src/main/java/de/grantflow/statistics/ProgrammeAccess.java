package de.grantflow.statistics;

import de.grantflow.programme.Programme;
import de.grantflow.programme.ProgrammeCatalog;
import de.grantflow.security.CurrentUser;
import de.grantflow.security.CurrentUsers;
import de.grantflow.security.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/** Who may see a programme's figures: its programme managers (and evaluators where anonymised), and administrators. */
@Component
class ProgrammeAccess {

    private final ProgrammeCatalog programmes;
    private final CurrentUsers users;

    ProgrammeAccess(ProgrammeCatalog programmes, CurrentUsers users) {
        this.programmes = programmes;
        this.users = users;
    }

    /** The programme if the caller manages it (or administers the system). */
    Programme managed(String key) {
        return require(key, false, "Nur Programmverantwortliche und die Administration");
    }

    /** The programme if the caller manages or evaluates it (anonymised figures only). */
    Programme managedOrEvaluated(String key) {
        return require(key, true, "Nur Programmverantwortliche und die Evaluation des Programms");
    }

    CurrentUser caller() {
        return users.current();
    }

    private Programme require(String key, boolean evaluators, String refusal) {
        CurrentUser user = users.current();
        Programme programme = programmes.get(key);
        boolean ofAuthority = user.authorities().contains(programme.authority().key());
        boolean allowed = user.has(Role.ADMIN) || ofAuthority
                && (user.has(Role.PROGRAMME_MANAGER) || evaluators && user.has(Role.EVALUATOR));
        if (!allowed) {
            throw new AccessDeniedException(refusal);
        }
        return programme;
    }
}
