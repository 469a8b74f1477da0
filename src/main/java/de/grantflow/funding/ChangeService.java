package de.grantflow.funding;

import de.grantflow.application.ApplicationStatus;
import de.grantflow.application.CaseConflictException;
import de.grantflow.application.CaseEventType;
import de.grantflow.application.CaseFile;
import de.grantflow.application.FourEyesViolation;
import de.grantflow.forms.FieldError;
import de.grantflow.forms.FormValidationException;
import de.grantflow.forms.FormValidator;
import de.grantflow.funding.FundingEvents.ChangeRequested;
import de.grantflow.funding.FundingEvents.ScheduleChanged;
import de.grantflow.funding.FundingRecords.ChangeRequest;
import de.grantflow.funding.FundingRecords.ChangeStatus;
import de.grantflow.funding.FundingRecords.Funding;
import de.grantflow.letters.LetterBody.ChangeDecision;
import de.grantflow.letters.LetterBody.CostPlanRow;
import de.grantflow.money.Euro;
import de.grantflow.programme.Programme;
import de.grantflow.security.CurrentUser;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Änderungsantrag: a shift between cost lines that keeps the total and lets no line grow by more than the programme's
 * share (20 %) is accepted and recorded at once; anything else (another total, a line growing more, a new period) is
 * decided by a reviewer and an approver and answered with an Änderungsbescheid.
 */
@Service
public class ChangeService {

    private final FundingRepository repository;
    private final FundingSupport support;
    private final CaseFile caseFile;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ChangeService(FundingRepository repository, FundingSupport support, CaseFile caseFile,
            ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.support = support;
        this.caseFile = caseFile;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public FundingView.Change request(CurrentUser user, UUID id, ChangeInput input) {
        support.requireRecipient(user, id);
        Funding funding = support.lock(id);
        if (caseFile.get(id).status() != ApplicationStatus.FUNDED) {
            throw new CaseConflictException("Änderungen können nur im Bewilligungszeitraum beantragt werden");
        }
        if (repository.changeRequests(id).stream().anyMatch(c -> c.status() == ChangeStatus.PENDING
                || c.status() == ChangeStatus.REVIEWED)) {
            throw new CaseConflictException("Über einen früheren Änderungsantrag ist noch nicht entschieden");
        }
        Programme programme = support.programme(funding);
        List<FieldError> errors = new ArrayList<>();
        if (input.reason() == null || input.reason().isBlank()) {
            errors.add(new FieldError("reason", "Pflichtfeld: Begründung der Änderung"));
        } else if (input.reason().length() > 2000) {
            errors.add(new FieldError("reason", "Höchstens 2000 Zeichen"));
        } else {
            FormValidator.unprintable("reason", input.reason()).ifPresent(errors::add);
        }
        if (input.newPeriodEnd() == null && (input.costPlan() == null || input.costPlan().isEmpty())) {
            errors.add(new FieldError("newPeriodEnd", "Bitte ein neues Ende des Bewilligungszeitraums oder einen"
                    + " neuen Kostenplan angeben"));
        }
        if (input.newPeriodEnd() != null && (!input.newPeriodEnd().isAfter(funding.periodStart())
                || input.newPeriodEnd().equals(funding.periodEnd()))) {
            errors.add(new FieldError("newPeriodEnd", "Das neue Ende muss nach dem Beginn liegen und sich vom"
                    + " bisherigen Ende unterscheiden"));
        }
        Map<String, BigDecimal> plan = null;
        if (input.costPlan() != null && !input.costPlan().isEmpty()) {
            plan = new LinkedHashMap<>();
            for (int i = 0; i < input.costPlan().size(); i++) {
                PlanItem item = input.costPlan().get(i);
                String path = "costPlan[" + i + "]";
                if (item == null || item.category() == null || programme.funding().costLine(item.category())
                        .isEmpty()) {
                    errors.add(new FieldError(path + ".category", "Keine Ausgabenposition dieses Programms"));
                } else if (item.amount() == null || item.amount().signum() < 0 || item.amount().scale() > 2) {
                    errors.add(new FieldError(path + ".amount", "Bitte einen Betrag ab 0 mit höchstens zwei"
                            + " Nachkommastellen"));
                } else if (plan.putIfAbsent(item.category(), item.amount()) != null) {
                    errors.add(new FieldError(path + ".category", "Jede Position nur einmal angeben"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new FormValidationException(errors);
        }
        boolean withinTolerance = input.newPeriodEnd() == null && withinTolerance(funding.costPlan(), plan,
                programme.funding().costShiftPercent());
        ChangeRequest change = new ChangeRequest(UUID.randomUUID(), id, repository.nextChangeNumber(id),
                input.newPeriodEnd(), plan, input.reason().strip(),
                withinTolerance ? ChangeStatus.ACCEPTED : ChangeStatus.PENDING, user.username(), clock.instant(),
                null, null, withinTolerance ? clock.instant() : null, null);
        repository.insert(change);
        if (withinTolerance) {
            repository.update(withPlan(funding, plan, funding.periodEnd()));
            caseFile.record(id, CaseEventType.CHANGE_ACCEPTED, user.username(), "Umschichtung zwischen Ausgaben"
                    + "positionen innerhalb von " + programme.funding().costShiftPercent() + " %: " + describe(
                    programme, funding.costPlan(), plan), Map.of("changeRequest", change.number()));
        } else {
            caseFile.record(id, CaseEventType.CHANGE_REQUESTED, user.username(), change.reason(),
                    Map.of("changeRequest", change.number()));
            events.publishEvent(new ChangeRequested(id, change.id(), programme.authority().key(),
                    caseFile.get(id).municipalityAgs()));
        }
        return FundingView.Change.of(change);
    }

    @Transactional
    public void recordReview(UUID id, UUID changeId, String recommendation, String justification, String reviewer) {
        ChangeRequest change = lock(id, changeId, ChangeStatus.PENDING);
        repository.update(new ChangeRequest(change.id(), id, change.number(), change.newPeriodEnd(),
                change.costPlan(), change.reason(), ChangeStatus.REVIEWED, change.requestedBy(),
                change.requestedAt(), reviewer, null, null, justification));
        caseFile.record(id, CaseEventType.CHANGE_REVIEWED, reviewer, justification,
                Map.of("changeRequest", change.number(), "recommendation", recommendation));
    }

    /** The approver's decision, refused for the reviewer of the change. */
    @Transactional
    public void recordDecision(UUID id, UUID changeId, String decision, String comment, String approver) {
        ChangeRequest change = lock(id, changeId, ChangeStatus.REVIEWED);
        if (approver == null || approver.equals(change.reviewedBy())) {
            throw new FourEyesViolation("Vier-Augen-Prinzip: Über die Änderung muss eine andere Person entscheiden"
                    + " als die, die sie geprüft hat (" + change.reviewedBy() + ")");
        }
        boolean approve = "approve".equals(decision);
        String note = comment == null || comment.isBlank() ? change.note() : comment;
        if (!approve && (note == null || note.isBlank())) {
            throw new FormValidationException(List.of(new FieldError("comment", "Bitte die Ablehnung begründen")));
        }
        repository.update(new ChangeRequest(change.id(), id, change.number(), change.newPeriodEnd(),
                change.costPlan(), change.reason(), approve ? ChangeStatus.APPROVED : ChangeStatus.REJECTED,
                change.requestedBy(), change.requestedAt(), change.reviewedBy(), approver, clock.instant(), note));
    }

    /** Applies an approved change and sends the Änderungsbescheid either way. */
    @Transactional
    public void issueDecision(UUID id, UUID changeId, String stepKey) {
        Funding funding = support.lock(id);
        Programme programme = support.programme(funding);
        ChangeRequest change = repository.changeRequest(id, changeId).orElseThrow();
        boolean approved = change.status() == ChangeStatus.APPROVED;
        Map<String, BigDecimal> before = funding.costPlan();
        Map<String, BigDecimal> after = change.costPlan() == null ? before : change.costPlan();
        LocalDate end = approved && change.newPeriodEnd() != null ? change.newPeriodEnd() : funding.periodEnd();
        List<String> changes = new ArrayList<>();
        if (change.newPeriodEnd() != null) {
            changes.add("Ende des Bewilligungszeitraums: " + FundingService.GERMAN_DATE.format(funding.periodEnd())
                    + " → " + FundingService.GERMAN_DATE.format(change.newPeriodEnd()));
        }
        if (change.costPlan() != null) {
            changes.add("Finanzierungsplan: " + describe(programme, before, after));
        }
        List<CostPlanRow> rows = new ArrayList<>();
        if (change.costPlan() != null) {
            Set<String> keys = new LinkedHashSet<>(before.keySet());
            keys.addAll(after.keySet());
            keys.forEach(k -> rows.add(new CostPlanRow(support.label(programme, k),
                    before.getOrDefault(k, BigDecimal.ZERO), after.getOrDefault(k, BigDecimal.ZERO))));
        }
        String reasons = approved ? "Die Änderung ist sachlich begründet (" + change.reason() + ")"
                + (change.note() == null ? "." : "; " + change.note())
                : change.note();
        if (approved && (!after.equals(before) || !end.equals(funding.periodEnd()))) {
            repository.update(withPlan(funding, after, end));
            if (!end.equals(funding.periodEnd())) {
                events.publishEvent(new ScheduleChanged(id));
            }
        }
        caseFile.record(id, CaseEventType.CHANGE_DECIDED, change.decidedBy(), approved ? "Änderung bewilligt"
                : "Änderung abgelehnt", Map.of("changeRequest", change.number(), "approved", approved));
        caseFile.issueLetter(id, stepKey, new ChangeDecision(approved, changes, reasons, end, rows,
                "§ 49 VwVfG in Verbindung mit " + FundingSupport.legalBasis(programme),
                FundingSupport.court(programme)));
    }

    /** Same total, and no line above its plan by more than the share; a line not in the plan has a plan of 0. */
    static boolean withinTolerance(Map<String, BigDecimal> plan, Map<String, BigDecimal> proposed, int percent) {
        if (proposed == null) {
            return false;
        }
        BigDecimal total = plan.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal newTotal = proposed.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.compareTo(newTotal) != 0) {
            return false;
        }
        BigDecimal factor = BigDecimal.ONE.add(BigDecimal.valueOf(percent).movePointLeft(2));
        Set<String> keys = new LinkedHashSet<>(plan.keySet());
        keys.addAll(proposed.keySet());
        return keys.stream().allMatch(k -> proposed.getOrDefault(k, BigDecimal.ZERO)
                .compareTo(plan.getOrDefault(k, BigDecimal.ZERO).multiply(factor)) <= 0);
    }

    private String describe(Programme programme, Map<String, BigDecimal> before, Map<String, BigDecimal> after) {
        Set<String> keys = new LinkedHashSet<>(before.keySet());
        keys.addAll(after.keySet());
        List<String> parts = new ArrayList<>();
        for (String k : keys) {
            BigDecimal a = before.getOrDefault(k, BigDecimal.ZERO);
            BigDecimal b = after.getOrDefault(k, BigDecimal.ZERO);
            if (a.compareTo(b) != 0) {
                parts.add(support.label(programme, k) + " " + Euro.format(a) + " → " + Euro.format(b));
            }
        }
        return parts.isEmpty() ? "unverändert" : String.join(", ", parts);
    }

    private ChangeRequest lock(UUID id, UUID changeId, ChangeStatus expected) {
        support.lock(id);
        ChangeRequest change = repository.changeRequest(id, changeId).orElseThrow(() -> new CaseConflictException(
                "Änderungsantrag " + changeId + " gehört nicht zu diesem Vorgang"));
        if (change.status() != expected) {
            throw new CaseConflictException("Der Änderungsantrag Nr. " + change.number() + " ist nicht in diesem"
                    + " Bearbeitungsstand");
        }
        return change;
    }

    private static Funding withPlan(Funding f, Map<String, BigDecimal> plan, LocalDate end) {
        return new Funding(f.applicationId(), f.programmeKey(), f.granted(), f.periodStart(), end, f.finishedOn(),
                plan, f.proofDue(), f.inDepth(), f.outcome(), f.closedOn());
    }

    /** What the recipient asks to change. */
    public record ChangeInput(LocalDate newPeriodEnd, List<PlanItem> costPlan, String reason) {
    }

    /** A line of a proposed cost plan. */
    public record PlanItem(String category, BigDecimal amount) {
    }
}
