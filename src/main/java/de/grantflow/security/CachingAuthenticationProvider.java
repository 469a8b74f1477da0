package de.grantflow.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * API clients send their password with every request (HTTP Basic); checking a bcrypt hash each time would cost tens of
 * milliseconds of CPU per request. A successful check is remembered for a short time under a SHA-256 of the
 * credentials, never the password itself; a changed password or a disabled user takes effect when the entry expires.
 * Requests with the same credentials that arrive while their check runs wait for that one check instead of hashing
 * too: when an entry expired under load, 128 clients of one account hashed at once (a fifth of the CPU in the
 * benchmark).
 */
class CachingAuthenticationProvider implements AuthenticationProvider {

    private static final Duration TIME_TO_LIVE = Duration.ofMinutes(2);
    private static final int MAX_ENTRIES = 10_000;

    private final AuthenticationProvider delegate;
    private final Clock clock;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    CachingAuthenticationProvider(AuthenticationProvider delegate, Clock clock) {
        this.delegate = delegate;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String key = key(authentication);
        Instant now = Instant.now(clock);
        if (cache.size() >= MAX_ENTRIES) {
            cache.clear();
        }
        Entry check = new Entry(new CompletableFuture<>(), now.plus(TIME_TO_LIVE));
        Entry entry = cache.compute(key, (k, known) -> known != null && known.expires().isAfter(now) ? known : check);
        if (entry != check) {
            return outcome(entry.result());
        }
        try {
            Authentication result = delegate.authenticate(authentication);
            check.result().complete(result);
            return result;
        } catch (RuntimeException refused) {
            cache.remove(key, check);
            check.result().completeExceptionally(refused);
            throw refused;
        }
    }

    /** The outcome of a check another request runs: its result, or its refusal. */
    private static Authentication outcome(CompletableFuture<Authentication> check) {
        try {
            return check.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException refused ? refused : e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static String key(Authentication authentication) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(authentication.getName().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(String.valueOf(authentication.getCredentials()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Entry(CompletableFuture<Authentication> result, Instant expires) {
    }
}
