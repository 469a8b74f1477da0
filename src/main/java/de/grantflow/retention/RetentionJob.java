package de.grantflow.retention;

import de.grantflow.application.ClosedCases;
import de.grantflow.attachments.AttachmentService;
import de.grantflow.evaluation.EvaluationService;
import de.grantflow.forms.FormCatalog;
import de.grantflow.funding.FundingService;
import de.grantflow.programme.Programme;
import de.grantflow.programme.ProgrammeCatalog;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Anonymises closed cases whose retention period has run out (README: Data protection), at the time
 * {@code grantflow.retention.cron} sets. Each case is done in its own transaction, so a case is either anonymised as a
 * whole or not at all; cases are locked with {@code SKIP LOCKED}, so nodes running the job at the same time share the
 * work and never touch the same case.
 */
@Component
public class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);
    private static final ZoneId AUTHORITY_ZONE = ZoneId.of("Europe/Berlin");

    private final ProgrammeCatalog programmes;
    private final FormCatalog forms;
    private final ClosedCases cases;
    private final AttachmentService attachments;
    private final FundingService funding;
    private final EvaluationService evaluations;
    private final TransactionTemplate transactions;
    private final Clock clock;

    RetentionJob(ProgrammeCatalog programmes, FormCatalog forms, ClosedCases cases, AttachmentService attachments,
            FundingService funding, EvaluationService evaluations, PlatformTransactionManager transactionManager,
            Clock clock) {
        this.programmes = programmes;
        this.forms = forms;
        this.cases = cases;
        this.attachments = attachments;
        this.funding = funding;
        this.evaluations = evaluations;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    @Scheduled(cron = "${grantflow.retention.cron}", zone = "Europe/Berlin")
    void run() {
        int anonymised = anonymisePastRetention();
        if (anonymised > 0) {
            log.info("{} abgeschlossene Vorgänge nach Ablauf der Aufbewahrungsfrist anonymisiert", anonymised);
        }
    }

    /** Anonymises every closed case past its programme's retention period now; returns how many. */
    public int anonymisePastRetention() {
        LocalDate today = LocalDate.now(clock.withZone(AUTHORITY_ZONE));
        int anonymised = 0;
        for (Programme programme : programmes.all()) {
            Set<String> personalFields = forms.get(programme.applicationForm()).personalDataKeys();
            while (Boolean.TRUE.equals(transactions.execute(tx -> anonymiseNext(programme, personalFields, today)))) {
                anonymised++;
            }
        }
        return anonymised;
    }

    private boolean anonymiseNext(Programme programme, Set<String> personalFields, LocalDate today) {
        Optional<UUID> due = cases.lockNextPastRetention(programme.key(), programme.retention(), today);
        due.ifPresent(id -> {
            int deletedAttachments = attachments.deleteOf(id);
            funding.anonymise(id);
            evaluations.anonymise(id);
            cases.anonymise(id, personalFields, Map.of("deletedAttachments", deletedAttachments), clock.instant());
        });
        return due.isPresent();
    }
}
