package de.grantflow.jobs;

import de.grantflow.forms.FieldError;
import de.grantflow.forms.FormValidationException;
import de.grantflow.security.CurrentUser;
import de.grantflow.security.CurrentUsers;
import de.grantflow.security.Role;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs long work in the background on a small bounded pool and keeps its state in the table, so any node can show a
 * job's progress and result. Only the job's owner (and administrators) see it; to everyone else it does not exist.
 */
@Service
public class BackgroundJobs {

    static final String ABANDONED = "Die Verarbeitung wurde unterbrochen (der Server wurde beendet)."
            + " Bitte starten Sie sie erneut.";
    private static final String UNEXPECTED = "Bei der Verarbeitung ist ein Fehler aufgetreten. Es wurde nichts"
            + " übernommen; bitte versuchen Sie es erneut.";
    private static final String INVALID = "Die Eingaben sind ungültig; es wurde nichts übernommen.";
    private static final Logger log = LoggerFactory.getLogger(BackgroundJobs.class);

    private final JobStore store;
    private final CurrentUsers users;
    private final TransactionTemplate ownTransaction;
    private final Duration staleAfter;
    private final Duration progressInterval;
    private final ThreadPoolExecutor executor;
    private final Set<UUID> running = ConcurrentHashMap.newKeySet();

    BackgroundJobs(JobStore store, CurrentUsers users, PlatformTransactionManager transactionManager,
            @Value("${grantflow.jobs.threads:2}") int threads, @Value("${grantflow.jobs.queue:16}") int queue,
            @Value("${grantflow.jobs.stale-after:PT1M}") Duration staleAfter,
            @Value("${grantflow.jobs.progress-interval:PT0.2S}") Duration progressInterval) {
        this.store = store;
        this.users = users;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.staleAfter = staleAfter;
        this.progressInterval = progressInterval;
        AtomicInteger number = new AtomicInteger();
        // not a Spring bean: an Executor bean would replace Boot's applicationTaskExecutor for everyone else
        this.executor = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.MINUTES, new ArrayBlockingQueue<>(queue),
                work -> {
                    Thread thread = new Thread(work, "grantflow-job-" + number.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /**
     * Starts work for the signed-in user. The job's row is committed before the work starts, so the job page can be
     * shown at once; the work runs with the caller's security context, so it checks access as the request would.
     */
    public Job start(String kind, String programme, String message, JobWork work) {
        CurrentUser owner = users.current();
        UUID id = UUID.randomUUID();
        ownTransaction.executeWithoutResult(status -> store.insert(id, kind, owner.username(), programme, message));
        running.add(id);
        try {
            executor.execute(new DelegatingSecurityContextRunnable(() -> run(id, work),
                    SecurityContextHolder.getContext()));
        } catch (RejectedExecutionException full) {
            running.remove(id);
            ownTransaction.executeWithoutResult(status -> store.delete(id));
            throw new JobsBusyException();
        }
        return find(id);
    }

    /** The job if it is the caller's (or the caller administers); a job whose node died shows as failed. */
    public Job find(UUID id) {
        Job job = store.find(id).filter(this::visible).orElseThrow(JobNotFoundException::new);
        if (job.status() == JobStatus.RUNNING && !running.contains(id)) {
            store.failAbandoned(id, staleAfter, ABANDONED);
            return store.find(id).orElseThrow(JobNotFoundException::new);
        }
        return job;
    }

    /** The file of a finished job, for its owner (and administrators) only. */
    public JobResult result(UUID id) {
        find(id);
        return store.result(id).orElseThrow(JobResultNotReadyException::new);
    }

    /** Renews the heartbeat of the jobs this node runs, so the others do not take them for abandoned. */
    @Scheduled(fixedDelayString = "${grantflow.jobs.heartbeat-millis:10000}")
    public void heartbeat() {
        store.heartbeat(Set.copyOf(running));
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    private boolean visible(Job job) {
        CurrentUser user = users.current();
        return user.has(Role.ADMIN) || user.username().equals(job.owner());
    }

    private void run(UUID id, JobWork work) {
        try {
            JobOutcome outcome = work.run(new ThrottledProgress(id));
            ownTransaction.executeWithoutResult(status -> store.done(id, outcome));
        } catch (FormValidationException invalid) {
            fail(id, INVALID, invalid.errors());
        } catch (Exception e) {
            log.error("Background job {} failed", id, e);
            fail(id, UNEXPECTED, List.of());
        } finally {
            running.remove(id);
        }
    }

    private void fail(UUID id, String message, List<FieldError> errors) {
        ownTransaction.executeWithoutResult(status -> store.failed(id, message, errors));
    }

    /** Writes progress at most every progressInterval (and always the last step), each in its own transaction. */
    private final class ThrottledProgress implements JobProgress {

        private final UUID id;
        private long lastWritten;

        ThrottledProgress(UUID id) {
            this.id = id;
        }

        @Override
        public void report(int done, int total, String message) {
            long now = System.nanoTime();
            if (done < total && message == null && now - lastWritten < progressInterval.toNanos()) {
                return;
            }
            lastWritten = now;
            ownTransaction.executeWithoutResult(status -> store.progress(id, done, total, message));
        }
    }
}
