package de.grantflow.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.grantflow.forms.FieldError;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * An {@code Idempotency-Key} header on a POST to the API makes a retry safe: the request runs in one transaction
 * together with storing its answer, so either both are stored or neither; a repeat with the same key (per user) gets
 * the stored answer again, marked {@code Idempotent-Replayed: true}, and changes nothing. A repeat that arrives while
 * the first still runs waits for it. Error answers are not stored (nothing was changed, so a retry may run again);
 * the same key with a different request is refused with 422. Answers are kept for 24 hours.
 */
@Component
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final Duration KEPT = Duration.ofHours(24);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final ApiExceptionHandler errors;
    private final Clock clock;

    IdempotencyFilter(JdbcClient jdbc, PlatformTransactionManager transactionManager, ObjectMapper json,
            ApiExceptionHandler errors, Clock clock) {
        this.jdbc = jdbc;
        this.errors = errors;
        this.transactions = new TransactionTemplate(transactionManager);
        this.json = json;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !request.getRequestURI().startsWith("/api/")
                || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (!VALID_KEY.matcher(key).matches()) {
            refuse(request, response, HttpStatus.BAD_REQUEST, "Der Idempotency-Key muss aus 1 bis 255 sichtbaren"
                    + " ASCII-Zeichen bestehen");
            return;
        }
        if (user == null || !user.isAuthenticated()) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        String fingerprint = fingerprint(request, body);
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        Optional<Stored> earlier;
        try {
            earlier = transactions.execute(status -> {
                if (!claim(user.getName(), key, fingerprint)) {
                    return Optional.of(stored(user.getName(), key));
                }
                try {
                    chain.doFilter(new ReplayedBody(request, body), answer);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (ServletException e) {
                    throw new IllegalStateException(e);
                }
                if (answer.getStatus() >= 400) {
                    status.setRollbackOnly();
                } else {
                    keep(user.getName(), key, answer);
                }
                return Optional.empty();
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (RuntimeException refusedAtCommit) {
            // what the transaction refuses only at its commit (the budget) after the answer was already written
            errors.answer(refusedAtCommit, request).getBody().writeTo(response, json);
            return;
        }
        if (earlier.isEmpty()) {
            answer.copyBodyToResponse();
        } else if (!earlier.get().fingerprint().equals(fingerprint)) {
            refuse(request, response, HttpStatus.UNPROCESSABLE_ENTITY, "Dieser Idempotency-Key wurde bereits für"
                    + " eine andere Anfrage verwendet");
        } else {
            replay(earlier.get(), response);
        }
    }

    /** Inserts the key; when another transaction holds it, waits until that one ends. False when it exists. */
    private boolean claim(String username, String key, String fingerprint) {
        return jdbc.sql("""
                        INSERT INTO idempotent_request (username, idempotency_key, fingerprint, created_at, status)
                        VALUES (:user, :key, :fingerprint, :at, 0) ON CONFLICT DO NOTHING""")
                .param("user", username).param("key", key).param("fingerprint", fingerprint)
                .param("at", clock.instant().atOffset(ZoneOffset.UTC)).update() == 1;
    }

    private void keep(String username, String key, ContentCachingResponseWrapper answer) {
        jdbc.sql("""
                        UPDATE idempotent_request SET status = :status, content_type = :type, location = :location,
                            body = :body
                        WHERE username = :user AND idempotency_key = :key""")
                .param("status", answer.getStatus()).param("type", answer.getContentType())
                .param("location", answer.getHeader(HttpHeaders.LOCATION))
                .param("body", answer.getContentAsByteArray()).param("user", username).param("key", key).update();
    }

    private Stored stored(String username, String key) {
        return jdbc.sql("""
                        SELECT fingerprint, status, content_type, location, body FROM idempotent_request
                        WHERE username = :user AND idempotency_key = :key""")
                .param("user", username).param("key", key)
                .query((rs, n) -> new Stored(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getBytes(5)))
                .single();
    }

    private static void replay(Stored stored, HttpServletResponse response) throws IOException {
        response.setStatus(stored.status());
        response.setHeader(REPLAYED, "true");
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        if (stored.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, stored.location());
        }
        if (stored.body() != null && stored.body().length > 0) {
            response.getOutputStream().write(stored.body());
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String message)
            throws IOException {
        ApiError.of(status, message, request.getRequestURI(), List.of(new FieldError(HEADER, message)))
                .writeTo(response, json);
    }

    /** Answers older than a day are forgotten. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void forgetOldAnswers() {
        jdbc.sql("DELETE FROM idempotent_request WHERE created_at < :before")
                .param("before", clock.instant().minus(KEPT).atOffset(ZoneOffset.UTC)).update();
    }

    private static String fingerprint(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.getMethod() + " " + request.getRequestURI() + "?"
                    + Optional.ofNullable(request.getQueryString()).orElse("") + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Stored(String fingerprint, int status, String contentType, String location, byte[] body) {
    }

    /** The request with its body read once and served again to the application. */
    private static final class ReplayedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReplayedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
