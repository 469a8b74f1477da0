package de.grantflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

class CachingAuthenticationProviderTest {

    private final PasswordEncoder passwords = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final String hash = passwords.encode("demo");
    private final AtomicInteger lookups = new AtomicInteger();
    private final MovableClock clock = new MovableClock();
    private final CachingAuthenticationProvider provider = new CachingAuthenticationProvider(dao(), clock);

    private DaoAuthenticationProvider dao() {
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(username -> {
            lookups.incrementAndGet();
            return new GrantflowUserDetails(new CurrentUser(username, "Peter Prüfer", null, null,
                    Set.of(Role.REVIEWER), null, Set.of("br-arnsberg")), hash, true);
        });
        dao.setPasswordEncoder(passwords);
        return dao;
    }

    private static Authentication login(String username, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(username, password);
    }

    @Test
    void checksTheSameCredentialsOnlyOnceWithinTwoMinutes() {
        Authentication first = provider.authenticate(login("pruefer", "demo"));
        clock.advance(Duration.ofSeconds(119));
        Authentication second = provider.authenticate(login("pruefer", "demo"));

        assertThat(first.isAuthenticated()).isTrue();
        assertThat(second.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_REVIEWER");
        assertThat(lookups).hasValue(1);
    }

    @Test
    void parallelRequestsWithTheSameCredentialsWaitForOneCheck() throws Exception {
        for (Future<Authentication> result : inParallel(64, "demo")) {
            assertThat(result.get().isAuthenticated()).isTrue();
        }
        assertThat(lookups).hasValue(1);
    }

    @Test
    void parallelRequestsWithAWrongPasswordAreAllRefused() {
        for (Future<Authentication> result : inParallel(16, "falsch")) {
            assertThatExceptionOfType(ExecutionException.class).isThrownBy(result::get)
                    .withCauseInstanceOf(BadCredentialsException.class);
        }
        assertThat(provider.authenticate(login("pruefer", "demo")).isAuthenticated()).isTrue();
    }

    /** The same login sent {@code count} times from 8 threads; every attempt has ended when this returns. */
    private List<Future<Authentication>> inParallel(int count, String password) {
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            return IntStream.range(0, count)
                    .mapToObj(i -> clients.submit(() -> provider.authenticate(login("pruefer", password)))).toList();
        } finally {
            clients.shutdown();
            try {
                clients.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void checksAgainWhenTheEntryHasExpired() {
        provider.authenticate(login("pruefer", "demo"));
        clock.advance(Duration.ofMinutes(2));
        provider.authenticate(login("pruefer", "demo"));

        assertThat(lookups).hasValue(2);
    }

    @Test
    void aWrongPasswordIsRejectedEvenRightAfterASuccess() {
        provider.authenticate(login("pruefer", "demo"));

        assertThatExceptionOfType(BadCredentialsException.class)
                .isThrownBy(() -> provider.authenticate(login("pruefer", "falsch")));
        assertThatExceptionOfType(BadCredentialsException.class)
                .isThrownBy(() -> provider.authenticate(login("pruefer", "falsch")));
        assertThat(lookups).hasValue(3);
    }

    @Test
    void doesNotMixUpUsersWhoseNameAndPasswordRunTogether() {
        provider.authenticate(login("pruefer", "demo"));

        assertThatExceptionOfType(BadCredentialsException.class)
                .isThrownBy(() -> provider.authenticate(login("prueferd", "emo")));
    }

    private static final class MovableClock extends Clock {

        private Instant now = Instant.parse("2026-03-02T08:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
