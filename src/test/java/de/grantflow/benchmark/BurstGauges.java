package de.grantflow.benchmark;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the node and its database did in each minute of a burst, so that a minute whose latencies stand out can be held
 * against its causes: letters stored (in the burst the receipts: how far the procedures kept up), PostgreSQL's
 * checkpoints, megabytes of write-ahead log and full-page images (the whole 8 KB page logged the first time a page
 * changes after a checkpoint), and the JVM's time in garbage collection and in its JIT compiler (the elapsed time of
 * its compiler threads); and the intake workers' batches by what they did next (gave way to the front door, went on at
 * once, waited for more work), their time in batches and in pauses, and the mean of the API requests at work when they
 * decided. Sampled once a second; each difference counts in the minute it was taken.
 */
final class BurstGauges {

    private static final String[] NAMES = {"LettersStored", "Checkpoints", "WalMb", "FullPageImages", "GcMs", "JitMs",
            "ServerRequests", "ServerRequestMs", "IntakeGaveWay", "IntakeWentOn", "IntakeWaited", "IntakeBatchMs",
            "IntakePauseMs", "RequestsAtWork"};
    private static final int REQUESTS_AT_WORK = NAMES.length - 1;
    private static final int DECISIONS_FROM = 8;

    private final JdbcClient jdbc;
    private final MeterRegistry meters;
    private final long start;
    private final long[][] perMinute;
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    private long[] last;

    BurstGauges(JdbcClient jdbc, MeterRegistry meters, long start, int minutes) {
        this.jdbc = jdbc;
        this.meters = meters;
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

    /**
     * The figures by name (prefixed, "PerMinute" appended), one value per minute; the requests at work as the mean over
     * the minute's decisions.
     */
    Map<String, List<Long>> perMinute(String prefix) {
        Map<String, List<Long>> figures = new LinkedHashMap<>();
        for (int gauge = 0; gauge < REQUESTS_AT_WORK; gauge++) {
            long divisor = NAMES[gauge].equals("WalMb") ? 1_000_000 : 1;
            figures.put(prefix + NAMES[gauge] + "PerMinute",
                    Arrays.stream(perMinute[gauge]).map(value -> value / divisor).boxed().toList());
        }
        figures.put(prefix + "IntakeRequestsAtWorkMeanPerMinute", IntStream.range(0, perMinute[0].length)
                .mapToObj(minute -> {
                    long decisions = perMinute[DECISIONS_FROM][minute] + perMinute[DECISIONS_FROM + 1][minute]
                            + perMinute[DECISIONS_FROM + 2][minute];
                    return decisions == 0 ? 0 : perMinute[REQUESTS_AT_WORK][minute] / decisions;
                }).toList());
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
        Timer gaveWay = batches("gave-way");
        Timer wentOn = batches("went-on");
        Timer waited = batches("waited");
        long batchMs = (long) Stream.of(gaveWay, wentOn, waited).mapToDouble(t -> t.totalTime(TimeUnit.MILLISECONDS))
                .sum();
        long pauseMs = (long) meters.get("grantflow.intake.pauses").timer().totalTime(TimeUnit.MILLISECONDS);
        DistributionSummary atWork = meters.get("grantflow.intake.requests.at.work").summary();
        Collection<Timer> requests = meters.find("http.server.requests").timers();
        long served = requests.stream().mapToLong(Timer::count).sum();
        long servedMs = (long) requests.stream().mapToDouble(t -> t.totalTime(TimeUnit.MILLISECONDS)).sum();
        return new long[] {database[0], database[1], database[2], database[3], gc, jit, served, servedMs,
                gaveWay.count(),
                wentOn.count(), waited.count(), batchMs, pauseMs, (long) atWork.totalAmount()};
    }

    private Timer batches(String then) {
        return meters.get("grantflow.intake.batches").tag("then", then).timer();
    }
}
