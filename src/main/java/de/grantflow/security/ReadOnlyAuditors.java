package de.grantflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Auditors read everything of their authorities and change nothing. Rather than trusting every service to remember
 * it, the front door refuses any request of theirs that is not a read, on the pages and the API alike; the one
 * exception is checking the audit trail, which only seals what is due and reads the chain.
 */
final class ReadOnlyAuditors extends OncePerRequestFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final String AUDITOR = "ROLE_" + Role.AUDITOR.name();
    /** Roles that read only; anyone with another role besides is not held to reading. */
    private static final Set<String> READING = Set.of(AUDITOR, "ROLE_" + Role.EVALUATOR.name());
    private static final String VERIFY_AUDIT_TRAIL = "/api/audit/verify";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!READS.contains(request.getMethod()) && !VERIFY_AUDIT_TRAIL.equals(request.getRequestURI())
                && readsOnly(SecurityContextHolder.getContext().getAuthentication())) {
            throw new Refusal();
        }
        chain.doFilter(request, response);
    }

    /** The refusal, with a message that says why, where a plain refusal only says "no". */
    static final class Refusal extends AccessDeniedException {
        Refusal() {
            super("Die Revision liest nur: Änderungen sind ihr nicht erlaubt");
        }
    }

    static boolean readsOnly(Authentication authentication) {
        if (authentication == null) {
            return false;
        }
        Set<String> roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).collect(java.util.stream.Collectors.toSet());
        return roles.contains(AUDITOR) && READING.containsAll(roles);
    }
}
