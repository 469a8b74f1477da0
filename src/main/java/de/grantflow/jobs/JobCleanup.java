package de.grantflow.jobs;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes background jobs and their result files once they are older than {@code grantflow.jobs.keep}: a result is
 * fetched within minutes, and an export or report kept for good would hold figures (and an import's file errors) long
 * after anyone needs them. Every node runs it; each batch deletes in one transaction and skips the rows another node
 * has locked, so nodes share the work and never wait for each other.
 */
@Component
class JobCleanup {

    private static final Logger log = LoggerFactory.getLogger(JobCleanup.class);
    private static final int BATCH = 500;

    private final JobStore store;
    private final TransactionTemplate transactions;
    private final Duration keep;

    JobCleanup(JobStore store, PlatformTransactionManager transactionManager,
            @Value("${grantflow.jobs.keep:P30D}") Duration keep) {
        if (keep.isNegative() || keep.isZero()) {
            throw new IllegalStateException("grantflow.jobs.keep (GRANTFLOW_JOBS_KEEP) muss eine positive Dauer sein,"
                    + " z. B. P30D; ist " + keep);
        }
        this.store = store;
        this.transactions = new TransactionTemplate(transactionManager);
        this.keep = keep;
    }

    @Scheduled(cron = "${grantflow.jobs.cleanup-cron:0 15 * * * *}", zone = "Europe/Berlin")
    void run() {
        int deleted = deleteExpired();
        if (deleted > 0) {
            log.info("{} Hintergrundarbeiten älter als {} mit ihren Ergebnissen gelöscht", deleted, keep);
        }
    }

    /** Deletes every job past the period now, batch by batch; returns how many. */
    int deleteExpired() {
        int deleted = 0;
        int batch;
        do {
            batch = transactions.execute(tx -> store.deleteExpired(keep, BATCH));
            deleted += batch;
        } while (batch == BATCH);
        return deleted;
    }
}
