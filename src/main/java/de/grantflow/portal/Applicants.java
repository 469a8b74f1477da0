package de.grantflow.portal;

import de.grantflow.forms.FormValidationException;
import de.grantflow.security.CurrentUser;
import de.grantflow.security.CurrentUsers;
import java.time.ZoneId;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/** The portal is the applicants' part of the site: staff have their own pages and get 403 here. */
@Component
class Applicants {

    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private final CurrentUsers users;

    Applicants(CurrentUsers users) {
        this.users = users;
    }

    CurrentUser current() {
        CurrentUser user = users.current();
        if (!user.isApplicant()) {
            throw new AccessDeniedException("Das Antragsportal ist für Antragstellende der Kommunen");
        }
        return user;
    }

    /** Listeners of the engine raise validation errors wrapped in the engine's exceptions. */
    static Optional<FormValidationException> invalidInput(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof FormValidationException invalid) {
                return Optional.of(invalid);
            }
        }
        return Optional.empty();
    }
}
