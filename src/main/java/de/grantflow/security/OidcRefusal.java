package de.grantflow.security;

import java.util.Arrays;
import java.util.Locale;

/**
 * Why a sign-in with OpenID Connect was refused. The login page names the reason (as {@code ?refused=role} etc.) so
 * that the user knows whom to ask; the identity provider's own errors are all {@link #FAILED}.
 */
public enum OidcRefusal {
    /** The token names none of our roles. */
    ROLE,
    /** An applicant without the key of a municipality the register knows. */
    MUNICIPALITY,
    /** The user name cannot become one of ours (characters the engine does not allow). */
    USERNAME,
    /** The user name belongs to a local account or to another subject of the identity provider. */
    TAKEN,
    /** The account was disabled in grantflow. */
    DISABLED,
    FAILED;

    /** The value of the login page's {@code refused} parameter. */
    public String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String messageKey() {
        return "login.refused." + parameter();
    }

    /** Any value not ours (the parameter is in the address bar) reads as a failure without a reason. */
    public static OidcRefusal fromParameter(String parameter) {
        return Arrays.stream(values()).filter(r -> r.parameter().equals(parameter)).findFirst().orElse(FAILED);
    }
}
