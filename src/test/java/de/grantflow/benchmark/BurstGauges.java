package de.grantflow.benchmark;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the node and its database did in each minute of a burst, so that a minute whose latencies stand out can be held
 * against its causes: letters stored (in the burst the receipts: how far the procedures kept up), PostgreSQL's
 * checkpoints, megabytes of write-ahead log and full-page images (the whole 8 KB page logged the first time a page
 * changes after a checkpoint), and the JVM's time in garbage collection and in its JIT compiler (the elapsed time of
 * its compiler threads). Sampled once a second; each difference counts in the minute it was taken.
 */
final class BurstGauges {

    private static final String[] NAMES = {"LettersStored", "Checkpoints", "WalMb", "FullPageImages", "GcMs", "JitMs"};

    private final JdbcClient jdbc;
    private final long start;
    private final long[][] perMinute;
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    private long[] last;

    BurstGauges(JdbcClient jdbc, long start, int minutes) {
        this.jdbc = jdbc;
        this.start = start;
        perMinute = new long[NAMES.length][minutes];
        last = sample();
        sampler.scheduleAtFixedRate(this::record, 1, 1, TimeUnit.SECONDS);
    }

    void stop() {
        sampler.shutdownNow();
        try {
            sampler.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        record();
    }

    /** The figures by name (prefixed, "PerMinute" appended), one value per minute. */
    Map<String, List<Long>> perMinute(String prefix) {
        Map<String, List<Long>> figures = new LinkedHashMap<>();
        for (int gauge = 0; gauge < NAMES.length; gauge++) {
            long divisor = NAMES[gauge].equals("WalMb") ? 1_000_000 : 1;
            figures.put(prefix + NAMES[gauge] + "PerMinute",
                    Arrays.stream(perMinute[gauge]).map(value -> value / divisor).boxed().toList());
        }
        return figures;
    }

    private synchronized void record() {
        long[] now = sample();
        int minute = (int) Math.min(perMinute[0].length - 1, (System.nanoTime() - start) / 60_000_000_000L);
        for (int gauge = 0; gauge < NAMES.length; gauge++) {
            perMinute[gauge][minute] += now[gauge] - last[gauge];
        }
        last = now;
    }

    private long[] sample() {
        long[] database = jdbc.sql("""
                SELECT t.n_tup_ins, c.num_timed + c.num_requested, w.wal_bytes::bigint, w.wal_fpi
                FROM pg_stat_user_tables t, pg_stat_checkpointer c, pg_stat_wal w
                WHERE t.relname = 'letter'""")
                .query((rs, row) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)})
                .single();
        long gc = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
        long jit = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
        return new long[] {database[0], database[1], database[2], database[3], gc, jit};
    }
}
