package de.grantflow.funding;

import de.grantflow.application.ApplicationStatus;
import de.grantflow.application.CaseConflictException;
import de.grantflow.application.CaseEventType;
import de.grantflow.application.CaseFile;
import de.grantflow.application.FourEyesViolation;
import de.grantflow.calendar.DeadlineCalendar;
import de.grantflow.forms.FieldError;
import de.grantflow.forms.FormValidationException;
import de.grantflow.funding.FundingEvents.ScheduleChanged;
import de.grantflow.funding.FundingRecords.CheckedLine;
import de.grantflow.funding.FundingRecords.Funding;
import de.grantflow.funding.FundingRecords.LedgerEntry;
import de.grantflow.funding.FundingRecords.LedgerKind;
import de.grantflow.funding.FundingRecords.Outcome;
import de.grantflow.funding.FundingRecords.Report;
import de.grantflow.funding.FundingRecords.ReportKind;
import de.grantflow.funding.FundingRecords.ReportStatus;
import de.grantflow.letters.LetterBody.CheckNote;
import de.grantflow.letters.LetterBody.ClosingNotice;
import de.grantflow.letters.LetterBody.DocumentRequest;
import de.grantflow.letters.LetterBody.Dunning;
import de.grantflow.letters.LetterBody.InterestStatement;
import de.grantflow.letters.LetterBody.ProofLine;
import de.grantflow.letters.LetterBody.RecoveryDecision;
import de.grantflow.letters.LetterBody.RecoveryHearing;
import de.grantflow.letters.LetterBody.Reminder;
import de.grantflow.money.Euro;
import de.grantflow.programme.Programme;
import de.grantflow.security.CurrentUser;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The funding period from the final grant to closure: opening it, the reports the recipient owes (with reminder,
 * Mahnung and escalation), the check of the proof of use, the recovery of money owed with interest, and closure. Each
 * step runs in the engine's transaction and is safe to run again after a retry.
 */
@Service
public class FundingService {

    /** Who requested or reported, once anonymised (those columns may not be empty). */
    static final String ANONYMISED = "anonymisiert";

    static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final String WHOLE_PLAN = "gesamt";

    private final FundingRepository repository;
    private final FundingSupport support;
    private final CaseFile caseFile;
    private final PaymentService payments;
    private final InterestCalculator interest;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FundingService(FundingRepository repository, FundingSupport support, CaseFile caseFile, PaymentService payments,
            InterestCalculator interest, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.support = support;
        this.caseFile = caseFile;
        this.payments = payments;
        this.interest = interest;
        this.events = events;
        this.clock = clock;
    }

    /** The grant is final: the case enters its Bewilligungszeitraum with the cost plan of the application. */
    @Transactional
    public void open(UUID id) {
        CaseFile.Snapshot snapshot = caseFile.lock(id);
        if (snapshot.status() == ApplicationStatus.FUNDED) {
            return;
        }
        LocalDate start = caseFile.fundingStart(id);
        LocalDate end = LocalDate.parse(snapshot.text("projectEnd"));
        Map<String, BigDecimal> plan = costPlan(snapshot);
        repository.insert(new Funding(id, snapshot.programmeKey(), snapshot.grantedAmount(), start, end, null, plan,
                null, null, null, null));
        caseFile.move(id, ApplicationStatus.FUNDED, CaseEventType.FUNDING_STARTED, null,
                "Bewilligungszeitraum " + GERMAN_DATE.format(start) + " bis " + GERMAN_DATE.format(end),
                Map.of("granted", snapshot.grantedAmount()));
    }

    /**
     * The next report the recipient owes: a Zwischennachweis for each year end inside the period whose deadline falls
     * before the period ends (a later one is covered by the Verwendungsnachweis), then the Verwendungsnachweis. Asked
     * again when the period's end moves: an interim report no longer needed is dropped, one newly needed is asked
     * for, and the proof of use falls due from the new end.
     */
    @Transactional
    public ReportSchedule nextReport(UUID id) {
        Funding funding = support.lock(id);
        Programme programme = support.programme(funding);
        LocalDate end = funding.effectiveEnd();
        Report next = null;
        for (Report interim : repository.reports(id)) {
            if (interim.kind() == ReportKind.INTERIM && isOpen(interim) && !interimRequired(programme, funding,
                    interim.periodYear())) {
                repository.update(withStatus(interim, ReportStatus.NOT_REQUIRED, interim.dueOn()));
            }
        }
        for (int year = funding.periodStart().getYear(); year < end.getYear() && next == null; year++) {
            if (!interimRequired(programme, funding, year)) {
                continue;
            }
            int reportYear = year;
            Report report = repository.report(id, ReportKind.INTERIM, year).orElseGet(() -> createReport(id,
                    ReportKind.INTERIM, reportYear, FundingSupport.interimDue(programme.state(), programme.funding(),
                            reportYear)));
            if (report.status() != ReportStatus.ACCEPTED) {
                next = report;
            }
        }
        if (next != null) {
            return support.schedule(programme, next.id(), true, next.dueOn());
        }
        LocalDate proofDue = FundingSupport.proofDue(programme.state(), programme.funding(), end);
        Report proof = repository.report(id, ReportKind.FINAL, null)
                .orElseGet(() -> createReport(id, ReportKind.FINAL, null, proofDue));
        if (proof.status() == ReportStatus.DUE && !proof.dueOn().equals(proofDue)) {
            proof = withStatus(proof, ReportStatus.DUE, proofDue);
            repository.update(proof);
            caseFile.record(id, CaseEventType.REPORT_DUE, null, "Verwendungsnachweis nun fällig am "
                    + GERMAN_DATE.format(proofDue), Map.of("report", "FINAL", "due", proofDue.toString()));
        }
        repository.update(withProofDue(funding, proof.dueOn()));
        return support.schedule(programme, proof.id(), false, proof.dueOn());
    }

    private static boolean interimRequired(Programme programme, Funding funding, int year) {
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        return !yearEnd.isBefore(funding.periodStart()) && yearEnd.isBefore(funding.effectiveEnd())
                && FundingSupport.interimDue(programme.state(), programme.funding(), year)
                .isBefore(funding.effectiveEnd());
    }

    @Transactional
    public void remindReport(UUID id, UUID reportId, String stepKey) {
        Report report = report(id, reportId);
        if (isOpen(report)) {
            caseFile.issueLetter(id, stepKey, new Reminder(subject(report), report.dueOn()));
        }
    }

    /** The report is overdue: a Mahnung with a Nachfrist. */
    @Transactional
    public void dunReport(UUID id, UUID reportId, String stepKey) {
        Funding funding = support.lock(id);
        Report report = report(id, reportId);
        if (!isOpen(report)) {
            return;
        }
        LocalDate grace = support.deadlineFromToday(support.programme(funding),
                support.programme(funding).funding().dunningGrace());
        caseFile.record(id, CaseEventType.REPORT_OVERDUE, null, subject(report) + ": Nachfrist bis "
                + GERMAN_DATE.format(grace), Map.of("report", report.kind().name()));
        caseFile.issueLetter(id, stepKey, new Dunning(subject(report), report.dueOn(), grace));
    }

    @Transactional
    public void recordChase(UUID id, UUID reportId, String note, String actor) {
        caseFile.record(id, CaseEventType.REPORT_CHASED, actor, note, Map.of("report", report(id, reportId).kind()
                .name()));
    }

    /** The recipient files a report; the Verwendungsnachweis is checked for plausible figures first. */
    @Transactional
    public void submitReport(UUID id, UUID reportId, Map<String, Object> data, String actor) {
        Funding funding = support.lock(id);
        Report report = report(id, reportId);
        if (report.kind() == ReportKind.FINAL) {
            validateProof(support.programme(funding), data);
        }
        repository.update(new Report(report.id(), id, report.kind(), report.periodYear(), report.dueOn(),
                Map.copyOf(data), actor, clock.instant(), ReportStatus.SUBMITTED, null, null));
        caseFile.record(id, CaseEventType.REPORT_SUBMITTED, actor, subject(report), Map.of("report",
                report.kind().name()));
        if (report.kind() == ReportKind.FINAL) {
            Programme programme = support.programme(funding);
            events.publishEvent(new FundingEvents.ProofSubmitted(id, programme.authority().key(),
                    caseFile.get(id).municipalityAgs()));
        }
    }

    /** The reviewer accepts a Zwischennachweis or asks for more (with what is missing). */
    @Transactional
    public boolean checkInterimReport(UUID id, UUID reportId, boolean accepted, String note, String actor) {
        Report report = report(id, reportId);
        if (!accepted && (note == null || note.isBlank())) {
            throw new FormValidationException(List.of(new FieldError("note",
                    "Bitte angeben, was am Nachweis fehlt")));
        }
        repository.update(new Report(report.id(), id, report.kind(), report.periodYear(), report.dueOn(),
                report.data(), report.submittedBy(), report.submittedAt(),
                accepted ? ReportStatus.ACCEPTED : ReportStatus.INCOMPLETE, actor,
                note == null ? Map.of() : Map.of("note", note)));
        caseFile.record(id, accepted ? CaseEventType.REPORT_ACCEPTED : CaseEventType.REPORT_INCOMPLETE, actor, note,
                Map.of("report", report.kind().name()));
        return accepted;
    }

    /** Asks for what the report lacks, with a new deadline. */
    @Transactional
    public ReportSchedule requestMore(UUID id, UUID reportId, String stepKey) {
        Funding funding = support.lock(id);
        Programme programme = support.programme(funding);
        Report report = report(id, reportId);
        LocalDate due = report.status() == ReportStatus.INCOMPLETE
                ? support.deadlineFromToday(programme, programme.deadlines().documents()) : report.dueOn();
        if (report.status() == ReportStatus.INCOMPLETE) {
            String missing = String.valueOf(report.checkResult().getOrDefault("note", "Ergänzungen"));
            repository.update(withStatus(report, ReportStatus.DUE, due));
            caseFile.issueLetter(id, stepKey, new DocumentRequest(List.of(subject(report) + ": " + missing), due));
        }
        return support.schedule(programme, report.id(), report.kind() == ReportKind.INTERIM, due);
    }

    /** The recipient declares the project finished early: the proof of use falls due six months from then. */
    @Transactional
    public FundingView declareFinished(CurrentUser user, UUID id, LocalDate finishedOn) {
        support.requireRecipient(user, id);
        Funding funding = support.lock(id);
        if (finishedOn == null) {
            throw new FormValidationException(List.of(new FieldError("finishedOn", "Pflichtfeld")));
        }
        if (finishedOn.isBefore(funding.periodStart()) || finishedOn.isAfter(funding.periodEnd())
                || finishedOn.isAfter(support.today())) {
            throw new FormValidationException(List.of(new FieldError("finishedOn", "Das Projektende muss im"
                    + " Bewilligungszeitraum liegen und darf nicht in der Zukunft liegen")));
        }
        if (caseFile.get(id).status() != ApplicationStatus.FUNDED || repository.report(id, ReportKind.FINAL, null)
                .filter(r -> r.status() != ReportStatus.DUE).isPresent()) {
            throw new CaseConflictException("Das Projektende kann nur vor Vorlage des Verwendungsnachweises angezeigt"
                    + " werden");
        }
        repository.update(new Funding(id, funding.programmeKey(), funding.granted(), funding.periodStart(),
                funding.periodEnd(), finishedOn, funding.costPlan(), funding.proofDue(), funding.inDepth(),
                funding.outcome(), funding.closedOn()));
        caseFile.record(id, CaseEventType.PROJECT_FINISHED, user.username(), "Projekt beendet am "
                + GERMAN_DATE.format(finishedOn), Map.of("finishedOn", finishedOn.toString()));
        events.publishEvent(new ScheduleChanged(id));
        return view(user, id);
    }

    /** A share of proofs is checked in depth: all grants from the risk amount on, and a random draw of the rest. */
    @Transactional
    public boolean selectInDepthCheck(UUID id) {
        Funding funding = support.lock(id);
        if (funding.inDepth() != null) {
            return funding.inDepth();
        }
        Programme programme = support.programme(funding);
        boolean byRisk = funding.granted().compareTo(programme.funding().inDepthRiskAmount()) >= 0;
        // the case id is a random UUID: its bucket is a random draw that stays the same when the step is retried
        boolean drawn = Math.floorMod(id.getLeastSignificantBits(), 100) < programme.funding().inDepthCheckPercent();
        boolean inDepth = byRisk || drawn;
        repository.update(new Funding(id, funding.programmeKey(), funding.granted(), funding.periodStart(),
                funding.periodEnd(), funding.finishedOn(), funding.costPlan(), funding.proofDue(), inDepth,
                funding.outcome(), funding.closedOn()));
        return inDepth;
    }

    @Transactional
    public ReportSchedule requestReceipts(UUID id, String stepKey) {
        Funding funding = support.lock(id);
        Programme programme = support.programme(funding);
        LocalDate due = support.deadlineFromToday(programme, programme.deadlines().documents());
        caseFile.record(id, CaseEventType.RECEIPTS_REQUESTED, null, "Belege bis " + GERMAN_DATE.format(due), null);
        caseFile.issueLetter(id, stepKey, new DocumentRequest(List.of(
                "Belege (Rechnungen und Zahlungsnachweise) zu allen Ausgabepositionen des Verwendungsnachweises",
                "Verträge mit Dritten und Vergabeunterlagen",
                "Nachweise über Einnahmen (Eigenanteil, Drittmittel, andere öffentliche Mittel)"), due));
        return support.schedule(programme, null, false, due);
    }

    @Transactional
    public void recordReceipts(UUID id, String supplied, String actor) {
        caseFile.record(id, CaseEventType.RECEIPTS_SUPPLIED, actor, supplied, null);
    }

    /**
     * The reviewer's check of the proof of use, line by line: each actual line is accepted or cut with a reason. The
     * grant that results follows the financing type; what was paid beyond it is owed back.
     */
    @Transactional
    public void recordProofCheck(UUID id, ProofCheck check, String reviewer) {
        Funding funding = support.lock(id);
        Programme programme = support.programme(funding);
        Report proof = repository.report(id, ReportKind.FINAL, null).orElseThrow();
        Map<String, BigDecimal> actual = expenditure(proof.data());
        List<FieldError> errors = new ArrayList<>();
        Map<String, Cut> cuts = new LinkedHashMap<>();
        List<Cut> given = check.cuts() == null ? List.of() : check.cuts();
        for (int i = 0; i < given.size(); i++) {
            Cut cut = given.get(i);
            String path = "cuts[" + i + "]";
            if (cut == null || cut.category() == null || !actual.containsKey(cut.category())) {
                errors.add(new FieldError(path + ".category", "Keine Position des Verwendungsnachweises"));
            } else if (cut.amount() == null || cut.amount().signum() < 0
                    || cut.amount().compareTo(actual.get(cut.category())) > 0) {
                errors.add(new FieldError(path + ".amount", "Die Kürzung muss zwischen 0 und den nachgewiesenen "
                        + Euro.format(actual.get(cut.category())) + " liegen"));
            } else if (cut.amount().signum() > 0 && (cut.reason() == null || cut.reason().isBlank())) {
                errors.add(new FieldError(path + ".reason", "Bitte die Kürzung begründen"));
            } else if (cuts.putIfAbsent(cut.category(), cut) != null) {
                errors.add(new FieldError(path + ".category", "Jede Position nur einmal kürzen"));
            }
        }
        if (!check.purposeAchieved() && (check.note() == null || check.note().isBlank())) {
            errors.add(new FieldError("note", "Bitte begründen, warum der Zuwendungszweck verfehlt wurde"));
        }
        if (!errors.isEmpty()) {
            throw new FormValidationException(errors);
        }
        List<CheckedLine> lines = new ArrayList<>();
        Map<String, BigDecimal> keys = new LinkedHashMap<>(funding.costPlan());
        actual.keySet().forEach(key -> keys.putIfAbsent(key, BigDecimal.ZERO));
        keys.forEach((key, planned) -> {
            Cut cut = cuts.get(key);
            lines.add(new CheckedLine(key, support.label(programme, key), planned,
                    actual.getOrDefault(key, BigDecimal.ZERO), cut == null ? BigDecimal.ZERO : cut.amount(),
                    cut == null ? null : cut.reason()));
        });
        BigDecimal actualTotal = sum(actual.values());
        BigDecimal acceptedTotal = actualTotal.subtract(sum(cuts.values().stream().map(Cut::amount).toList()));
        BigDecimal finalGrant = check.purposeAchieved()
                ? finalGrant(programme, funding, acceptedTotal, proof.data()) : BigDecimal.ZERO.setScale(2);
        List<LedgerEntry> ledger = repository.ledger(id);
        BigDecimal paid = PaymentService.sum(ledger, LedgerKind.PAYOUT);
        BigDecimal owed = paid.subtract(PaymentService.sum(ledger, LedgerKind.RETURN)).subtract(finalGrant)
                .max(BigDecimal.ZERO);
        CaseFile.Snapshot application = caseFile.get(id);
        List<CheckedLine> income = List.of(
                incomeLine("ownShare", "Eigenanteil", application.amount("ownContribution"), proof.data()),
                incomeLine("thirdPartyFunds", "Drittmittel", application.amount("thirdPartyFunds"), proof.data()),
                incomeLine("otherPublicFunds", "Andere öffentliche Mittel", BigDecimal.ZERO, proof.data()),
                incomeLine("grantUsed", "Diese Zuwendung", funding.granted(), proof.data()));
        Outcome outcome = new Outcome(reviewer, lines, income, actualTotal, acceptedTotal, finalGrant, paid, owed,
                check.purposeAchieved(), check.note(), null, null, null, null, null, null, null, null, null);
        repository.update(withOutcome(funding, outcome));
        repository.update(new Report(proof.id(), id, proof.kind(), null, proof.dueOn(), proof.data(),
                proof.submittedBy(), proof.submittedAt(), ReportStatus.ACCEPTED, reviewer,
                Map.of("acceptedTotal", acceptedTotal, "finalGrant", finalGrant, "owed", owed,
                        "checkedOn", support.today().toString())));
        caseFile.record(id, CaseEventType.PROOF_CHECKED, reviewer, "Anerkannt " + Euro.format(acceptedTotal)
                + ", Zuwendung nach Prüfung " + Euro.format(finalGrant) + ", zu erstatten " + Euro.format(owed),
                Map.of("acceptedTotal", acceptedTotal, "finalGrant", finalGrant, "owed", owed));
    }

    /** The Prüfvermerk; returns whether money is owed back. */
    @Transactional
    public boolean writeCheckNote(UUID id, String stepKey) {
        Funding funding = support.lock(id);
        Outcome o = funding.outcome();
        caseFile.issueLetter(id, stepKey, new CheckNote(Boolean.TRUE.equals(funding.inDepth()), proofLines(o.lines()),
                proofLines(o.income()),
                funding.plannedTotal(), o.actualTotal(), o.acceptedTotal(), funding.granted(), o.finalGrant(),
                o.paid(), o.owed(), o.purposeAchieved(), o.note()));
        return o.owed().signum() > 0;
    }

    @Transactional
    public ReportSchedule sendRecoveryHearing(UUID id, String stepKey) {
        Funding funding = support.lock(id);
        Programme programme = support.programme(funding);
        DeadlineCalendar calendar = new DeadlineCalendar(programme.state());
        LocalDate due = funding.outcome().hearingDue() != null ? funding.outcome().hearingDue()
                : calendar.deadline(calendar.deemedNotification(support.today(),
                        programme.deadlines().notificationDays()), programme.deadlines().hearing());
        if (funding.outcome().hearingDue() == null) {
            repository.update(withOutcome(funding, funding.outcome().withHearing(due)));
            caseFile.record(id, CaseEventType.RECOVERY_HEARING_SENT, null, "Frist zur Stellungnahme bis "
                    + GERMAN_DATE.format(due), Map.of("owed", funding.outcome().owed()));
        }
        caseFile.issueLetter(id, stepKey, new RecoveryHearing(funding.outcome().owed(), reasons(funding.outcome()),
                due));
        return support.schedule(programme, null, false, due);
    }

    @Transactional
    public void recordRecoveryHearingResponse(UUID id, String statement, String actor) {
        Funding funding = support.lock(id);
        String text = statement == null || statement.isBlank() ? "(ohne Stellungnahme)" : statement;
        repository.update(withOutcome(funding, funding.outcome().withHearingStatement(text)));
        caseFile.record(id, CaseEventType.HEARING_ANSWERED, actor, statement, null);
    }

    /** The approver decides on the recovery; never the person who checked the proof. Returns whether to recover. */
    @Transactional
    public boolean decideRecovery(UUID id, String decision, String comment, String approver) {
        Funding funding = support.lock(id);
        Outcome outcome = funding.outcome();
        if (approver == null || approver.equals(outcome.checkedBy())) {
            throw new FourEyesViolation("Vier-Augen-Prinzip: Über die Rückforderung muss eine andere Person"
                    + " entscheiden als die, die den Verwendungsnachweis geprüft hat (" + outcome.checkedBy() + ")");
        }
        boolean recover = "approve".equals(decision);
        if (!recover && (comment == null || comment.isBlank())) {
            throw new FormValidationException(List.of(new FieldError("comment",
                    "Bitte begründen, warum von der Rückforderung abgesehen wird")));
        }
        repository.update(withOutcome(funding, outcome.withRecoveryDecision(decision, approver, comment)));
        caseFile.record(id, CaseEventType.RECOVERY_DECIDED, approver, comment, Map.of("recover", recover));
        return recover;
    }

    /**
     * The Widerrufs- und Rückforderungsbescheid: the amount owed is taken from the latest payouts first, and each
     * part bears interest at five points above the base rate from its payout (the day the grant lapsed for it, as
     * the revocation works for the past) to the day of the Bescheid.
     */
    @Transactional
    public void issueRecovery(UUID id, String stepKey) {
        Funding funding = support.lock(id);
        Programme programme = support.programme(funding);
        Outcome outcome = funding.outcome();
        LocalDate today = support.today();
        InterestStatement statement = recoveryInterest(id, outcome.owed(), today);
        LocalDate payBy = outcome.payBy() != null ? outcome.payBy()
                : support.deadline(programme, today, programme.funding().repaymentPeriod());
        if (outcome.payBy() == null) {
            repository.update(withOutcome(funding, outcome.withRecovery(statement.total(), payBy)));
            caseFile.move(id, ApplicationStatus.RECOVERY, CaseEventType.RECOVERY_ORDERED,
                    outcome.recoveryDecidedBy(), Euro.format(outcome.owed()) + " zuzüglich "
                            + Euro.format(statement.total()) + " Zinsen bis " + GERMAN_DATE.format(payBy),
                    Map.of("owed", outcome.owed(), "interest", statement.total()));
        }
        caseFile.issueLetter(id, stepKey, new RecoveryDecision(funding.granted(), outcome.finalGrant(),
                outcome.paid(), outcome.owed(), reasons(outcome), statement, payBy,
                "§§ 49 Abs. 3 und 49a VwVfG in Verbindung mit " + FundingSupport.legalBasis(programme),
                FundingSupport.court(programme)));
    }

    /** The repayment arrived: principal and interest are booked, and the case can close. */
    @Transactional
    public void recordRepayment(UUID id, BigDecimal amount, LocalDate receivedOn, String actor) {
        Funding funding = support.lock(id);
        Outcome outcome = funding.outcome();
        BigDecimal due = outcome.owed().add(outcome.interest() == null ? BigDecimal.ZERO : outcome.interest());
        List<FieldError> errors = new ArrayList<>();
        if (amount == null || amount.signum() <= 0) {
            errors.add(new FieldError("amount", "Bitte den eingegangenen Betrag angeben"));
        } else if (amount.compareTo(due) < 0) {
            errors.add(new FieldError("amount", "Der Vorgang kann erst nach vollständiger Zahlung abgeschlossen werden:"
                    + " zu zahlen sind " + Euro.format(due) + " (Erstattung " + Euro.format(outcome.owed())
                    + " und Zinsen " + Euro.format(outcome.interest()) + ")"));
        }
        if (receivedOn == null || receivedOn.isAfter(support.today())) {
            errors.add(new FieldError("receivedOn", "Bitte den Tag des Zahlungseingangs angeben (nicht in der Zukunft)"));
        }
        if (!errors.isEmpty()) {
            throw new FormValidationException(errors);
        }
        repository.book(id, funding.programmeKey(), LedgerKind.RETURN, outcome.owed(), receivedOn, "REPAYMENT",
                actor, "Erstattung nach Widerruf");
        BigDecimal rest = amount.subtract(outcome.owed());
        if (rest.signum() > 0) {
            repository.book(id, funding.programmeKey(), LedgerKind.INTEREST, rest, receivedOn, "REPAYMENT:INTEREST",
                    actor, "Zinsen nach § 49a Abs. 3 VwVfG");
        }
        caseFile.record(id, CaseEventType.REPAID, actor, Euro.format(amount) + " am " + GERMAN_DATE.format(receivedOn),
                Map.of("amount", amount));
    }

    /**
     * An approver confirms that the case can close, after reading the Prüfvermerk and what followed it; never the
     * person who checked the proof of use, who would otherwise end the case alone when nothing is owed.
     */
    @Transactional
    public void confirmClosure(UUID id, boolean confirmed, String note, String approver) {
        Funding funding = support.lock(id);
        Outcome outcome = funding.outcome();
        if (approver == null || approver.equals(outcome.checkedBy())) {
            throw new FourEyesViolation("Vier-Augen-Prinzip: Den Abschluss muss eine andere Person bestätigen als"
                    + " die, die den Verwendungsnachweis geprüft hat (" + outcome.checkedBy() + ")");
        }
        if (!confirmed) {
            throw new FormValidationException(List.of(new FieldError("closureConfirmed",
                    "Bitte bestätigen, dass der Vorgang abgeschlossen werden kann")));
        }
        repository.update(withOutcome(funding, outcome.withClosureConfirmed(approver,
                note == null || note.isBlank() ? null : note)));
    }

    /** The Schlussmitteilung: the case is closed, in the name of the approver who confirmed it. */
    @Transactional
    public void close(UUID id, String stepKey) {
        Funding funding = support.lock(id);
        Outcome o = funding.outcome();
        List<LedgerEntry> ledger = repository.ledger(id);
        BigDecimal paid = PaymentService.sum(ledger, LedgerKind.PAYOUT);
        BigDecimal returned = PaymentService.sum(ledger, LedgerKind.RETURN);
        String result = o.owed().signum() == 0 ? "Es ergibt sich keine Erstattung."
                : "approve".equals(o.recoveryDecision()) ? "Der Erstattungsbetrag und die Zinsen sind eingegangen."
                : "Von einer Rückforderung wird abgesehen: " + o.recoveryComment();
        if (funding.closedOn() == null) {
            repository.update(new Funding(id, funding.programmeKey(), funding.granted(), funding.periodStart(),
                    funding.periodEnd(), funding.finishedOn(), funding.costPlan(), funding.proofDue(),
                    funding.inDepth(), o, support.today()));
            // instances started before the confirmation step existed close without a confirming approver
            caseFile.move(id, ApplicationStatus.CLOSED, CaseEventType.CLOSED, o.closureConfirmedBy(), result,
                    o.closureNote() == null ? null : Map.of("confirmationNote", o.closureNote()));
        }
        caseFile.issueLetter(id, stepKey, new ClosingNotice(funding.granted(), o.finalGrant(), paid, returned,
                result));
    }

    /**
     * Forgets who acted on a funded case and the authority's notes on its steps, at the end of its retention period
     * (README: Data protection); amounts, dates and the recipient's reports about the project stay.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void anonymise(UUID id) {
        repository.anonymise(id, ANONYMISED);
    }

    /** What the statistics need of a funded case: money moved and the dates of the stages after the grant. */
    @Transactional(readOnly = true)
    public Optional<FundingFacts> facts(UUID id) {
        return repository.facts(id);
    }

    /** Money and dates of a funded case. */
    public record FundingFacts(BigDecimal paid, BigDecimal recovered, LocalDate firstPayoutOn, LocalDate proofDue,
            LocalDate proofCheckedOn, LocalDate closedOn) {
    }

    @Transactional(readOnly = true)
    public FundingView view(CurrentUser user, UUID id) {
        support.requireVisible(user, id);
        Funding funding = support.get(id);
        Programme programme = support.programme(funding);
        List<LedgerEntry> ledger = repository.ledger(id);
        BigDecimal paid = PaymentService.sum(ledger, LedgerKind.PAYOUT);
        BigDecimal returned = PaymentService.sum(ledger, LedgerKind.RETURN);
        List<PaymentService.PaymentView> payouts = payments.payments(user, id);
        List<FundingView.Deadline> deadlines = new ArrayList<>();
        LocalDate today = support.today();
        for (Report report : repository.reports(id)) {
            if (isOpen(report)) {
                deadlines.add(new FundingView.Deadline(subject(report), report.dueOn()));
            }
        }
        payouts.stream().filter(p -> p.useBy() != null && !p.useBy().isBefore(today))
                .forEach(p -> deadlines.add(new FundingView.Deadline("Verwendung der Auszahlung Nr. " + p.number(),
                        p.useBy())));
        Outcome o = funding.outcome();
        if (o != null && o.hearingDue() != null && o.recoveryDecision() == null) {
            deadlines.add(new FundingView.Deadline("Stellungnahme zur Anhörung (Rückforderung)", o.hearingDue()));
        }
        if (o != null && o.payBy() != null && funding.closedOn() == null) {
            deadlines.add(new FundingView.Deadline("Zahlung des Erstattungsbetrags", o.payBy()));
        }
        deadlines.sort(java.util.Comparator.comparing(FundingView.Deadline::due));
        List<FundingView.PlanLine> plan = funding.costPlan().entrySet().stream()
                .map(e -> new FundingView.PlanLine(e.getKey(), support.label(programme, e.getKey()), e.getValue()))
                .toList();
        return new FundingView(caseFile.get(id).status(), funding.granted(), paid, returned,
                funding.granted().subtract(paid), PaymentService.sum(ledger, LedgerKind.INTEREST),
                funding.periodStart(), funding.periodEnd(), funding.finishedOn(), plan, deadlines, payouts,
                repository.changeRequests(id).stream().map(FundingView.Change::of).toList(),
                repository.reports(id).stream().map(FundingView.ReportSummary::of).toList(),
                ledger.stream().map(FundingView.Booking::of).toList(), o, funding.inDepth(), funding.closedOn());
    }

    private static List<ProofLine> proofLines(List<CheckedLine> lines) {
        return lines.stream().map(l -> new ProofLine(l.label(), l.planned(), l.actual(), l.planned().signum() == 0
                ? null : l.actual().multiply(BigDecimal.valueOf(100)).divide(l.planned(), 1, RoundingMode.HALF_UP),
                l.cut(), l.reason())).toList();
    }

    private static CheckedLine incomeLine(String key, String label, BigDecimal planned, Map<String, Object> proof) {
        return new CheckedLine(key, label, planned, amount(proof, key), BigDecimal.ZERO, null);
    }

    private InterestStatement recoveryInterest(UUID id, BigDecimal owed, LocalDate until) {
        List<LedgerEntry> payouts = new ArrayList<>(repository.ledger(id).stream()
                .filter(e -> e.kind() == LedgerKind.PAYOUT).toList());
        java.util.Collections.reverse(payouts);
        List<InterestStatement> parts = new ArrayList<>();
        BigDecimal rest = owed;
        for (LedgerEntry payout : payouts) {
            if (rest.signum() <= 0) {
                break;
            }
            BigDecimal part = rest.min(payout.amount());
            parts.add(interest.calculate(part, payout.bookedOn(), until));
            rest = rest.subtract(part);
        }
        return InterestCalculator.combine(parts);
    }

    private BigDecimal finalGrant(Programme programme, Funding funding, BigDecimal accepted,
            Map<String, Object> proof) {
        BigDecimal granted = funding.granted();
        BigDecimal result = switch (programme.financing().type()) {
            // the share of the plan the grant covered stays the same (ANBest-G Nr. 2.1)
            case ANTEILFINANZIERUNG -> funding.plannedTotal().signum() == 0 ? granted
                    : accepted.multiply(granted).divide(funding.plannedTotal(), 2, RoundingMode.DOWN);
            case FEHLBEDARFSFINANZIERUNG -> accepted.subtract(amount(proof, "ownShare"))
                    .subtract(amount(proof, "thirdPartyFunds")).subtract(amount(proof, "otherPublicFunds"));
            // a Festbetrag stays unless the expenditure falls below it
            case FESTBETRAGSFINANZIERUNG, VOLLFINANZIERUNG -> accepted;
        };
        return result.max(BigDecimal.ZERO).min(granted).setScale(2, RoundingMode.DOWN);
    }

    private static List<String> reasons(Outcome o) {
        List<String> reasons = new ArrayList<>();
        if (!o.purposeAchieved()) {
            reasons.add("Der Zuwendungszweck wurde nicht erreicht" + (o.note() == null ? "." : ": " + o.note()));
        }
        o.lines().stream().filter(l -> l.cut().signum() > 0).forEach(l -> reasons.add(l.label() + ": "
                + Euro.format(l.cut()) + " nicht anerkannt (" + l.reason() + ")"));
        if (o.acceptedTotal().compareTo(o.actualTotal()) == 0 && o.purposeAchieved()) {
            reasons.add("Die nachgewiesenen zuwendungsfähigen Ausgaben von " + Euro.format(o.acceptedTotal())
                    + " bleiben hinter dem Finanzierungsplan zurück; die Zuwendung ermäßigt sich auf "
                    + Euro.format(o.finalGrant()) + ".");
        }
        reasons.add("Ausgezahlt wurden " + Euro.format(o.paid()) + ", zustehen " + Euro.format(o.finalGrant())
                + "; der Unterschied von " + Euro.format(o.owed()) + " ist zu erstatten.");
        if (o.hearingStatement() != null) {
            reasons.add("Ihre Stellungnahme zur Anhörung wurde berücksichtigt; sie führt zu keiner anderen"
                    + " Entscheidung.");
        }
        return reasons;
    }

    private void validateProof(Programme programme, Map<String, Object> data) {
        List<FieldError> errors = new ArrayList<>();
        Object list = data.get("expenditure");
        if (!(list instanceof List<?> items) || items.isEmpty()) {
            errors.add(new FieldError("expenditure", "Bitte die Ausgaben nach Positionen angeben"));
        } else {
            for (int i = 0; i < items.size(); i++) {
                Object category = items.get(i) instanceof Map<?, ?> m ? m.get("category") : null;
                if (category == null || programme.funding().costLine(category.toString()).isEmpty()) {
                    errors.add(new FieldError("expenditure[" + i + "].category", "Keine Ausgabenposition dieses"
                            + " Programms"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new FormValidationException(errors);
        }
    }

    private static Map<String, BigDecimal> expenditure(Map<String, Object> proof) {
        Map<String, BigDecimal> lines = new LinkedHashMap<>();
        if (proof != null && proof.get("expenditure") instanceof List<?> items) {
            for (Object item : items) {
                if (item instanceof Map<?, ?> m && m.get("category") != null && m.get("amount") != null) {
                    lines.merge(m.get("category").toString(), new BigDecimal(m.get("amount").toString()),
                            BigDecimal::add);
                }
            }
        }
        return lines;
    }

    private Map<String, BigDecimal> costPlan(CaseFile.Snapshot snapshot) {
        Map<String, BigDecimal> plan = new LinkedHashMap<>();
        if (snapshot.data().get("costPlan") instanceof List<?> items) {
            for (Object item : items) {
                if (item instanceof Map<?, ?> m && m.get("category") != null && m.get("amount") != null) {
                    plan.merge(m.get("category").toString(), new BigDecimal(m.get("amount").toString()),
                            BigDecimal::add);
                }
            }
        }
        BigDecimal total = snapshot.amount("totalCosts");
        if (plan.isEmpty() || sum(plan.values()).compareTo(total) != 0) {
            // no plan by lines, or one that does not add up: the total is the one line that counts
            plan.clear();
            plan.put(WHOLE_PLAN, total);
        }
        return plan;
    }

    private Report createReport(UUID id, ReportKind kind, Integer year, LocalDate due) {
        Report report = new Report(UUID.randomUUID(), id, kind, year, due, null, null, null, ReportStatus.DUE, null,
                null);
        repository.insert(report);
        caseFile.record(id, CaseEventType.REPORT_DUE, null, subject(report) + " fällig am " + GERMAN_DATE.format(due),
                Map.of("report", kind.name(), "due", due.toString()));
        return report;
    }

    private Report report(UUID id, UUID reportId) {
        return repository.report(id, reportId).orElseThrow(() -> new CaseConflictException(
                "Nachweis " + reportId + " gehört nicht zu diesem Vorgang"));
    }

    private static boolean isOpen(Report report) {
        return report.status() == ReportStatus.DUE || report.status() == ReportStatus.INCOMPLETE;
    }

    static String subject(Report report) {
        return report.kind() == ReportKind.INTERIM ? "Zwischennachweis für das Jahr " + report.periodYear()
                : "Verwendungsnachweis";
    }

    private static Report withStatus(Report r, ReportStatus status, LocalDate due) {
        return new Report(r.id(), r.applicationId(), r.kind(), r.periodYear(), due, r.data(), r.submittedBy(),
                r.submittedAt(), status, r.checkedBy(), r.checkResult());
    }

    private static Funding withProofDue(Funding f, LocalDate due) {
        return new Funding(f.applicationId(), f.programmeKey(), f.granted(), f.periodStart(), f.periodEnd(),
                f.finishedOn(), f.costPlan(), due, f.inDepth(), f.outcome(), f.closedOn());
    }

    private static Funding withOutcome(Funding f, Outcome outcome) {
        return new Funding(f.applicationId(), f.programmeKey(), f.granted(), f.periodStart(), f.periodEnd(),
                f.finishedOn(), f.costPlan(), f.proofDue(), f.inDepth(), outcome, f.closedOn());
    }

    private static BigDecimal amount(Map<String, Object> data, String key) {
        Object value = data == null ? null : data.get(key);
        return value == null || value.toString().isBlank() ? BigDecimal.ZERO : new BigDecimal(value.toString());
    }

    private static BigDecimal sum(Collection<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The reviewer's findings on the proof of use. */
    public record ProofCheck(boolean purposeAchieved, List<Cut> cuts, String note) {
    }

    /** A cut of one line, with its reason. */
    public record Cut(String category, BigDecimal amount, String reason) {
    }
}
