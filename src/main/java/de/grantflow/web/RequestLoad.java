package de.grantflow.web;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.stereotype.Component;

/**
 * How many API requests this node is working on right now and how many have come in since it started, for background
 * work that should give way to them.
 */
@Component
public class RequestLoad {

    private final AtomicInteger working = new AtomicInteger();
    private final LongAdder arrived = new LongAdder();

    public int working() {
        return working.get();
    }

    /** The requests admitted since the node started; the difference of two readings is those that came in between. */
    public long arrived() {
        return arrived.sum();
    }

    void started() {
        working.incrementAndGet();
        arrived.increment();
    }

    void finished() {
        working.decrementAndGet();
    }
}
