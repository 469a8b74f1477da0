package de.grantflow.security;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads users for login from our tables. */
@Component
class GrantflowUserDetailsService implements UserDetailsService {

    private final UserRepository users;

    GrantflowUserDetailsService(UserRepository users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return users.find(username)
                .map(stored -> new GrantflowUserDetails(stored.user(), stored.passwordHash(), stored.enabled()))
                .orElseThrow(() -> new UsernameNotFoundException("Unbekannter Benutzer"));
    }
}
