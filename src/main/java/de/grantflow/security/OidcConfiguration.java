package de.grantflow.security;

import de.grantflow.register.MunicipalityRegister;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Sign-in with an OpenID Connect provider, next to the login form, only when {@code grantflow.oidc.issuer-uri} is set:
 * without it no bean here exists and the application needs no provider at all. The provider is asked for its
 * endpoints (discovery) at start.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${grantflow.oidc.issuer-uri:}'.isBlank()")
class OidcConfiguration {

    @Bean
    ClientRegistrationRepository oidcClients(@Value("${grantflow.oidc.issuer-uri}") String issuer,
            @Value("${grantflow.oidc.client-id}") String clientId,
            @Value("${grantflow.oidc.client-secret:}") String clientSecret, OidcSignIn signIn) {
        return new InMemoryClientRegistrationRepository(ClientRegistrations.fromIssuerLocation(issuer)
                .registrationId(OidcSignIn.REGISTRATION_ID)
                .clientId(clientId)
                .clientSecret(clientSecret)
                .clientName(signIn.providerName())
                .scope("openid", "profile", "email")
                .build());
    }

    @Bean
    OidcSignIn oidcSignIn(@Value("${grantflow.oidc.name:Single Sign-On}") String name) {
        return new OidcSignIn(name);
    }

    @Bean
    OidcAccounts oidcAccounts(@Value("${grantflow.oidc.roles-claim:roles}") String roles,
            @Value("${grantflow.oidc.municipality-claim:ags}") String municipality,
            @Value("${grantflow.oidc.authorities-claim:authorities}") String authorities, UserAccounts accounts,
            UserRepository users, EngineAccounts engineAccounts, MunicipalityRegister register,
            PlatformTransactionManager transactionManager) {
        return new OidcAccounts(new OidcAccounts.Claims(roles, municipality, authorities), accounts, users,
                engineAccounts, register, transactionManager);
    }

    /** Part of the one authentication manager, so that sign-ins reach the audit trail like form logins. */
    @Bean
    OidcAuthorizationCodeAuthenticationProvider oidcAuthentication(OidcAccounts oidcAccounts) {
        return new OidcAuthorizationCodeAuthenticationProvider(new RestClientAuthorizationCodeTokenResponseClient(),
                oidcAccounts);
    }
}
