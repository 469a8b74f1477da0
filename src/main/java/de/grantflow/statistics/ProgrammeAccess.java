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

    /** Whether the caller sees the programme's figures in full: its programme managers and administrators. */
    boolean manages(Programme programme) {
        return allowed(users.current(), programme, false);
    }

    /** Whether the caller sees at least the programme's anonymised figures. */
    boolean managesOrEvaluates(Programme programme) {
        return allowed(users.current(), programme, true);
    }

    private Programme require(String key, boolean evaluators, String refusal) {
        Programme programme = programmes.get(key);
        if (!allowed(users.current(), programme, evaluators)) {
            throw new AccessDeniedException(refusal);
        }
        return programme;
    }

    private static boolean allowed(CurrentUser user, Programme programme, boolean evaluators) {
        boolean ofAuthority = user.authorities().contains(programme.authority().key());
        return user.has(Role.ADMIN) || ofAuthority
                && (user.has(Role.PROGRAMME_MANAGER) || user.has(Role.AUDITOR) || evaluators && user.has(Role.EVALUATOR));
    }
}
