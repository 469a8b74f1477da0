package de.grantflow.funding;

import de.grantflow.funding.ChangeService.ChangeInput;
import de.grantflow.funding.FundingRecords.LedgerEntry;
import de.grantflow.funding.FundingRecords.LedgerKind;
import de.grantflow.funding.PaymentService.PaymentRequestInput;
import de.grantflow.funding.PaymentService.PaymentView;
import de.grantflow.programme.Programme;
import de.grantflow.programme.ProgrammeCatalog;
import de.grantflow.security.CurrentUser;
import de.grantflow.security.CurrentUsers;
import de.grantflow.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The funding period through the API: the funded case in figures, Mittelabruf, reported spending, interest waivers,
 * change requests, early end, and the ledger per case and per programme. Reports are filed through the task API.
 */
@RestController
@Tag(name = "Bewilligungszeitraum", description = "Mittelabruf, Änderungsantrag, Projektende, Buchungen")
class FundingController {

    private final FundingService funding;
    private final PaymentService payments;
    private final ChangeService changes;
    private final FundingRepository repository;
    private final ProgrammeCatalog programmes;
    private final CurrentUsers users;

    FundingController(FundingService funding, PaymentService payments, ChangeService changes,
            FundingRepository repository, ProgrammeCatalog programmes, CurrentUsers users) {
        this.funding = funding;
        this.payments = payments;
        this.changes = changes;
        this.repository = repository;
        this.programmes = programmes;
        this.users = users;
    }

    @GetMapping("/api/applications/{id}/funding")
    @Operation(summary = "Bewilligt, ausgezahlt, zurückgezahlt, offen; Fristen, Auszahlungen, Änderungen, Nachweise")
    FundingView view(@PathVariable UUID id) {
        return funding.view(users.current(), id);
    }

    @PostMapping("/api/applications/{id}/payment-requests")
    @Operation(summary = "Mittelabruf (Zuwendungsempfänger): Betrag, Zweck und die fälligen Zahlungen")
    ResponseEntity<PaymentView> requestPayment(@PathVariable UUID id, @RequestBody PaymentRequestInput input) {
        return ResponseEntity.status(HttpStatus.CREATED).body(payments.request(users.current(), id, input));
    }

    @GetMapping("/api/applications/{id}/payment-requests")
    @Operation(summary = "Mittelabrufe mit Zwei-Monats-Frist und Zinsen nach § 49a Abs. 4 VwVfG")
    List<PaymentView> paymentRequests(@PathVariable UUID id) {
        return payments.payments(users.current(), id);
    }

    @PostMapping("/api/applications/{id}/payment-requests/{number}/waive-interest")
    @Operation(summary = "Auf die Zinsen einer Auszahlung verzichten (Bewilligungsbehörde)")
    PaymentView waiveInterest(@PathVariable UUID id, @PathVariable int number, @RequestBody Waiver waiver) {
        return payments.waiveInterest(users.current(), id, number, waiver == null ? null : waiver.reason());
    }

    @PostMapping("/api/applications/{id}/funds-usage")
    @Operation(summary = "Verwendung ausgezahlter Mittel melden (Zuwendungsempfänger)")
    ResponseEntity<FundingView> reportUsage(@PathVariable UUID id, @RequestBody UsageInput input) {
        CurrentUser user = users.current();
        payments.reportUsage(user, id, input.amount(), input.usedOn());
        return ResponseEntity.status(HttpStatus.CREATED).body(funding.view(user, id));
    }

    @PostMapping("/api/applications/{id}/change-requests")
    @Operation(summary = "Änderungsantrag: Bewilligungszeitraum verlängern oder Kostenplan ändern")
    ResponseEntity<FundingView.Change> requestChange(@PathVariable UUID id, @RequestBody ChangeInput input) {
        return ResponseEntity.status(HttpStatus.CREATED).body(changes.request(users.current(), id, input));
    }

    @GetMapping("/api/applications/{id}/change-requests")
    @Operation(summary = "Änderungsanträge des Vorgangs")
    List<FundingView.Change> changeRequests(@PathVariable UUID id) {
        return funding.view(users.current(), id).changeRequests();
    }

    @PostMapping("/api/applications/{id}/declare-finished")
    @Operation(summary = "Projektende anzeigen: der Verwendungsnachweis wird sechs Monate danach fällig")
    FundingView declareFinished(@PathVariable UUID id, @RequestBody Finished input) {
        return funding.declareFinished(users.current(), id, input == null ? null : input.finishedOn());
    }

    @GetMapping("/api/applications/{id}/ledger")
    @Operation(summary = "Buchungen des Vorgangs: Auszahlungen, Rückzahlungen, Zinsen")
    List<FundingView.Booking> ledger(@PathVariable UUID id) {
        return funding.view(users.current(), id).ledger();
    }

    @GetMapping("/api/programmes/{key}/ledger")
    @Operation(summary = "Buchungen eines Programms je Haushaltsjahr (Bewilligungsbehörde, Programmverantwortliche)")
    @Transactional(readOnly = true)
    ProgrammeLedger programmeLedger(@PathVariable String key, @RequestParam int year) {
        CurrentUser user = users.current();
        Programme programme = programmes.get(key);
        if (!user.isStaffOf(programme.authority().key()) && !user.has(Role.ADMIN)) {
            throw new AccessDeniedException("Nur die Bewilligungsbehörde des Programms");
        }
        List<LedgerEntry> entries = repository.programmeLedger(key, LocalDate.of(year, 1, 1),
                LocalDate.of(year + 1, 1, 1));
        Map<String, BigDecimal> totals = new TreeMap<>(entries.stream().collect(Collectors.groupingBy(
                e -> e.kind().name(), Collectors.reducing(BigDecimal.ZERO, LedgerEntry::amount, BigDecimal::add))));
        for (LedgerKind kind : LedgerKind.values()) {
            totals.putIfAbsent(kind.name(), BigDecimal.ZERO);
        }
        return new ProgrammeLedger(key, year, totals, entries.stream()
                .sorted(Comparator.comparing(LedgerEntry::bookedOn))
                .map(e -> new ProgrammeBooking(e.applicationId(), e.kind().name(), e.amount(), e.bookedOn(),
                        e.note()))
                .toList());
    }

    record Waiver(String reason) {
    }

    record UsageInput(BigDecimal amount, LocalDate usedOn) {
    }

    record Finished(LocalDate finishedOn) {
    }

    record ProgrammeLedger(String programme, int year, Map<String, BigDecimal> totals,
            List<ProgrammeBooking> entries) {
    }

    record ProgrammeBooking(UUID applicationId, String kind, BigDecimal amount, LocalDate bookedOn, String note) {
    }
}
