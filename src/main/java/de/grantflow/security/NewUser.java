package de.grantflow.security;

import java.util.Set;

/** A user account to create or update. */
public record NewUser(String username, String rawPassword, String displayName, String email, String phone,
        Set<Role> roles, String municipalityAgs, Set<String> authorities) {
}
