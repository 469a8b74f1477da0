package de.grantflow.security;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

class CurrentUsersTest {

    private final CurrentUsers users = new CurrentUsers(null);

    @AfterEach
    void clearContext() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void refusesWhenNobodyIsLoggedIn() {
        assertThatExceptionOfType(AuthenticationCredentialsNotFoundException.class).isThrownBy(users::current)
                .withMessage("Anmeldung erforderlich");
    }

    @Test
    void refusesAnAnonymousCaller() {
        SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("key",
                "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));

        assertThatExceptionOfType(AuthenticationCredentialsNotFoundException.class).isThrownBy(users::current);
    }
}
