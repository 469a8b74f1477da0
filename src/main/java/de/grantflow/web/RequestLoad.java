package de.grantflow.web;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/** How many API requests this node is working on right now, for background work that should give way to them. */
@Component
public class RequestLoad {

    private final AtomicInteger working = new AtomicInteger();

    public int working() {
        return working.get();
    }

    void started() {
        working.incrementAndGet();
    }

    void finished() {
        working.decrementAndGet();
    }
}
