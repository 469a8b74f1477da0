package de.grantflow.security;

import java.util.Optional;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Who is calling, as our domain sees users. */
@Component
public class CurrentUsers {

    private final UserRepository users;

    CurrentUsers(UserRepository users) {
        this.users = users;
    }

    public CurrentUser current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new AuthenticationCredentialsNotFoundException("Anmeldung erforderlich");
        }
        if (authentication.getPrincipal() instanceof GrantflowUserDetails details) {
            return details.user();
        }
        return find(authentication.getName())
                .orElseThrow(() -> new AuthenticationCredentialsNotFoundException("Unbekannter Benutzer"));
    }

    public Optional<CurrentUser> find(String username) {
        return users.find(username).map(UserRepository.StoredUser::user);
    }
}
