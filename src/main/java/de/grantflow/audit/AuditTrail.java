package de.grantflow.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.grantflow.application.CaseChanged;
import de.grantflow.security.Audited;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes the audit trail. Changes of a case are recorded in the transaction that makes them, so that neither exists
 * without the other. The time is the real time of the server, not the business clock of the procedure.
 */
@Component
class AuditTrail {

    static final String SYSTEM = "system";

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();

    AuditTrail(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventListener
    void on(CaseChanged changed) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("status", changed.event().status().name());
        if (changed.event().note() != null) {
            details.put("note", changed.event().note());
        }
        if (changed.event().details() != null && !changed.event().details().isEmpty()) {
            details.put("details", changed.event().details());
        }
        record(changed.event().actor(), "CASE_" + changed.type().name(), "application:" + changed.applicationId(),
                details);
    }

    @EventListener
    void on(Audited audited) {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        // without a caller, the engine's job executor or the intake worker acted
        record(caller == null ? SYSTEM : caller.getName(), audited.action(), audited.subject(), audited.details());
    }

    @EventListener
    void on(InteractiveAuthenticationSuccessEvent login) {
        record(login.getAuthentication().getName(), "LOGIN", "user:" + login.getAuthentication().getName(), Map.of());
    }

    @EventListener
    void on(AbstractAuthenticationFailureEvent failure) {
        String username = failure.getAuthentication().getName();
        record(username, failure.getException() instanceof LockedException ? "LOGIN_LOCKED" : "LOGIN_FAILED",
                "user:" + username, Map.of("reason", failure.getException().getClass().getSimpleName()));
    }

    private void record(String actor, String action, String subject, Map<String, Object> details) {
        jdbc.sql("""
                INSERT INTO audit_event (occurred_at, actor, action, subject, details, remote_address)
                VALUES (:at, :actor, :action, :subject, CAST(:details AS jsonb), :remote)""")
                .param("at", Timestamp.from(clock.instant()))
                .param("actor", actor)
                .param("action", action)
                .param("subject", subject)
                .param("details", write(details))
                .param("remote", remoteAddress())
                .update();
    }

    private String write(Map<String, Object> details) {
        try {
            return json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Nicht als JSON darstellbar: " + details, e);
        }
    }

    /** The caller's address as the server sees it (behind a proxy: with server.forward-headers-strategy set). */
    private static String remoteAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
