package de.grantflow.retention;

import de.grantflow.application.ClosedCases;
import de.grantflow.attachments.AttachmentService;
import de.grantflow.evaluation.EvaluationService;
import de.grantflow.forms.FormCatalog;
import de.grantflow.funding.FundingService;
import de.grantflow.programme.Programme;
import de.grantflow.programme.ProgrammeCatalog;
import de.grantflow.statistics.SurveyService;
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
 * Anonymises closed cases whose retention period has run out and forgets the answers of flash surveys past theirs
 * (README: Data protection), at the time {@code grantflow.retention.cron} sets. Each case and each survey is done in
 * its own transaction, so it is either anonymised as a whole or not at all; they are locked with {@code SKIP LOCKED},
 * so nodes running the job at the same time share the work and never touch the same one.
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
    private final SurveyService surveys;
    private final TransactionTemplate transactions;
    private final Clock clock;

    RetentionJob(ProgrammeCatalog programmes, FormCatalog forms, ClosedCases cases, AttachmentService attachments,
            FundingService funding, EvaluationService evaluations, SurveyService surveys,
            PlatformTransactionManager transactionManager, Clock clock) {
        this.programmes = programmes;
        this.forms = forms;
        this.cases = cases;
        this.attachments = attachments;
        this.funding = funding;
        this.evaluations = evaluations;
        this.surveys = surveys;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    @Scheduled(cron = "${grantflow.retention.cron}", zone = "Europe/Berlin")
    void run() {
        int anonymised = anonymisePastRetention();
        if (anonymised > 0) {
            log.info("{} abgeschlossene Vorgänge nach Ablauf der Aufbewahrungsfrist anonymisiert", anonymised);
        }
        int surveysForgotten = forgetSurveyAnswersPastRetention();
        if (surveysForgotten > 0) {
            log.info("Antworten von {} Befragungen nach Ablauf der Aufbewahrungsfrist gelöscht", surveysForgotten);
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

    /**
     * Forgets the answers of every flash survey past its programme's retention period now, keeping only its figures;
     * returns how many surveys.
     */
    public int forgetSurveyAnswersPastRetention() {
        LocalDate today = LocalDate.now(clock.withZone(AUTHORITY_ZONE));
        int forgotten = 0;
        for (Programme programme : programmes.all()) {
            while (surveys.forgetNextAnswersPastRetention(programme, today)) {
                forgotten++;
            }
        }
        return forgotten;
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
