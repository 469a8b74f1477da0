package de.grantflow.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * One front door. The API speaks HTTP Basic and JSON errors; the engine's REST API (which has no authentication of its
 * own) is open to administrators and integration accounts; the Camunda webapps to staff only, never to applicants.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    private static final String LOGIN = "/login";

    /**
     * Pages load scripts only from our own origin (htmx, Chart.js and our scripts are files, nothing inline), so an
     * injected script cannot run. Styles may be set inline: Swagger UI and htmx's indicators do.
     */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private static final String[] STAFF = {"REVIEWER", "APPROVER", "PROGRAMME_MANAGER", "ADMIN"};

    /** Every role of a person: an integration account (a machine reading the engine REST API) has no page and no API. */
    private static final String[] PEOPLE = {"APPLICANT", "REVIEWER", "APPROVER", "PROGRAMME_MANAGER", "EVALUATOR",
        "AUDITOR", "ADMIN"};

    /**
     * No observation of the security chain: with it, Spring Security wraps each of its filters in an observing
     * decorator on every request, even while the observations themselves are switched off (application.yaml); that
     * wrapping took about 3 % of the CPU of a submission's request.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** The login cache runs on the system clock: the business clock may be set to any day (tests move it). */
    @Bean
    LoginThrottle loginThrottle(GrantflowUserDetailsService users, PasswordEncoder passwords, JdbcClient jdbc,
            @Value("${grantflow.login.max-failures:5}") int maxFailures,
            @Value("${grantflow.login.failure-window:PT15M}") Duration window,
            @Value("${grantflow.login.lock:PT15M}") Duration lock) {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
        dao.setPasswordEncoder(passwords);
        return new LoginThrottle(dao, jdbc, Clock.systemUTC(), maxFailures, window, lock);
    }

    @Bean
    AuthenticationManager authenticationManager(LoginThrottle throttle, AuthenticationEventPublisher events,
            ObjectProvider<OidcAuthorizationCodeAuthenticationProvider> oidc) {
        List<AuthenticationProvider> providers = new ArrayList<>();
        providers.add(new CachingAuthenticationProvider(throttle, Clock.systemUTC()));
        // present only when a provider is configured; the chains take no other authentication manager
        oidc.ifAvailable(providers::add);
        ProviderManager manager = new ProviderManager(providers);
        // failed logins reach the audit trail
        manager.setAuthenticationEventPublisher(events);
        return manager;
    }

    /**
     * Administrators and integration accounts, with HTTP Basic; what each may see and do there is the engine's
     * authorization and tenant checks, for which {@link #engineRestUser()} names the caller to the engine. Deploying
     * (new models, forms, decisions: code that runs in the engine) stays with administrators here as well.
     */
    @Bean
    @Order(1)
    SecurityFilterChain engineRest(HttpSecurity http, ObjectMapper json, AuthenticationManager authentication)
            throws Exception {
        return basicAuthJson(http.securityMatcher(path("/engine-rest/**")).authenticationManager(authentication)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(path("/engine-rest/deployment/**"), path("/engine-rest/engine/*/deployment/**"))
                        .hasRole("ADMIN")
                        .anyRequest().hasAnyRole("ADMIN", "INTEGRATION")), json);
    }

    /**
     * The engine REST API runs its calls as the user Spring Security signed in (the container-based provider reads the
     * request's principal), with the groups and tenants of the user's engine account; without this filter the engine
     * would run them as nobody, unchecked. After Spring Security, whose request wrapper carries the user.
     */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestUser() {
        var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("engineRestUser");
        registration.addUrlPatterns("/engine-rest/*");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                ContainerBasedAuthenticationProvider.class.getName());
        registration.addInitParameter(ProcessEngineAuthenticationFilter.SERVLET_PATH_PREFIX, "/engine-rest");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json, AuthenticationManager authentication)
            throws Exception {
        return basicAuthJson(http.securityMatcher(path("/api/**")).authenticationManager(authentication)
                .authorizeHttpRequests(auth -> auth.anyRequest().hasAnyRole(PEOPLE))
                .addFilterAfter(new ReadOnlyAuditors(), AuthorizationFilter.class), json);
    }

    /** Stateless HTTP Basic with JSON errors; no cookie, hence no cross-site request to forge and no CSRF token. */
    private static SecurityFilterChain basicAuthJson(HttpSecurity http, ObjectMapper json) throws Exception {
        return http
                .httpBasic(basic -> basic.authenticationEntryPoint((req, res, e) -> unauthorized(req, res, json, e)))
                .exceptionHandling(ex -> ex.authenticationEntryPoint((req, res, e) -> unauthorized(req, res, json, e))
                        .accessDeniedHandler((req, res, e) -> error(req, res, json, 403,
                                e instanceof ReadOnlyAuditors.Refusal ? e.getMessage() : "Keine Berechtigung")))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /**
     * Tasklist, Cockpit and Admin share the login of the pages (one session, one login page); the container-based
     * filter below hands the signed-in user to the webapps, so they never show their own login.
     */
    @Bean
    @Order(3)
    SecurityFilterChain camundaWebapps(HttpSecurity http, AuthenticationManager authentication) throws Exception {
        return http.securityMatcher(path("/camunda/**")).authenticationManager(authentication)
                .authorizeHttpRequests(auth -> auth
                        // the Admin webapp lets anyone create the first administrator while none exists
                        .requestMatchers(path("/camunda/api/admin/setup/**")).denyAll()
                        .anyRequest().hasAnyRole(STAFF))
                .httpBasic(Customizer.withDefaults())
                .exceptionHandling(ex -> ex.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(LOGIN)))
                // the webapps protect their own requests with their CSRF filter
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaSingleSignOn() {
        var registration = new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setName("camundaSingleSignOn");
        registration.addUrlPatterns("/camunda/*");
        registration.addInitParameter("authentication-provider", ContainerBasedAuthenticationProvider.class.getName());
        // after Spring Security, whose request wrapper carries the signed-in user
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** Pages: form login with a session, CSRF tokens on every form; sign-in with OpenID Connect if configured. */
    @Bean
    @Order(4)
    SecurityFilterChain site(HttpSecurity http, AuthenticationManager authentication,
            ObjectProvider<ClientRegistrationRepository> oidcClients) throws Exception {
        ClientRegistrationRepository clients = oidcClients.getIfAvailable();
        if (clients != null) {
            http.oauth2Login(oidc -> oidc.clientRegistrationRepository(clients).loginPage(LOGIN)
                    .defaultSuccessUrl("/", false).failureHandler(OidcAccounts.refusalHandler(LOGIN)));
        }
        return http.authenticationManager(authentication)
                .addFilterAfter(new ReadOnlyAuditors(), AuthorizationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/", LOGIN, "/error", "/v3/api-docs/**", "/swagger-ui/**",
                                "/swagger-ui.html", "/actuator/health", "/webjars/**", "/css/**", "/js/**",
                                "/favicon.ico")
                        .permitAll()
                        .anyRequest().hasAnyRole(PEOPLE))
                .formLogin(form -> form.loginPage(LOGIN).defaultSuccessUrl("/", false)
                        .failureHandler(loginFailure()))
                // a page that polls with htmx after the session expired goes to the login page as a whole, instead
                // of showing the login page inside the part it polls
                .exceptionHandling(ex -> ex.defaultAuthenticationEntryPointFor((request, response, refusal) -> {
                    response.setHeader("HX-Redirect", request.getContextPath() + LOGIN);
                    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                }, new RequestHeaderRequestMatcher("HX-Request", "true")))
                .logout(logout -> logout.logoutSuccessUrl(LOGIN + "?logout"))
                .httpBasic(Customizer.withDefaults())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(permissions -> permissions.policy(
                                "camera=(), microphone=(), geolocation=(), payment=()")))
                .build();
    }

    /** A locked user name is told so, and until when; any other refusal says only that the login failed. */
    private static AuthenticationFailureHandler loginFailure() {
        var handler = new ExceptionMappingAuthenticationFailureHandler();
        handler.setDefaultFailureUrl(LOGIN + "?error");
        handler.setExceptionMappings(Map.of(LockedException.class.getName(), LOGIN + "?locked"));
        handler.setUseForward(false);
        return handler;
    }

    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    private static void unauthorized(HttpServletRequest request, HttpServletResponse response, ObjectMapper json,
            AuthenticationException refusal) throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"grantflow\"");
        error(request, response, json, 401, refusal instanceof LockedException locked ? locked.getMessage()
                : "Anmeldung erforderlich");
    }

    /** The same shape as every other error of the API. */
    private static void error(HttpServletRequest request, HttpServletResponse response, ObjectMapper json, int status,
            String message) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("timestamp", Instant.now().toString());
        body.put("status", status);
        body.put("error", status == 401 ? "Unauthorized" : "Forbidden");
        body.put("message", message);
        body.put("path", request.getRequestURI());
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body);
    }
}
