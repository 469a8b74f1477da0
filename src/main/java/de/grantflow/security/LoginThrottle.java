package de.grantflow.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;

/**
 * Brute-force protection: after {@code maxFailures} wrong passwords for one user name within the window, that name is
 * refused for the lock time without its password being checked at all. Kept in the database so that every node of a
 * cluster counts the same attempts. Sits behind the login cache: a client whose correct password was checked a moment
 * ago is not interrupted, every wrong one is counted.
 */
class LoginThrottle implements AuthenticationProvider {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm")
            .withZone(ZoneId.of("Europe/Berlin"));

    private final AuthenticationProvider delegate;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final int maxFailures;
    private final Duration window;
    private final Duration lock;

    LoginThrottle(AuthenticationProvider delegate, JdbcClient jdbc, Clock clock, int maxFailures, Duration window,
            Duration lock) {
        this.delegate = delegate;
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.window = window;
        this.lock = lock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        Instant now = Instant.now(clock);
        jdbc.sql("SELECT locked_until FROM login_throttle WHERE username = ? AND locked_until > ?")
                .params(username, Timestamp.from(now)).query(Timestamp.class).optional()
                .ifPresent(until -> {
                    throw new LockedException("Zu viele fehlgeschlagene Anmeldungen. Bitte versuchen Sie es ab "
                            + TIME.format(until.toInstant()) + " Uhr erneut.");
                });
        try {
            Authentication result = delegate.authenticate(authentication);
            jdbc.sql("DELETE FROM login_throttle WHERE username = ?").param(username).update();
            return result;
        } catch (BadCredentialsException wrong) {
            failed(username, now);
            throw wrong;
        }
    }

    private void failed(String username, Instant now) {
        jdbc.sql("""
                INSERT INTO login_throttle AS t (username, failures, window_start) VALUES (:user, 1, :now)
                ON CONFLICT (username) DO UPDATE SET
                    failures = CASE WHEN t.window_start < :windowStart THEN 1 ELSE t.failures + 1 END,
                    window_start = CASE WHEN t.window_start < :windowStart THEN :now ELSE t.window_start END""")
                .param("user", username).param("now", Timestamp.from(now))
                .param("windowStart", Timestamp.from(now.minus(window)))
                .update();
        jdbc.sql("UPDATE login_throttle SET locked_until = :until, failures = 0, window_start = :now"
                + " WHERE username = :user AND failures >= :max")
                .param("until", Timestamp.from(now.plus(lock))).param("now", Timestamp.from(now))
                .param("user", username).param("max", maxFailures)
                .update();
    }

    /** Forgets attempts long past, so that guessed names do not pile up. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void forgetOldAttempts() {
        Instant dayAgo = Instant.now(clock).minus(Duration.ofDays(1));
        jdbc.sql("DELETE FROM login_throttle WHERE window_start < ? AND (locked_until IS NULL OR locked_until < ?)")
                .params(Timestamp.from(dayAgo), Timestamp.from(Instant.now(clock))).update();
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }
}
