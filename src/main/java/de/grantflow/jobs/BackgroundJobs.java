package de.grantflow.jobs;

import de.grantflow.forms.FieldError;
import de.grantflow.forms.FormValidationException;
import de.grantflow.security.CurrentUser;
import de.grantflow.security.CurrentUsers;
import de.grantflow.security.Role;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs long work in the background on a small bounded pool and keeps its state in the table, so any node can show a
 * job's progress and result. Only the job's owner (and administrators) see it; to everyone else it does not exist.
 * Work of a registered {@link JobKind} is started again, as its owner, by another node (or this one after a restart)
 * when its node stops beating; work given only as a closure fails then.
 */
@Service
public class BackgroundJobs {

    static final String ABANDONED = "Die Verarbeitung wurde unterbrochen (der Server wurde beendet)."
            + " Bitte starten Sie sie erneut.";
    static final String RESUMED = "Nach einer Unterbrechung (der Server wurde beendet) erneut gestartet";
    private static final String UNEXPECTED = "Bei der Verarbeitung ist ein Fehler aufgetreten. Es wurde nichts"
            + " übernommen; bitte versuchen Sie es erneut.";
    private static final String REFUSED = "Die unterbrochene Verarbeitung durfte nicht erneut gestartet werden:"
            + " Ihr Zugriff hat sich inzwischen geändert.";
    private static final String INVALID = "Die Eingaben sind ungültig; es wurde nichts übernommen.";
    private static final Logger log = LoggerFactory.getLogger(BackgroundJobs.class);

    private final JobStore store;
    private final CurrentUsers users;
    private final TransactionTemplate ownTransaction;
    private final Duration staleAfter;
    private final int attempts;
    private final Duration progressInterval;
    private final ThreadPoolExecutor executor;
    private final Set<UUID> running = ConcurrentHashMap.newKeySet();
    private final Map<String, JobKind> kinds = new ConcurrentHashMap<>();

    BackgroundJobs(JobStore store, CurrentUsers users, PlatformTransactionManager transactionManager,
            @Value("${grantflow.jobs.threads:2}") int threads, @Value("${grantflow.jobs.queue:16}") int queue,
            @Value("${grantflow.jobs.stale-after:PT1M}") Duration staleAfter,
            @Value("${grantflow.jobs.attempts:3}") int attempts,
            @Value("${grantflow.jobs.progress-interval:PT0.2S}") Duration progressInterval) {
        this.store = store;
        this.users = users;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.staleAfter = staleAfter;
        this.attempts = attempts;
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

    /** Makes a kind of work startable by name, and startable again when the node that ran it dies. */
    public void register(String kind, JobKind builder) {
        if (kinds.putIfAbsent(kind, builder) != null) {
            throw new IllegalStateException("Die Art " + kind + " ist schon angemeldet");
        }
    }

    /**
     * Starts a registered kind of work for the signed-in user. The work is built first, as the request, so a refusal
     * (403, 404, 400) reaches the caller and nothing is stored.
     */
    public Job start(String kind, JobRequest request, String message) {
        JobKind builder = kinds.get(kind);
        if (builder == null) {
            throw new IllegalArgumentException("Unbekannte Art von Hintergrundarbeit: " + kind);
        }
        return start(kind, request, message, builder.work(request));
    }

    /** Starts work given as it is; it cannot be started again, so it fails when its node dies. */
    public Job start(String kind, String programme, String message, JobWork work) {
        return start(kind, JobRequest.of(programme, Map.of()), message, work);
    }

    /**
     * The job's row is committed before the work starts, so the job page can be shown at once; the work runs with the
     * caller's security context, so it checks access as the request would.
     */
    private Job start(String kind, JobRequest request, String message, JobWork work) {
        CurrentUser owner = users.current();
        UUID id = UUID.randomUUID();
        ownTransaction.executeWithoutResult(status -> store.insert(id, kind, owner.username(), request, message));
        if (!launch(id, 1, SecurityContextHolder.getContext(), () -> work)) {
            ownTransaction.executeWithoutResult(status -> store.delete(id));
            throw new JobsBusyException();
        }
        return find(id);
    }

    /**
     * The job if it is the caller's (or the caller administers). A running job whose node stopped beating is started
     * again here, or shows as failed when it cannot be.
     */
    public Job find(UUID id) {
        Job job = store.find(id).filter(this::visible).orElseThrow(JobNotFoundException::new);
        if (job.status() == JobStatus.RUNNING && !running.contains(id)) {
            resumeAbandoned(id, 1);
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

    /**
     * Starts again, as many as this node has room for, the jobs whose node stopped beating (every node looks; each
     * job is taken by one), and fails those that cannot be started again.
     */
    @Scheduled(fixedDelayString = "${grantflow.jobs.resume-millis:15000}")
    public void resumeAbandoned() {
        resumeAbandoned(null, executor.getMaximumPoolSize() - executor.getActiveCount()
                + executor.getQueue().remainingCapacity());
    }

    private void resumeAbandoned(UUID only, int room) {
        ownTransaction.executeWithoutResult(status -> store.failAbandoned(only, staleAfter, kinds.keySet(), attempts,
                ABANDONED));
        if (room <= 0) {
            return;
        }
        List<JobStore.Abandoned> taken = ownTransaction.execute(status -> store.takeAbandoned(only, staleAfter,
                kinds.keySet(), attempts, room, RESUMED));
        for (JobStore.Abandoned job : taken) {
            log.warn("Background job {} ({}) of {} resumed as attempt {}: its node stopped", job.id(), job.kind(),
                    job.owner(), job.attempt());
            SecurityContext owner = new SecurityContextImpl(
                    UsernamePasswordAuthenticationToken.authenticated(job.owner(), null, List.of()));
            if (!launch(job.id(), job.attempt(), owner, () -> kinds.get(job.kind()).work(job.request()))) {
                ownTransaction.executeWithoutResult(status -> store.giveBack(job.id(), job.attempt(), staleAfter));
            }
        }
    }

    /** Runs the work on the pool in the given security context; false when the pool is full. */
    private boolean launch(UUID id, int attempt, SecurityContext context, Supplier<JobWork> work) {
        running.add(id);
        try {
            executor.execute(new DelegatingSecurityContextRunnable(() -> run(id, attempt, work), context));
            return true;
        } catch (RejectedExecutionException full) {
            running.remove(id);
            return false;
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    private boolean visible(Job job) {
        CurrentUser user = users.current();
        return user.has(Role.ADMIN) || user.username().equals(job.owner());
    }

    private void run(UUID id, int attempt, Supplier<JobWork> work) {
        try {
            JobOutcome outcome = work.get().run(new ThrottledProgress(id, attempt));
            ownTransaction.executeWithoutResult(status -> store.done(id, attempt, outcome));
        } catch (FormValidationException invalid) {
            fail(id, attempt, INVALID, invalid.errors());
        } catch (AccessDeniedException refused) {
            log.warn("Background job {} refused at attempt {}: {}", id, attempt, refused.getMessage());
            fail(id, attempt, attempt == 1 ? UNEXPECTED : REFUSED, List.of());
        } catch (Exception e) {
            log.error("Background job {} failed", id, e);
            fail(id, attempt, UNEXPECTED, List.of());
        } finally {
            running.remove(id);
        }
    }

    private void fail(UUID id, int attempt, String message, List<FieldError> errors) {
        ownTransaction.executeWithoutResult(status -> store.failed(id, attempt, message, errors));
    }

    /** Writes progress at most every progressInterval (and always the last step), each in its own transaction. */
    private final class ThrottledProgress implements JobProgress {

        private final UUID id;
        private final int attempt;
        private long lastWritten;

        ThrottledProgress(UUID id, int attempt) {
            this.id = id;
            this.attempt = attempt;
        }

        @Override
        public void report(int done, int total, String message) {
            long now = System.nanoTime();
            if (done < total && message == null && now - lastWritten < progressInterval.toNanos()) {
                return;
            }
            lastWritten = now;
            ownTransaction.executeWithoutResult(status -> store.progress(id, attempt, done, total, message));
        }
    }
}
