package de.grantflow.procedure;

import static de.grantflow.procedure.GrantApplicationProcess.*;

import de.grantflow.application.ApplicationSubmitted;
import de.grantflow.application.CaseProgress;
import de.grantflow.web.RequestLoad;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accepts a submission cheaply and lets the engine catch up: the submitting transaction stores one row, and workers
 * start the procedures in batches, each batch in one transaction that also deletes its rows. Starting a procedure runs
 * it up to its first user task (receipt letter, eligibility rules), so a batch costs one commit instead of one job,
 * one acquisition and one commit per submission. A submission that got its answer gets exactly one procedure, after a
 * crash too; the workers of one node and of several nodes share the rows (SKIP LOCKED).
 * <p>
 * While the node is busy answering API requests (see {@link GiveWay}), each worker pauses after a full batch for
 * {@code yield-factor} times as long as the batch took: in a burst the front door keeps most of the CPU and answers
 * quickly, the procedures still start at a steady fraction, and they catch up when the burst is over.
 * <p>
 * Meters (Micrometer): {@code grantflow.intake.batches} times each batch, tagged by what the worker did next
 * ({@code then}: {@code gave-way}, {@code went-on} or {@code waited} for more work); {@code grantflow.intake.pauses}
 * times the pauses; {@code grantflow.intake.requests.at.work} records the requests at work each time a worker decides.
 */
@Component
class ProcessIntake implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProcessIntake.class);
    private static final Duration RETRY_AFTER = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final RuntimeService runtime;
    private final CaseProgress progress;
    private final Clock clock;
    private final int batchSize;
    private final int workerCount;
    private final Duration idlePoll;
    private final RequestLoad load;
    private final GiveWay giveWay;
    private final Timer batchesGivingWay;
    private final Timer batchesGoingOn;
    private final Timer batchesWaiting;
    private final Timer pauses;
    private final DistributionSummary requestsAtWork;
    private volatile List<Thread> workers = List.of();

    ProcessIntake(JdbcClient jdbc, PlatformTransactionManager transactionManager, RuntimeService runtime,
            CaseProgress progress, Clock clock, @Value("${grantflow.intake.batch-size:20}") int batchSize,
            @Value("${grantflow.intake.workers:2}") int workerCount,
            @Value("${grantflow.intake.idle-poll:PT1S}") Duration idlePoll, RequestLoad load,
            @Value("${grantflow.intake.yield-above:8}") int yieldAbove,
            @Value("${grantflow.intake.yield-above-rate:50}") double yieldAboveRate,
            @Value("${grantflow.intake.yield-factor:3}") int yieldFactor, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.runtime = runtime;
        this.progress = progress;
        this.clock = clock;
        this.batchSize = batchSize;
        this.workerCount = workerCount;
        this.idlePoll = idlePoll;
        this.load = load;
        this.giveWay = new GiveWay(yieldAbove, yieldAboveRate, yieldFactor);
        this.batchesGivingWay = batches(meters, "gave-way");
        this.batchesGoingOn = batches(meters, "went-on");
        this.batchesWaiting = batches(meters, "waited");
        this.pauses = Timer.builder("grantflow.intake.pauses")
                .description("Pauses of the intake workers while the node answers API requests").register(meters);
        this.requestsAtWork = DistributionSummary.builder("grantflow.intake.requests.at.work")
                .description("API requests at work when an intake worker decides whether to give way")
                .register(meters);
    }

    private static Timer batches(MeterRegistry meters, String then) {
        return Timer.builder("grantflow.intake.batches").tag("then", then)
                .description("Batches of procedure starts, by what the worker did after the batch").register(meters);
    }

    /** Stores the submission for the worker in the caller's transaction and wakes the worker once it commits. */
    void enqueue(ApplicationSubmitted submitted) {
        jdbc.sql("""
                INSERT INTO process_intake (application_id, authority_key, municipality_ags, enqueued_at)
                VALUES (:id, :authority, :ags, :at)""")
                .param("id", submitted.applicationId()).param("authority", submitted.authorityKey())
                .param("ags", submitted.municipalityAgs()).param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .update();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake();
                }
            });
        }
    }

    /**
     * Starts the procedure of a submission that is still waiting, in the caller's transaction (which holds the case's
     * lock, so the worker cannot take it meanwhile); empty when it is not waiting.
     */
    Optional<String> startNow(UUID applicationId) {
        return jdbc.sql("""
                        SELECT application_id, authority_key, municipality_ags FROM process_intake
                        WHERE application_id = :id FOR UPDATE""")
                .param("id", applicationId).query(Waiting.class).optional()
                .map(waiting -> {
                    String instance = start(waiting);
                    delete(List.of(applicationId));
                    return instance;
                });
    }

    /** Starts the procedures of up to one batch of waiting submissions; answers how many it claimed. */
    int drainBatch() {
        List<UUID> claimed = List.of();
        try {
            return transactions.execute(status -> {
                List<Waiting> batch = claim(batchSize);
                batch.forEach(this::start);
                delete(batch.stream().map(Waiting::applicationId).toList());
                return batch.size();
            });
        } catch (RuntimeException batchFailure) {
            log.warn("Verfahrensstart im Stapel fehlgeschlagen, einzeln wiederholt: {}", batchFailure.toString());
            claimed = transactions.execute(status -> claim(batchSize).stream().map(Waiting::applicationId).toList());
        }
        claimed.forEach(this::startAlone);
        return claimed.size();
    }

    /** How many submissions wait for their procedure. */
    long waiting() {
        return jdbc.sql("SELECT count(*) FROM process_intake").query(Long.class).single();
    }

    private void startAlone(UUID applicationId) {
        try {
            transactions.executeWithoutResult(status -> {
                // the case first, as a withdrawal takes it, then the intake row
                jdbc.sql("SELECT id FROM application WHERE id = :id FOR UPDATE").param("id", applicationId)
                        .query(UUID.class).optional();
                startNow(applicationId);
            });
        } catch (RuntimeException e) {
            log.error("Verfahren für Antrag {} nicht gestartet, neuer Versuch in {}", applicationId, RETRY_AFTER, e);
            transactions.executeWithoutResult(status -> jdbc.sql("""
                            UPDATE process_intake SET attempts = attempts + 1, last_error = :error, retry_at = :retry
                            WHERE application_id = :id""")
                    .param("error", e.toString()).param("retry", clock.instant().plus(RETRY_AFTER)
                            .atOffset(ZoneOffset.UTC))
                    .param("id", applicationId).update());
        }
    }

    /** The oldest due rows with their cases, skipping any a withdrawal or another node holds. */
    private List<Waiting> claim(int limit) {
        return jdbc.sql("""
                        SELECT i.application_id, i.authority_key, i.municipality_ags
                        FROM process_intake i JOIN application a ON a.id = i.application_id
                        WHERE i.retry_at IS NULL OR i.retry_at <= :now
                        ORDER BY i.enqueued_at LIMIT :limit
                        FOR UPDATE OF i, a SKIP LOCKED""")
                .param("now", clock.instant().atOffset(ZoneOffset.UTC)).param("limit", limit)
                .query(Waiting.class).list();
    }

    private String start(Waiting waiting) {
        String instance = runtime.startProcessInstanceByKey(KEY, waiting.applicationId().toString(),
                Map.of(VAR_APPLICATION_ID, waiting.applicationId().toString(),
                        VAR_AUTHORITY, waiting.authorityKey(),
                        VAR_AGS, waiting.municipalityAgs())).getId();
        progress.processStarted(waiting.applicationId(), instance);
        return instance;
    }

    private void delete(List<UUID> applicationIds) {
        if (!applicationIds.isEmpty()) {
            jdbc.sql("DELETE FROM process_intake WHERE application_id IN (:ids)").param("ids", applicationIds)
                    .update();
        }
    }

    private void wake() {
        workers.forEach(LockSupport::unpark);
    }

    private void work() {
        while (workers.contains(Thread.currentThread())) {
            long began = System.nanoTime();
            long arrivedBefore = load.arrived();
            int started;
            try {
                started = drainBatch();
            } catch (RuntimeException e) {
                log.error("Verfahrensstart fehlgeschlagen", e);
                started = 0;
            }
            long took = System.nanoTime() - began;
            int atWork = load.working();
            requestsAtWork.record(atWork);
            long pause = giveWay.pauseNanos(atWork, load.arrived() - arrivedBefore, took);
            if (started < batchSize) {
                batchesWaiting.record(took, TimeUnit.NANOSECONDS);
                LockSupport.parkNanos(idlePoll.toNanos());
            } else if (pause > 0) {
                batchesGivingWay.record(took, TimeUnit.NANOSECONDS);
                pause(pause);
            } else {
                batchesGoingOn.record(took, TimeUnit.NANOSECONDS);
            }
        }
    }

    /** Pauses for the whole time: each new submission wakes the workers, which would otherwise cut the pause short. */
    private void pause(long nanos) {
        long began = System.nanoTime();
        long until = began + nanos;
        for (long left = nanos; left > 0 && workers.contains(Thread.currentThread());
                left = until - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
        pauses.record(System.nanoTime() - began, TimeUnit.NANOSECONDS);
    }

    @Override
    public synchronized void start() {
        List<Thread> started = IntStream.range(0, workerCount).mapToObj(i -> {
            Thread thread = new Thread(this::work, "process-intake-" + i);
            thread.setDaemon(true);
            return thread;
        }).toList();
        workers = started;
        started.forEach(Thread::start);
    }

    @Override
    public synchronized void stop() {
        List<Thread> stopping = workers;
        workers = List.of();
        for (Thread thread : stopping) {
            LockSupport.unpark(thread);
            try {
                thread.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return !workers.isEmpty();
    }

    /** After the engine's job executor, before it stops. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    record Waiting(UUID applicationId, String authorityKey, String municipalityAgs) {
    }
}
