package de.grantflow.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The CPU time the whole machine has spent busy (this JVM with its clients, PostgreSQL, anything else), from
 * /proc/stat. The CPU a piece of work costs says more than its rate on a machine whose speed varies from hour to hour,
 * and it tells what a rate can reach at most: two cores give 2,000 ms of CPU a second.
 */
final class MachineCpu {

    /** Linux counts /proc/stat in USER_HZ, 100 per second on every architecture it runs on. */
    private static final double TICKS_PER_SECOND = 100;

    private MachineCpu() {
    }

    /** Busy CPU seconds so far: user, nice, system, irq, softirq and steal; idle and I/O wait are not busy. */
    static double busySeconds() {
        try {
            String line = Files.readAllLines(Path.of("/proc/stat")).get(0);
            long[] ticks = Arrays.stream(line.trim().split("\\s+")).skip(1).mapToLong(Long::parseLong).toArray();
            return (ticks[0] + ticks[1] + ticks[2] + ticks[5] + ticks[6] + ticks[7]) / TICKS_PER_SECOND;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
