package de.grantflow.funding;

import de.grantflow.application.ApplicationStatus;
import de.grantflow.application.CaseConflictException;
import de.grantflow.application.CaseEventType;
import de.grantflow.application.CaseFile;
import de.grantflow.application.FourEyesViolation;
import de.grantflow.forms.FieldError;
import de.grantflow.forms.FormValidationException;
import de.grantflow.forms.FormValidator;
import de.grantflow.funding.FundingEvents.PaymentRequested;
import de.grantflow.funding.FundingRecords.Funding;
import de.grantflow.funding.FundingRecords.LedgerEntry;
import de.grantflow.funding.FundingRecords.LedgerKind;
import de.grantflow.funding.FundingRecords.PaymentRequest;
import de.grantflow.funding.FundingRecords.PaymentStatus;
import de.grantflow.funding.FundingRecords.Usage;
import de.grantflow.letters.LetterBody.InterestStatement;
import de.grantflow.letters.LetterBody.PayoutNotice;
import de.grantflow.letters.LetterBody.UnusedFundsReminder;
import de.grantflow.money.Euro;
import de.grantflow.programme.Programme;
import de.grantflow.security.CurrentUser;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mittelabruf and payout: the recipient asks, a reviewer checks, an approver (another person) releases, the ledger books
 * the payout and an Auszahlungsmitteilung goes out; two months later the funds must be spent, or they bear interest
 * under § 49a (4) VwVfG unless the authority waives it.
 */
@Service
public class PaymentService {

    private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final FundingRepository repository;
    private final FundingSupport support;
    private final CaseFile caseFile;
    private final InterestCalculator interest;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PaymentService(FundingRepository repository, FundingSupport support, CaseFile caseFile,
            InterestCalculator interest, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.support = support;
        this.caseFile = caseFile;
        this.interest = interest;
        this.events = events;
        this.clock = clock;
    }

    /** The recipient's request, refused with the reason when it breaks a rule of the Zuwendungsbescheid. */
    @Transactional
    public PaymentView request(CurrentUser user, UUID id, PaymentRequestInput input) {
        support.requireRecipient(user, id);
        Funding funding = support.lock(id);
        requireFunded(id);
        Programme programme = support.programme(funding);
        LocalDate today = support.today();
        List<FieldError> errors = new ArrayList<>();
        BigDecimal amount = input.amount();
        if (amount == null || amount.signum() <= 0 || amount.scale() > 2) {
            errors.add(new FieldError("amount", "Bitte einen Betrag größer als 0 mit höchstens zwei Nachkommastellen"));
        }
        if (input.purpose() == null || input.purpose().isBlank()) {
            errors.add(new FieldError("purpose", "Pflichtfeld: wofür die Mittel benötigt werden"));
        } else if (input.purpose().length() > 2000) {
            errors.add(new FieldError("purpose", "Höchstens 2000 Zeichen"));
        } else {
            FormValidator.unprintable("purpose", input.purpose()).ifPresent(errors::add);
        }
        List<DuePayment> payments = input.payments() == null ? List.of() : input.payments();
        if (payments.isEmpty()) {
            errors.add(new FieldError("payments", "Bitte die fälligen Zahlungen mit Datum und Betrag angeben"));
        }
        LocalDate windowEnd = today.plus(programme.funding().payoutWindow());
        BigDecimal dueInWindow = BigDecimal.ZERO;
        for (int i = 0; i < payments.size(); i++) {
            DuePayment payment = payments.get(i);
            String path = "payments[" + i + "]";
            if (payment == null || payment.dueOn() == null) {
                errors.add(new FieldError(path + ".dueOn", "Pflichtfeld"));
                continue;
            }
            if (payment.amount() == null || payment.amount().signum() <= 0) {
                errors.add(new FieldError(path + ".amount", "Bitte einen Betrag größer als 0"));
                continue;
            }
            if (payment.dueOn().isBefore(funding.periodStart()) || payment.dueOn().isAfter(funding.effectiveEnd())) {
                errors.add(new FieldError(path + ".dueOn", "Die Zahlung am " + GERMAN_DATE.format(payment.dueOn())
                        + " liegt außerhalb des Bewilligungszeitraums (" + GERMAN_DATE.format(funding.periodStart())
                        + " bis " + GERMAN_DATE.format(funding.effectiveEnd()) + ")"));
            }
            if (!payment.dueOn().isAfter(windowEnd)) {
                dueInWindow = dueInWindow.add(payment.amount());
            }
        }
        if (errors.isEmpty()) {
            BigDecimal available = funding.granted().subtract(paid(id)).subtract(pending(id));
            if (amount.compareTo(available) > 0) {
                errors.add(new FieldError("amount", "Es können höchstens " + Euro.format(available)
                        + " abgerufen werden (bewilligt " + Euro.format(funding.granted()) + ", ausgezahlt "
                        + Euro.format(paid(id)) + ", bereits abgerufen und noch nicht ausgezahlt "
                        + Euro.format(pending(id)) + ")"));
            } else if (amount.compareTo(dueInWindow) > 0) {
                errors.add(new FieldError("amount", "Mittel dürfen nur für Zahlungen abgerufen werden, die innerhalb von"
                        + " zwei Monaten nach der Auszahlung fällig werden: bis zum " + GERMAN_DATE.format(windowEnd)
                        + " sind nur " + Euro.format(dueInWindow) + " fällig"));
            }
        }
        if (!errors.isEmpty()) {
            throw new FormValidationException(errors);
        }
        LocalDate neededOn = payments.stream().map(DuePayment::dueOn).min(Comparator.naturalOrder()).orElseThrow();
        PaymentRequest request = new PaymentRequest(UUID.randomUUID(), id, repository.nextPaymentNumber(id), amount,
                neededOn, input.purpose().strip(), PaymentStatus.REQUESTED, user.username(), clock.instant(), null,
                null, null, null, null, null);
        repository.insert(request);
        caseFile.record(id, CaseEventType.PAYMENT_REQUESTED, user.username(), "Mittelabruf Nr. " + request.number()
                + " über " + Euro.format(amount), Map.of("paymentRequest", request.number(), "amount", amount));
        events.publishEvent(new PaymentRequested(id, request.id(), programme.authority().key(),
                caseFile.get(id).municipalityAgs()));
        return view(funding, request, repository.ledger(id), repository.usage(id));
    }

    /** The reviewer's check (sachlich richtig); returns whether the request goes on to the approver. */
    @Transactional
    public boolean recordCheck(UUID id, UUID requestId, String decision, String comment, String reviewer) {
        PaymentRequest request = lockRequest(id, requestId);
        requireStatus(request, PaymentStatus.REQUESTED);
        boolean release = "approve".equals(decision);
        if (!release) {
            requireComment(comment);
        }
        repository.update(request.moved(release ? PaymentStatus.CHECKED : PaymentStatus.REFUSED, reviewer, null,
                null, comment));
        caseFile.record(id, release ? CaseEventType.PAYMENT_CHECKED : CaseEventType.PAYMENT_REFUSED, reviewer,
                comment, Map.of("paymentRequest", request.number()));
        return release;
    }

    /** The approver's release, refused for the person who checked the request. */
    @Transactional
    public boolean recordRelease(UUID id, UUID requestId, String decision, String comment, String approver) {
        PaymentRequest request = lockRequest(id, requestId);
        requireStatus(request, PaymentStatus.CHECKED);
        if (approver == null || approver.equals(request.checkedBy())) {
            throw new FourEyesViolation("Vier-Augen-Prinzip: Die Auszahlung muss eine andere Person freigeben als"
                    + " die, die den Mittelabruf geprüft hat (" + request.checkedBy() + ")");
        }
        boolean release = "approve".equals(decision);
        if (!release) {
            requireComment(comment);
            repository.update(request.moved(PaymentStatus.REFUSED, request.checkedBy(), approver, null, comment));
            caseFile.record(id, CaseEventType.PAYMENT_REFUSED, approver, comment,
                    Map.of("paymentRequest", request.number()));
            return false;
        }
        repository.update(request.moved(PaymentStatus.CHECKED, request.checkedBy(), approver, null, comment));
        return true;
    }

    /** Books the payout, sends the Auszahlungsmitteilung, and returns when to check that the funds were spent. */
    @Transactional
    public Instant payOut(UUID id, UUID requestId, String stepKey) {
        Funding funding = support.lock(id);
        PaymentRequest request = repository.paymentRequest(id, requestId).orElseThrow();
        Programme programme = support.programme(funding);
        LocalDate paidOn = request.paidOn() == null ? support.today() : request.paidOn();
        if (request.status() == PaymentStatus.CHECKED) {
            request = request.moved(PaymentStatus.PAID, request.checkedBy(), request.releasedBy(), paidOn,
                    request.note());
            repository.update(request);
            repository.book(id, funding.programmeKey(), LedgerKind.PAYOUT, request.amount(), paidOn,
                    "PAYOUT:" + request.number(), request.releasedBy(), "Auszahlung Nr. " + request.number());
            caseFile.record(id, CaseEventType.PAID, request.releasedBy(), "Auszahlung Nr. " + request.number()
                    + " über " + Euro.format(request.amount()), Map.of("paymentRequest", request.number(),
                    "amount", request.amount()));
        }
        LocalDate useBy = useBy(programme, paidOn);
        BigDecimal paidTotal = paid(id);
        caseFile.issueLetter(id, stepKey, new PayoutNotice(request.number(), request.amount(), paidOn,
                request.purpose(), funding.granted(), paidTotal, funding.granted().subtract(paidTotal), useBy));
        return FundingSupport.startOf(useBy.plusDays(1));
    }

    /** Two months after the payout: funds not yet spent get a reminder with the interest they bear so far. */
    @Transactional
    public void checkUsage(UUID id, UUID requestId, String stepKey) {
        Funding funding = support.lock(id);
        PaymentView view = view(funding, repository.paymentRequest(id, requestId).orElseThrow(),
                repository.ledger(id), repository.usage(id));
        if (view.unused() == null || view.unused().signum() == 0 || funding.closedOn() != null) {
            return;
        }
        caseFile.record(id, CaseEventType.FUNDS_UNUSED, null, Euro.format(view.unused()) + " aus Auszahlung Nr. "
                + view.number() + " nicht fristgerecht verwendet", Map.of("paymentRequest", view.number(),
                "unused", view.unused()));
        caseFile.issueLetter(id, stepKey, new UnusedFundsReminder(view.number(), view.paidOn(), view.amount(),
                view.unused(), view.useBy(), view.interest()));
    }

    /** The recipient reports money spent (for the two-month rule). */
    @Transactional
    public void reportUsage(CurrentUser user, UUID id, BigDecimal amount, LocalDate usedOn) {
        support.requireRecipient(user, id);
        requireFundingOpen(support.lock(id));
        List<FieldError> errors = new ArrayList<>();
        if (amount == null || amount.signum() <= 0 || amount.scale() > 2) {
            errors.add(new FieldError("amount", "Bitte einen Betrag größer als 0 mit höchstens zwei Nachkommastellen"));
        }
        if (usedOn == null) {
            errors.add(new FieldError("usedOn", "Pflichtfeld"));
        } else if (usedOn.isAfter(support.today())) {
            errors.add(new FieldError("usedOn", "Die Verwendung kann nicht in der Zukunft liegen"));
        }
        BigDecimal used = repository.usage(id).stream().map(Usage::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (errors.isEmpty() && used.add(amount).compareTo(paid(id)) > 0) {
            errors.add(new FieldError("amount", "Gemeldet werden können höchstens die ausgezahlten Mittel ("
                    + Euro.format(paid(id)) + ", davon bereits gemeldet " + Euro.format(used) + ")"));
        }
        if (!errors.isEmpty()) {
            throw new FormValidationException(errors);
        }
        repository.insertUsage(id, amount, usedOn, user.username(), clock.instant());
        caseFile.record(id, CaseEventType.FUNDS_USED, user.username(), Euro.format(amount) + " am "
                + GERMAN_DATE.format(usedOn), Map.of("amount", amount, "usedOn", usedOn.toString()));
    }

    /** The authority waives the § 49a (4) interest of a payout. */
    @Transactional
    public PaymentView waiveInterest(CurrentUser user, UUID id, int number, String reason) {
        support.requireStaff(user, id);
        Funding funding = support.lock(id);
        PaymentRequest request = repository.paymentRequest(id, number)
                .orElseThrow(() -> new CaseConflictException("Keinen Mittelabruf Nr. " + number + " gefunden"));
        if (request.status() != PaymentStatus.PAID) {
            throw new CaseConflictException("Auf Zinsen kann erst nach der Auszahlung verzichtet werden");
        }
        if (reason == null || reason.isBlank()) {
            throw new FormValidationException(List.of(new FieldError("reason", "Bitte den Verzicht begründen")));
        }
        if (reason.length() > 2000) {
            throw new FormValidationException(List.of(new FieldError("reason", "Höchstens 2000 Zeichen")));
        }
        FormValidator.unprintable("reason", reason).ifPresent(refusal -> {
            throw new FormValidationException(List.of(refusal));
        });
        repository.update(request.interestWaived(user.username(), reason));
        caseFile.record(id, CaseEventType.INTEREST_WAIVED, user.username(), reason,
                Map.of("paymentRequest", number));
        return view(funding, repository.paymentRequest(id, number).orElseThrow(), repository.ledger(id),
                repository.usage(id));
    }

    @Transactional
    public void refuse(UUID id, UUID requestId) {
        PaymentRequest request = lockRequest(id, requestId);
        if (request.status() != PaymentStatus.REFUSED) {
            repository.update(request.moved(PaymentStatus.REFUSED, request.checkedBy(), request.releasedBy(), null,
                    request.note()));
        }
    }

    @Transactional(readOnly = true)
    public List<PaymentView> payments(CurrentUser user, UUID id) {
        support.requireVisible(user, id);
        Funding funding = support.get(id);
        List<LedgerEntry> ledger = repository.ledger(id);
        List<Usage> usage = repository.usage(id);
        return repository.paymentRequests(id).stream().map(p -> view(funding, p, ledger, usage)).toList();
    }

    BigDecimal paid(UUID id) {
        return sum(repository.ledger(id), LedgerKind.PAYOUT);
    }

    BigDecimal returned(UUID id) {
        return sum(repository.ledger(id), LedgerKind.RETURN);
    }

    static BigDecimal sum(List<LedgerEntry> ledger, LedgerKind kind) {
        return ledger.stream().filter(e -> e.kind() == kind).map(LedgerEntry::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private BigDecimal pending(UUID id) {
        return repository.paymentRequests(id).stream()
                .filter(p -> p.status() == PaymentStatus.REQUESTED || p.status() == PaymentStatus.CHECKED)
                .map(PaymentRequest::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private LocalDate useBy(Programme programme, LocalDate paidOn) {
        return paidOn.plus(programme.funding().payoutWindow());
    }

    /**
     * A payout with what is unused of it at the end of its two months, counting spending and returns in order (the
     * oldest payout is spent first), and the interest on the unused part from the payout until the day the spending
     * caught up with it, or until today.
     */
    PaymentView view(Funding funding, PaymentRequest request, List<LedgerEntry> ledger, List<Usage> usage) {
        if (request.status() != PaymentStatus.PAID) {
            return PaymentView.of(request, null, null, null, null);
        }
        Programme programme = support.programme(funding);
        LocalDate useBy = useBy(programme, request.paidOn());
        if (!support.today().isAfter(useBy)) {
            // the two months are still running: nothing is late yet
            return PaymentView.of(request, useBy, null, null, null);
        }
        List<LedgerEntry> payouts = ledger.stream().filter(e -> e.kind() == LedgerKind.PAYOUT).toList();
        BigDecimal paidUpToThis = BigDecimal.ZERO;
        for (LedgerEntry payout : payouts) {
            paidUpToThis = paidUpToThis.add(payout.amount());
            if (payout.sourceKey().equals("PAYOUT:" + request.number())) {
                break;
            }
        }
        List<Usage> spending = new ArrayList<>(usage);
        ledger.stream().filter(e -> e.kind() == LedgerKind.RETURN)
                .forEach(e -> spending.add(new Usage(e.amount(), e.bookedOn())));
        spending.sort(Comparator.comparing(Usage::usedOn));
        BigDecimal spentByDeadline = spending.stream().filter(u -> !u.usedOn().isAfter(useBy)).map(Usage::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal unused = paidUpToThis.subtract(spentByDeadline).max(BigDecimal.ZERO).min(request.amount());
        if (unused.signum() == 0) {
            return PaymentView.of(request, useBy, BigDecimal.ZERO.setScale(2),
                    new InterestStatement(List.of(), BigDecimal.ZERO.setScale(2)), null);
        }
        LocalDate caughtUp = null;
        BigDecimal cumulative = BigDecimal.ZERO;
        for (Usage u : spending) {
            cumulative = cumulative.add(u.amount());
            if (cumulative.compareTo(paidUpToThis) >= 0) {
                caughtUp = u.usedOn();
                break;
            }
        }
        LocalDate until = caughtUp != null ? caughtUp : support.today();
        try {
            return PaymentView.of(request, useBy, unused, interest.calculate(unused, request.paidOn(), until), until);
        } catch (BaseRateMissingException e) {
            // shown without the figure rather than not at all; the figure follows once the table is kept current
            return PaymentView.of(request, useBy, unused, null, until).withInterestNote(e.getMessage());
        }
    }

    private PaymentRequest lockRequest(UUID id, UUID requestId) {
        support.lock(id);
        return repository.paymentRequest(id, requestId).orElseThrow(() -> new CaseConflictException(
                "Mittelabruf " + requestId + " gehört nicht zu diesem Vorgang"));
    }

    private void requireFunded(UUID id) {
        ApplicationStatus status = caseFile.get(id).status();
        if (status != ApplicationStatus.FUNDED) {
            throw new CaseConflictException("Mittel können nur im Bewilligungszeitraum abgerufen werden (Status: "
                    + status.germanName() + ")");
        }
    }

    private static void requireFundingOpen(Funding funding) {
        if (funding.closedOn() != null) {
            throw new CaseConflictException("Der Vorgang ist abgeschlossen");
        }
    }

    private static void requireStatus(PaymentRequest request, PaymentStatus expected) {
        if (request.status() != expected) {
            throw new CaseConflictException("Der Mittelabruf Nr. " + request.number() + " ist nicht mehr offen");
        }
    }

    private static void requireComment(String comment) {
        if (comment == null || comment.isBlank()) {
            throw new FormValidationException(List.of(new FieldError("comment", "Bitte begründen")));
        }
    }

    /** What the recipient asks for: the amount, what for, and the payments it is needed for. */
    public record PaymentRequestInput(BigDecimal amount, String purpose, List<DuePayment> payments) {
    }

    /** A payment the recipient must make, with its due date. */
    public record DuePayment(LocalDate dueOn, BigDecimal amount) {
    }

    /** A Mittelabruf as the API shows it, with the two-month rule and the interest it bears. */
    public record PaymentView(UUID id, int number, BigDecimal amount, LocalDate neededOn, String purpose,
            String status, String requestedBy, Instant requestedAt, String checkedBy, String releasedBy,
            LocalDate paidOn, LocalDate useBy, BigDecimal unused, InterestStatement interest,
            LocalDate interestUntil, String interestWaivedBy, String interestWaiverReason, String interestNote) {

        static PaymentView of(PaymentRequest r, LocalDate useBy, BigDecimal unused, InterestStatement interest,
                LocalDate until) {
            return new PaymentView(r.id(), r.number(), r.amount(), r.neededOn(), r.purpose(), r.status().name(),
                    r.requestedBy(), r.requestedAt(), r.checkedBy(), r.releasedBy(), r.paidOn(), useBy, unused,
                    interest, until, r.interestWaivedBy(), r.interestWaiverReason(), null);
        }

        PaymentView withInterestNote(String note) {
            return new PaymentView(id, number, amount, neededOn, purpose, status, requestedBy, requestedAt,
                    checkedBy, releasedBy, paidOn, useBy, unused, interest, interestUntil, interestWaivedBy,
                    interestWaiverReason, note);
        }
    }
}
