package de.grantflow.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sheds load instead of timing out: at most a fixed number of API requests work at once (about as many as the
 * database pool has connections), the others wait their turn; one that would wait longer than the limit is answered
 * at once with 503 and Retry-After, and nothing of it happens. When the burst passes, requests get through again by
 * themselves.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class OverloadFilter extends OncePerRequestFilter {

    private final Semaphore working;
    private final Duration longestWait;
    private final ObjectMapper json;
    private final RequestLoad load;

    OverloadFilter(@Value("${grantflow.overload.concurrent-requests:24}") int concurrentRequests,
            @Value("${grantflow.overload.longest-wait:PT5S}") Duration longestWait, ObjectMapper json,
            RequestLoad load) {
        this.working = new Semaphore(concurrentRequests, true);
        this.longestWait = longestWait;
        this.json = json;
        this.load = load;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean admitted;
        try {
            admitted = working.tryAcquire(longestWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            shed(request, response);
            return;
        }
        load.started();
        try {
            chain.doFilter(request, response);
        } finally {
            load.finished();
            working.release();
        }
    }

    private void shed(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long retryAfter = Math.max(1, longestWait.toSeconds());
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter));
        ApiError.of(HttpStatus.SERVICE_UNAVAILABLE, "Das System ist gerade überlastet; die Anfrage wurde nicht"
                + " ausgeführt. Bitte in " + retryAfter + " Sekunden erneut senden.", request.getRequestURI(),
                List.of()).writeTo(response, json);
    }
}
