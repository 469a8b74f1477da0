package de.grantflow.security;

import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Who is calling, as our domain sees users. The caller is read from our tables once per request rather than taken
 * from the login: a session or a cached Basic login would otherwise keep roles and authorities that have since been
 * taken away.
 */
@Component
public class CurrentUsers {

    private static final String REQUEST_ATTRIBUTE = CurrentUsers.class.getName() + ".user";

    private final UserRepository users;
    private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

    CurrentUsers(UserRepository users) {
        this.users = users;
    }

    public CurrentUser current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated() || trust.isAnonymous(authentication)) {
            throw new AuthenticationCredentialsNotFoundException("Anmeldung erforderlich");
        }
        String username = authentication.getName();
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && request.getAttribute(REQUEST_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST)
                instanceof CurrentUser cached && cached.username().equals(username)) {
            return cached;
        }
        CurrentUser user = users.find(username)
                .filter(UserRepository.StoredUser::enabled)
                .map(UserRepository.StoredUser::user)
                .orElseThrow(() -> new AccessDeniedException("Ihr Benutzerkonto ist gesperrt oder gelöscht"));
        if (request != null) {
            request.setAttribute(REQUEST_ATTRIBUTE, user, RequestAttributes.SCOPE_REQUEST);
        }
        return user;
    }

    public Optional<CurrentUser> find(String username) {
        return users.find(username).map(UserRepository.StoredUser::user);
    }
}
