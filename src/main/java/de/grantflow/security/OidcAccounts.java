package de.grantflow.security;

import de.grantflow.register.MunicipalityRegister;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Users who sign in with OpenID Connect become users of ours: the provider's claims are the source of truth for
 * roles, municipality and authorities, written to our tables at every sign-in. From then on nothing tells them apart
 * from users with a password ({@link CurrentUsers} reads the same tables), except that their password is random and
 * never told to anyone, so they cannot sign in with the form or HTTP Basic.
 */
class OidcAccounts implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private static final Logger log = LoggerFactory.getLogger(OidcAccounts.class);

    static final String ERROR_PREFIX = "grantflow_";

    private static final Set<Role> STAFF = EnumSet.of(Role.REVIEWER, Role.APPROVER, Role.PROGRAMME_MANAGER,
            Role.ADMIN);
    private static final Pattern USERNAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._-]{0,99}");
    private static final Pattern AUTHORITY = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._-]{0,79}");

    private final OidcUserService provider = new OidcUserService();
    private final Claims claims;
    private final UserAccounts accounts;
    private final UserRepository users;
    private final EngineAccounts engineAccounts;
    private final MunicipalityRegister register;
    private final TransactionTemplate transactions;
    private final SecureRandom random = new SecureRandom();

    /** The names of the claims that carry roles, an applicant's municipality key and staff's authorities. */
    record Claims(String roles, String municipality, String authorities) {
    }

    OidcAccounts(Claims claims, UserAccounts accounts, UserRepository users, EngineAccounts engineAccounts,
            MunicipalityRegister register, PlatformTransactionManager transactionManager) {
        this.claims = claims;
        this.transactions = new TransactionTemplate(transactionManager);
        this.accounts = accounts;
        this.users = users;
        this.engineAccounts = engineAccounts;
        this.register = register;
    }

    /** The provider is asked (userinfo) before the transaction begins, which holds no connection while it waits. */
    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser signedIn = provider.loadUser(request);
        String issuer = request.getClientRegistration().getProviderDetails().getIssuerUri();
        return transactions.execute(status -> provision(signedIn, issuer));
    }

    private OidcUser provision(OidcUser signedIn, String issuer) {
        String nameClaim = signedIn.getPreferredUsername() != null ? "preferred_username" : "sub";
        String username = signedIn.getClaimAsString(nameClaim);
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw refused(OidcRefusal.USERNAME, "Benutzername nicht zulässig: " + username);
        }
        String subject = issuer + " " + signedIn.getSubject();
        checkOwnership(username, subject);
        Set<Role> roles = roles(signedIn.getClaims());
        if (roles.isEmpty()) {
            throw refused(OidcRefusal.ROLE, "Keine bekannte Rolle im Claim " + claims.roles() + " von " + username);
        }
        String ags = null;
        if (roles.contains(Role.APPLICANT)) {
            ags = signedIn.getClaimAsString(claims.municipality());
            if (register.find(ags).isEmpty()) {
                throw refused(OidcRefusal.MUNICIPALITY, "Unbekannter Gemeindeschlüssel " + ags + " von " + username);
            }
        }
        NewUser user = new NewUser(username, unguessablePassword(), displayName(signedIn, username),
                signedIn.getEmail(), signedIn.getPhoneNumber(), roles, ags, authorities(signedIn, username));
        accounts.createOrUpdate(user);
        users.linkOidcSubject(username, subject);
        if (roles.stream().anyMatch(STAFF::contains)) {
            engineAccounts.save(user, users.find(username).orElseThrow().user().engineGroups());
        } else {
            engineAccounts.forget(username);
        }
        List<SimpleGrantedAuthority> authorities = roles.stream()
                .map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList();
        return new DefaultOidcUser(authorities, signedIn.getIdToken(), signedIn.getUserInfo(), nameClaim);
    }

    /**
     * A provider must not take over a local account (the administrator's, say) by naming its user, nor one subject
     * the account of another; and an account disabled here stays disabled.
     */
    private void checkOwnership(String username, String subject) {
        users.usernameOfOidcSubject(subject).filter(known -> !known.equals(username)).ifPresent(known -> {
            throw refused(OidcRefusal.TAKEN, subject + " ist bereits als " + known + " angelegt");
        });
        users.find(username).ifPresent(existing -> {
            if (!users.oidcSubject(username).map(subject::equals).orElse(false)) {
                throw refused(OidcRefusal.TAKEN, "Benutzername " + username + " gehört einem anderen Konto");
            }
            if (!existing.enabled()) {
                throw refused(OidcRefusal.DISABLED, "Benutzerkonto " + username + " ist gesperrt");
            }
        });
    }

    /**
     * Our roles among the claim's values, in any case; Keycloak puts realm roles under realm_access.roles. Integration
     * accounts are machines with a password configured here, never people signing in at a provider.
     */
    private Set<Role> roles(Map<String, Object> claimed) {
        Object values = claimed.get(claims.roles());
        if (values == null && claimed.get("realm_access") instanceof Map<?, ?> realm) {
            values = realm.get("roles");
        }
        Set<String> known = Arrays.stream(Role.values()).filter(role -> role != Role.INTEGRATION).map(Role::name)
                .collect(Collectors.toSet());
        return strings(values).stream().map(value -> value.trim().toUpperCase(Locale.ROOT)).filter(known::contains)
                .map(Role::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    /**
     * Authority keys become parts of the engine's group ids (reviewer-br-arnsberg), which allow no other characters;
     * a value that cannot be a key is left out and logged rather than failing the sign-in.
     */
    private Set<String> authorities(OidcUser signedIn, String username) {
        List<String> values = strings(signedIn.getClaims().get(claims.authorities()));
        Set<String> keys = values.stream().filter(v -> AUTHORITY.matcher(v).matches()).collect(Collectors.toSet());
        if (keys.size() < values.size()) {
            log.warn("Claim {} von {}: ausgelassen, weil kein Behördenschlüssel: {}", claims.authorities(), username,
                    values.stream().filter(v -> !keys.contains(v)).toList());
        }
        return keys;
    }

    /** A claim holds a list, or a single value. */
    private static List<String> strings(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().filter(v -> v != null).map(Object::toString).toList();
        }
        return claim == null ? List.of() : List.of(claim.toString());
    }

    private static String displayName(OidcUser user, String username) {
        if (user.getFullName() != null && !user.getFullName().isBlank()) {
            return user.getFullName();
        }
        String joined = Stream.of(user.getGivenName(), user.getFamilyName()).filter(n -> n != null && !n.isBlank())
                .collect(Collectors.joining(" "));
        return joined.isEmpty() ? username : joined;
    }

    /** Stored only as a hash and never told to anyone: no password login for this user. */
    private String unguessablePassword() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Back to the login page, which names the reason; the provider's and our details go to the log. */
    static AuthenticationFailureHandler refusalHandler(String loginPage) {
        return (request, response, refusal) -> {
            OidcRefusal reason = refusal instanceof OAuth2AuthenticationException oauth
                    && oauth.getError().getErrorCode().startsWith(ERROR_PREFIX)
                    ? OidcRefusal.fromParameter(oauth.getError().getErrorCode().substring(ERROR_PREFIX.length()))
                    : OidcRefusal.FAILED;
            log.warn("Anmeldung über OpenID Connect abgelehnt ({}): {}", reason, refusal.getMessage());
            response.sendRedirect(request.getContextPath() + loginPage + "?refused=" + reason.parameter());
        };
    }

    private static OAuth2AuthenticationException refused(OidcRefusal refusal, String detail) {
        return new OAuth2AuthenticationException(new OAuth2Error(ERROR_PREFIX + refusal.parameter(), detail, null),
                detail);
    }
}
