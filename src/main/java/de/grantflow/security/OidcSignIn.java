package de.grantflow.security;

/**
 * Sign-in with an OpenID Connect provider, present as a bean only when one is configured, so that the login page
 * offers it only then.
 *
 * @param providerName how the login page names the provider ({@code grantflow.oidc.name})
 */
public record OidcSignIn(String providerName) {

    static final String REGISTRATION_ID = "oidc";

    /** Where the sign-in starts: Spring Security sends the browser on to the provider from here. */
    public String startPath() {
        return "/oauth2/authorization/" + REGISTRATION_ID;
    }
}
