package de.grantflow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The clock of the tests: one "now" for our code and for the engine (timers, due dates), set and moved by a test.
 * Tests start on a fixed day inside the demo calls' windows, so they do not depend on the day they run.
 */
@Component
@Primary
@Profile("test")
public class TestClock extends Clock {

    public static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    public static final LocalDateTime DEFAULT_START = LocalDateTime.of(2026, 3, 2, 9, 0);

    private volatile Instant now = DEFAULT_START.atZone(BERLIN).toInstant();

    public void set(LocalDateTime local) {
        set(local.atZone(BERLIN).toInstant());
    }

    public void set(Instant instant) {
        now = instant;
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    public void advance(Duration duration) {
        set(now.plus(duration));
    }

    public void reset() {
        set(DEFAULT_START);
    }

    @Override
    public ZoneId getZone() {
        return BERLIN;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
