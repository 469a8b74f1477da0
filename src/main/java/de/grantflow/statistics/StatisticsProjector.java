package de.grantflow.statistics;

import de.grantflow.application.ApplicationStatus;
import de.grantflow.application.CaseChanged;
import de.grantflow.application.CaseEventType;
import de.grantflow.application.Cases;
import de.grantflow.application.Cases.CaseFacts;
import de.grantflow.application.ProcedureStarted;
import de.grantflow.funding.FundingService;
import de.grantflow.funding.FundingService.FundingFacts;
import de.grantflow.register.Municipality;
import de.grantflow.register.MunicipalityRegister;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the read model current: each event on a case re-derives the case's row from the case and its funding, inside
 * the transaction that changed the case, so figures and cases never disagree. The one exception is a submission whose
 * procedure has not started yet: it is counted in the transaction that starts it. A transaction that raises several
 * events for a case (the start of a procedure raises three) derives its row once, just before it commits.
 */
@Component
class StatisticsProjector {

    private static final ZoneId AUTHORITY_ZONE = ZoneId.of("Europe/Berlin");
    /**
     * Events that count in no figure yet. A draft has no year and no stage. A submission counts once its procedure
     * starts ({@link ProcedureStarted}, in the intake's batch), not in the request: there its row took 15 % of the
     * request's CPU and seven of its 15 SQL statements, in the moments of a burst when the intake gives way.
     */
    private static final Set<CaseEventType> NOT_COUNTED_YET = EnumSet.of(CaseEventType.CREATED, CaseEventType.UPDATED,
            CaseEventType.SUBMITTED);

    private final Cases cases;
    private final FundingService funding;
    private final MunicipalityRegister register;
    private final StatisticsStore store;

    StatisticsProjector(Cases cases, FundingService funding, MunicipalityRegister register, StatisticsStore store) {
        this.cases = cases;
        this.funding = funding;
        this.register = register;
        this.store = store;
    }

    @EventListener
    void on(CaseChanged changed) {
        if (!NOT_COUNTED_YET.contains(changed.type())) {
            changed(changed.applicationId());
        }
    }

    @EventListener
    void on(ProcedureStarted started) {
        changed(started.applicationId());
    }

    private void changed(UUID applicationId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            project(applicationId);
            return;
        }
        ChangedCases changedCases = (ChangedCases) TransactionSynchronizationManager.getResource(this);
        if (changedCases == null) {
            changedCases = new ChangedCases();
            TransactionSynchronizationManager.bindResource(this, changedCases);
            TransactionSynchronizationManager.registerSynchronization(changedCases);
        }
        changedCases.add(applicationId);
    }

    private void project(UUID applicationId) {
        cases.facts(applicationId).ifPresent(facts -> store.put(row(facts, funding.facts(facts.id()))));
    }

    /** The cases a transaction changed, derived when it is about to commit (or at once, if that moment has passed). */
    private final class ChangedCases implements TransactionSynchronization {
        private final Set<UUID> pending = new LinkedHashSet<>();
        private boolean committing;

        void add(UUID applicationId) {
            if (committing) {
                project(applicationId);
            } else {
                pending.add(applicationId);
            }
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            committing = true;
            pending.forEach(StatisticsProjector.this::project);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(StatisticsProjector.this);
        }
    }

    StatRow row(CaseFacts c, Optional<FundingFacts> f) {
        Municipality municipality = register.find(c.municipalityAgs()).orElse(null);
        LocalDate submitted = day(c.submittedAt());
        LocalDate decided = day(c.decidedAt());
        String outcome = outcome(c.status());
        String stage = open(c.status()) ? c.status().name() : null;
        LocalDate nextDue = switch (c.status()) {
            case INCOMPLETE -> c.documentsDue();
            case HEARING -> c.hearingDue();
            case FUNDED -> f.map(FundingFacts::proofDue).orElse(null);
            default -> null;
        };
        return new StatRow(c.id().toString(), c.id(), c.programmeKey(), submitted == null ? null : submitted.getYear(),
                c.municipalityAgs(), municipality == null ? null : municipality.kreisName(),
                municipality == null ? null : municipality.regierungsbezirk(),
                municipality == null ? null : municipality.kind().name(), c.priority(), outcome, c.eligible(),
                money(c.requested()), StatRow.APPROVED.equals(outcome) ? money(c.granted()) : money(null),
                money(f.map(FundingFacts::paid).orElse(null)), money(f.map(FundingFacts::recovered).orElse(null)),
                submitted, decided, f.map(FundingFacts::firstPayoutOn).orElse(null),
                f.map(FundingFacts::proofDue).orElse(null), f.map(FundingFacts::proofCheckedOn).orElse(null), stage,
                stage == null ? null : day(c.updatedAt()), nextDue, c.reviewer(), false);
    }

    static String outcome(ApplicationStatus status) {
        return switch (status) {
            case APPROVED, FUNDED, RECOVERY, CLOSED -> StatRow.APPROVED;
            case REJECTED -> StatRow.REJECTED;
            case LAPSED -> StatRow.LAPSED;
            case WITHDRAWN -> StatRow.WITHDRAWN;
            case DRAFT, SUBMITTED, INCOMPLETE, IN_REVIEW, HEARING -> StatRow.PENDING;
        };
    }

    private static boolean open(ApplicationStatus status) {
        return switch (status) {
            case SUBMITTED, INCOMPLETE, IN_REVIEW, HEARING, APPROVED, FUNDED, RECOVERY -> true;
            default -> false;
        };
    }

    static BigDecimal money(BigDecimal amount) {
        return (amount == null ? BigDecimal.ZERO : amount).setScale(2, RoundingMode.HALF_UP);
    }

    private static LocalDate day(Instant instant) {
        return instant == null ? null : instant.atZone(AUTHORITY_ZONE).toLocalDate();
    }
}
