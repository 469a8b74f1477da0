package de.grantflow.application;

import de.grantflow.money.Euro;
import de.grantflow.calendar.DeadlineCalendar;
import de.grantflow.forms.FieldError;
import de.grantflow.forms.FormValidationException;
import de.grantflow.letters.LetterType;
import de.grantflow.programme.BudgetLedger;
import de.grantflow.programme.Programme;
import de.grantflow.programme.ProgrammeCatalog;
import de.grantflow.register.Municipality;
import de.grantflow.register.MunicipalityRegister;
import de.grantflow.rules.DecisionOutcome;
import de.grantflow.rules.RuleEvaluator;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of the procedure as they change a case: called by the process (delegates and task listeners), each in the
 * engine's transaction, each safe to run again after a retry.
 */
@Service
public class CaseProgress {

    private final ApplicationRepository repository;
    private final ProgrammeCatalog programmes;
    private final MunicipalityRegister register;
    private final RuleEvaluator rules;
    private final BudgetLedger budget;
    private final CaseLetters letters;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    CaseProgress(ApplicationRepository repository, ProgrammeCatalog programmes, MunicipalityRegister register,
            RuleEvaluator rules, BudgetLedger budget, CaseLetters letters, Clock clock,
            ApplicationEventPublisher events) {
        this.repository = repository;
        this.programmes = programmes;
        this.register = register;
        this.rules = rules;
        this.budget = budget;
        this.letters = letters;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public void processStarted(UUID id, String processInstanceId) {
        Application application = lock(id);
        application.attachProcess(processInstanceId);
        repository.update(application);
        events.publishEvent(new ProcedureStarted(id));
    }

    @Transactional
    public void sendReceipt(UUID id, String stepKey) {
        letters.issue(lock(id), stepKey, LetterType.RECEIPT);
    }

    /** Decides eligibility and the fundable amount by the programme's DMN rules; both decisions stay on the case. */
    @Transactional
    public boolean checkEligibility(UUID id) {
        Application application = lock(id);
        Programme programme = programmes.get(application.programmeKey());
        Municipality municipality = register.get(application.municipalityAgs());
        Map<String, Object> inputs = ruleInputs(application, programme, municipality);
        DecisionOutcome eligibility = rules.evaluate(id, programme.rules().eligibility(), inputs);
        DecisionOutcome amount = rules.evaluate(id, programme.rules().amount(), inputs);
        boolean eligible = eligibility.flag("eligible");
        application.assess(application.assessment().withEligibility(eligible, eligibility.ruleId(),
                eligibility.reason(), amount.amount("maxFundable")));
        Instant now = clock.instant();
        repository.update(application);
        repository.appendEvent(id, new CaseEvent(now, CaseEventType.ELIGIBILITY_CHECKED, null, application.status(),
                eligibility.reason(), Map.of("eligible", eligible, "rule", eligibility.ruleId())));
        return eligible;
    }

    /** The formal check: complete moves the case into review, incomplete needs the list of missing documents. */
    @Transactional
    public void recordFormalCheck(UUID id, boolean complete, String missingDocuments, String actor) {
        List<String> missing = lines(missingDocuments);
        if (!complete && missing.isEmpty()) {
            throw new FormValidationException(List.of(new FieldError("missingDocuments",
                    "Bitte die fehlenden Unterlagen angeben (eine je Zeile)")));
        }
        Application application = lock(id);
        Instant now = clock.instant();
        if (complete) {
            application.moveTo(ApplicationStatus.IN_REVIEW, now);
        }
        application.assess(application.assessment().withMissingDocuments(complete ? null : missing, null));
        repository.update(application);
        repository.appendEvent(id, new CaseEvent(now, CaseEventType.FORMAL_CHECK, actor, application.status(),
                complete ? "vollständig" : "unvollständig", complete ? null : Map.of("missingDocuments", missing)));
    }

    @Transactional
    public ProcessDeadline requestDocuments(UUID id, String stepKey) {
        Application application = lock(id);
        Programme programme = programmes.get(application.programmeKey());
        ProcessDeadline deadline = deadline(programme, programme.deadlines().documents());
        Instant now = clock.instant();
        application.moveTo(ApplicationStatus.INCOMPLETE, now);
        application.assess(application.assessment().withMissingDocuments(application.assessment().missingDocuments(),
                deadline.lastDay()));
        repository.update(application);
        repository.appendEvent(id, new CaseEvent(now, CaseEventType.DOCUMENTS_REQUESTED, null,
                ApplicationStatus.INCOMPLETE, "Frist bis " + deadline.lastDay(), null));
        letters.issue(application, stepKey, LetterType.REQUEST_FOR_DOCUMENTS);
        return deadline;
    }

    @Transactional
    public void sendDocumentsReminder(UUID id, String stepKey) {
        Application application = lock(id);
        if (application.status() != ApplicationStatus.INCOMPLETE) {
            return;
        }
        repository.appendEvent(id, new CaseEvent(clock.instant(), CaseEventType.REMINDER_SENT, null,
                application.status(), null, null));
        letters.issue(application, stepKey, LetterType.REMINDER);
    }

    @Transactional
    public void recordDocumentsSupplied(UUID id, String supplied, String actor) {
        Application application = lock(id);
        Instant now = clock.instant();
        application.moveTo(ApplicationStatus.IN_REVIEW, now);
        repository.update(application);
        repository.appendEvent(id, new CaseEvent(now, CaseEventType.DOCUMENTS_SUPPLIED, actor,
                ApplicationStatus.IN_REVIEW, supplied, null));
    }

    @Transactional
    public void declareLapsed(UUID id, String stepKey) {
        Application application = lock(id);
        Instant now = clock.instant();
        if (application.moveTo(ApplicationStatus.LAPSED, now)) {
            repository.update(application);
            repository.appendEvent(id, new CaseEvent(now, CaseEventType.LAPSED, null, ApplicationStatus.LAPSED,
                    null, null));
        }
        letters.issue(application, stepKey, LetterType.LAPSE);
    }

    /** The substantive review; an approval may propose no more than requested and no more than the rules allow. */
    @Transactional
    public void recordReview(UUID id, Review review) {
        Application application = lock(id);
        Assessment assessment = application.assessment();
        boolean approve = "approve".equals(review.recommendation());
        if (approve) {
            checkApprovable(application, review.proposedAmount(), "recommendation", "proposedAmount");
        }
        Instant now = clock.instant();
        application.moveTo(ApplicationStatus.IN_REVIEW, now);
        application.assess(assessment.withReview(review.reviewer(), review.recommendation(),
                approve ? review.proposedAmount() : BigDecimal.ZERO, review.justification(), review.score()));
        repository.update(application);
        repository.appendEvent(id, new CaseEvent(now, CaseEventType.REVIEWED, review.reviewer(), application.status(),
                review.justification(), reviewDetails(review)));
    }

    /**
     * The decision of the second person, first or final (after the hearing). Refused when the approver also reviewed
     * the case. Returns whether it is adverse to the applicant (rejection or less than requested), which requires a
     * hearing first.
     */
    @Transactional
    public boolean recordDecision(UUID id, String decision, String comment, String approver) {
        Application application = lock(id);
        Assessment assessment = application.assessment();
        if (approver == null || approver.isBlank()) {
            throw new FourEyesViolation("Die Entscheidung muss einer angemeldeten Person zugeordnet sein");
        }
        if (approver.equals(assessment.reviewer())) {
            throw new FourEyesViolation("Vier-Augen-Prinzip: Die Entscheidung muss eine andere Person treffen als die"
                    + " fachliche Prüfung (" + approver + ")");
        }
        boolean approve = "approve".equals(decision);
        if (approve) {
            checkApprovable(application, assessment.proposedAmount(), "decision", "decision");
        }
        if (!approve && "approve".equals(assessment.recommendation()) && (comment == null || comment.isBlank())) {
            throw new FormValidationException(List.of(new FieldError("comment",
                    "Bitte begründen Sie die Ablehnung, wenn Sie von der Empfehlung der Prüfung abweichen")));
        }
        // the final decision after the hearing confirms the intended one: without a comment of its own, the reasons
        // the hearing gave stay the decision's reasons, so that the Bescheid states them (§ 39 VwVfG)
        String reasons = (comment == null || comment.isBlank()) && decision.equals(assessment.decision())
                ? assessment.decisionComment() : comment;
        application.assess(assessment.withDecision(decision, approver, reasons));
        repository.update(application);
        repository.appendEvent(id, new CaseEvent(clock.instant(), CaseEventType.DECISION_PROPOSED, approver,
                application.status(), comment, Map.of("decision", decision)));
        BigDecimal requested = application.amount("requestedAmount");
        return !approve || assessment.proposedAmount().compareTo(requested) < 0;
    }

    @Transactional
    public ProcessDeadline sendHearing(UUID id, String stepKey) {
        Application application = lock(id);
        Programme programme = programmes.get(application.programmeKey());
        ProcessDeadline deadline = deadline(programme, programme.deadlines().hearing());
        Instant now = clock.instant();
        application.moveTo(ApplicationStatus.HEARING, now);
        application.assess(application.assessment().withHearing(deadline.lastDay()));
        repository.update(application);
        repository.appendEvent(id, new CaseEvent(now, CaseEventType.HEARING_SENT, null, ApplicationStatus.HEARING,
                "Frist zur Stellungnahme bis " + deadline.lastDay(), null));
        letters.issue(application, stepKey, LetterType.HEARING);
        return deadline;
    }

    @Transactional
    public void recordHearingResponse(UUID id, String statement, String actor) {
        Application application = lock(id);
        application.assess(application.assessment().withHearingStatement(
                statement == null || statement.isBlank() ? "(ohne Stellungnahme)" : statement));
        repository.update(application);
        repository.appendEvent(id, new CaseEvent(clock.instant(), CaseEventType.HEARING_ANSWERED, actor,
                application.status(), statement, null));
    }

    @Transactional
    public void recordHearingExpired(UUID id) {
        Application application = lock(id);
        repository.appendEvent(id, new CaseEvent(clock.instant(), CaseEventType.HEARING_EXPIRED, null,
                application.status(), null, null));
    }

    /** Grants the proposed amount, reserving it from the programme's budget of the year (refused when exhausted). */
    @Transactional
    public Instant approve(UUID id, String stepKey) {
        Application application = lock(id);
        Programme programme = programmes.get(application.programmeKey());
        BigDecimal amount = application.assessment().proposedAmount();
        Instant now = clock.instant();
        if (application.moveTo(ApplicationStatus.APPROVED, now)) {
            budget.reserve(programme.key(), ApplicationService.today(now).getYear(), amount);
            application.grant(amount);
            repository.update(application);
            repository.appendEvent(id, new CaseEvent(now, CaseEventType.APPROVED, application.assessment().decidedBy(),
                    ApplicationStatus.APPROVED, Euro.format(amount), Map.of("amount", amount)));
        }
        letters.issue(application, stepKey, LetterType.GRANT_DECISION);
        return finalAt(programme, application.decidedAt());
    }

    @Transactional
    public Instant reject(UUID id, String stepKey) {
        Application application = lock(id);
        Programme programme = programmes.get(application.programmeKey());
        Instant now = clock.instant();
        if (application.moveTo(ApplicationStatus.REJECTED, now)) {
            repository.update(application);
            repository.appendEvent(id, new CaseEvent(now, CaseEventType.REJECTED, application.assessment().decidedBy(),
                    ApplicationStatus.REJECTED, null, null));
        }
        letters.issue(application, stepKey, LetterType.REJECTION);
        return finalAt(programme, application.decidedAt());
    }

    @Transactional
    public void markFinal(UUID id) {
        Application application = lock(id);
        if (application.finalOn() != null) {
            return;
        }
        Instant now = clock.instant();
        LocalDate today = ApplicationService.today(now);
        application.becomeFinal(today);
        application.assess(application.assessment().withFinalOn(today));
        repository.update(application);
        repository.appendEvent(id, new CaseEvent(now, CaseEventType.FINAL, null, application.status(), null, null));
    }

    @Transactional
    public void markWithdrawn(UUID id) {
        Application application = lock(id);
        Instant now = clock.instant();
        if (application.moveTo(ApplicationStatus.WITHDRAWN, now)) {
            repository.update(application);
            repository.appendEvent(id, new CaseEvent(now, CaseEventType.WITHDRAWN, application.createdBy(),
                    ApplicationStatus.WITHDRAWN, null, null));
        }
    }

    private void checkApprovable(Application application, BigDecimal amount, String eligibilityField,
            String amountField) {
        Assessment assessment = application.assessment();
        if (Boolean.FALSE.equals(assessment.eligible())) {
            throw new FormValidationException(List.of(new FieldError(eligibilityField,
                    "Der Antrag ist nach den Förderregeln nicht förderfähig (" + assessment.eligibilityReason()
                            + "); nur eine Ablehnung ist möglich")));
        }
        BigDecimal requested = application.amount("requestedAmount");
        if (amount == null || amount.signum() <= 0) {
            throw new FormValidationException(List.of(new FieldError(amountField,
                    "Für eine Bewilligung ist ein Betrag größer als 0 vorzuschlagen")));
        }
        if (amount.compareTo(requested) > 0) {
            throw new FormValidationException(List.of(new FieldError(amountField,
                    "Es kann nicht mehr bewilligt werden als beantragt (" + Euro.format(requested) + ")")));
        }
        if (assessment.maxFundable() != null && amount.compareTo(assessment.maxFundable()) > 0) {
            throw new FormValidationException(List.of(new FieldError(amountField,
                    "Nach den Förderregeln sind höchstens " + Euro.format(assessment.maxFundable())
                            + " zuwendungsfähig")));
        }
    }

    private ProcessDeadline deadline(Programme programme, Period period) {
        DeadlineCalendar calendar = new DeadlineCalendar(programme.state());
        Instant now = clock.instant();
        LocalDate today = ApplicationService.today(now);
        LocalDate notified = calendar.deemedNotification(today, programme.deadlines().notificationDays());
        LocalDate lastDay = calendar.deadline(notified, period);
        LocalDate remindOn = lastDay.minus(programme.deadlines().reminderBefore());
        Instant remindAt = remindOn.isAfter(today) ? startOf(remindOn) : now;
        return new ProcessDeadline(lastDay, remindAt, startOf(lastDay.plusDays(1)));
    }

    private Instant finalAt(Programme programme, Instant decidedAt) {
        DeadlineCalendar calendar = new DeadlineCalendar(programme.state());
        LocalDate finalOn = calendar.finalOn(ApplicationService.today(decidedAt),
                programme.deadlines().notificationDays(), programme.deadlines().appeal());
        return startOf(finalOn);
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ApplicationService.AUTHORITY_ZONE).toInstant();
    }

    private static Map<String, Object> ruleInputs(Application application, Programme programme,
            Municipality municipality) {
        Map<String, Object> inputs = new HashMap<>();
        application.data().forEach((key, value) -> {
            if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                inputs.put(key, value);
            }
        });
        inputs.putIfAbsent("thirdPartyFunds", BigDecimal.ZERO);
        inputs.put("municipalityKind", municipality.kind().name());
        inputs.put("municipalityState", municipality.state().name());
        inputs.put("municipalityPopulation", municipality.population());
        inputs.put("regierungsbezirk", municipality.regierungsbezirk());
        inputs.put("callOpen", programme.openCall(ApplicationService.today(application.submittedAt())).isPresent());
        inputs.put("financingType", programme.financing().type().name());
        inputs.put("ratePercent", programme.financing().ratePercent());
        inputs.put("minGrant", programme.financing().minGrant());
        inputs.put("maxGrant", programme.financing().maxGrant());
        inputs.put("fixedAmount", programme.financing().fixedAmount());
        return inputs;
    }

    private static Map<String, Object> reviewDetails(Review review) {
        Map<String, Object> details = new HashMap<>();
        details.put("recommendation", review.recommendation());
        if (review.proposedAmount() != null) {
            details.put("proposedAmount", review.proposedAmount());
        }
        if (review.score() != null) {
            details.put("score", review.score());
        }
        if (review.criteriaMet() != null) {
            details.put("criteriaMet", review.criteriaMet());
        }
        return details;
    }

    private static List<String> lines(String text) {
        return text == null ? List.of()
                : Arrays.stream(text.split("\\R")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private Application lock(UUID id) {
        return repository.lock(id).orElseThrow(() -> new CaseNotFoundException(id));
    }

    /** The reviewer's findings as submitted with the review form. */
    public record Review(String reviewer, String recommendation, BigDecimal proposedAmount, String justification,
            Integer score, List<String> criteriaMet) {
    }
}
