package de.grantflow.security;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * A user account to create or update. An applicant always belongs to a municipality: without its AGS the applicant
 * could neither apply nor see a case. User names become engine user ids, so they follow the engine's whitelist.
 */
public record NewUser(String username, String rawPassword, String displayName, String email, String phone,
        Set<Role> roles, String municipalityAgs, Set<String> authorities) {

    private static final Pattern USERNAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._-]{0,99}");
    private static final Pattern AGS = Pattern.compile("\\d{5}|\\d{8}");

    public NewUser {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("Ungültiger Benutzername: " + username);
        }
        if (rawPassword == null || rawPassword.isEmpty()) {
            throw new IllegalArgumentException("Das Passwort fehlt (" + username + ")");
        }
        if (displayName == null || displayName.isBlank()) {
            throw new IllegalArgumentException("Der Name fehlt (" + username + ")");
        }
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("Keine Rolle angegeben (" + username + ")");
        }
        if (municipalityAgs != null && !AGS.matcher(municipalityAgs).matches()) {
            throw new IllegalArgumentException("Ungültiger Gemeindeschlüssel: " + municipalityAgs);
        }
        if (roles.contains(Role.APPLICANT) && municipalityAgs == null) {
            throw new IllegalArgumentException("Antragsteller brauchen einen Gemeindeschlüssel (" + username + ")");
        }
        authorities = authorities == null ? Set.of() : Set.copyOf(authorities);
    }

    /** Without the password, which must not reach a log. */
    @Override
    public String toString() {
        return "NewUser[username=" + username + ", roles=" + roles + ", municipalityAgs=" + municipalityAgs
                + ", authorities=" + authorities + "]";
    }
}
