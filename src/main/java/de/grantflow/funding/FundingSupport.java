package de.grantflow.funding;

import de.grantflow.application.CaseConflictException;
import de.grantflow.application.CaseFile;
import de.grantflow.application.CaseNotFoundException;
import de.grantflow.application.Cases;
import de.grantflow.calendar.DeadlineCalendar;
import de.grantflow.calendar.FederalState;
import de.grantflow.funding.FundingRecords.Funding;
import de.grantflow.letters.Court;
import de.grantflow.programme.FundingTerms;
import de.grantflow.programme.Programme;
import de.grantflow.programme.ProgrammeCatalog;
import de.grantflow.security.CurrentUser;
import de.grantflow.security.Role;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/** What the funding services share: the case's funding row, its programme, access checks and deadlines. */
@Component
class FundingSupport {

    static final ZoneId AUTHORITY_ZONE = ZoneId.of("Europe/Berlin");

    private final FundingRepository repository;
    private final ProgrammeCatalog programmes;
    private final Cases cases;
    private final CaseFile caseFile;

    FundingSupport(FundingRepository repository, ProgrammeCatalog programmes, Cases cases, CaseFile caseFile) {
        this.repository = repository;
        this.programmes = programmes;
        this.cases = cases;
        this.caseFile = caseFile;
    }

    Funding lock(UUID id) {
        caseFile.lock(id);
        return repository.lock(id).orElseThrow(() -> new CaseConflictException(
                "Für diesen Vorgang hat der Bewilligungszeitraum noch nicht begonnen"));
    }

    Funding get(UUID id) {
        return repository.find(id).orElseThrow(() -> new CaseConflictException(
                "Für diesen Vorgang hat der Bewilligungszeitraum noch nicht begonnen"));
    }

    Programme programme(Funding funding) {
        return programmes.get(funding.programmeKey());
    }

    /** The case if the user may see it; 404 otherwise, so that nobody learns a case exists. */
    void requireVisible(CurrentUser user, UUID id) {
        cases.findVisible(id, user).orElseThrow(() -> new CaseNotFoundException(id));
    }

    void requireRecipient(CurrentUser user, UUID id) {
        requireVisible(user, id);
        if (!user.isApplicant()) {
            throw new AccessDeniedException("Nur der Zuwendungsempfänger kann dies erklären");
        }
    }

    void requireStaff(CurrentUser user, UUID id) {
        requireVisible(user, id);
        if (!user.has(Role.REVIEWER) && !user.has(Role.APPROVER) && !user.has(Role.ADMIN)) {
            throw new AccessDeniedException("Nur Sachbearbeitung und Zeichnungsbefugte der Bewilligungsbehörde");
        }
    }

    LocalDate today() {
        return caseFile.today();
    }

    /** A deadline of the period from today, by §§ 187 ff. BGB with the authority's holidays. */
    LocalDate deadlineFromToday(Programme programme, Period period) {
        return new DeadlineCalendar(programme.state()).deadline(today(), period);
    }

    LocalDate deadline(Programme programme, LocalDate event, Period period) {
        return new DeadlineCalendar(programme.state()).deadline(event, period);
    }

    /** The Verwendungsnachweis is due the programme's period (six months) after the end, by §§ 187 ff. BGB. */
    static LocalDate proofDue(FederalState state, FundingTerms terms, LocalDate end) {
        return new DeadlineCalendar(state).deadline(end, terms.proofOfUseAfterEnd());
    }

    /** The Zwischennachweis for a year is due the programme's period (four months) after its last day. */
    static LocalDate interimDue(FederalState state, FundingTerms terms, int year) {
        return new DeadlineCalendar(state).deadline(LocalDate.of(year, 12, 31), terms.interimReportAfterYearEnd());
    }

    /** A schedule for a report with the last day given: reminder before, overdue the next morning. */
    ReportSchedule schedule(Programme programme, UUID reportId, boolean interim, LocalDate lastDay) {
        LocalDate remindOn = lastDay.minus(programme.funding().reportReminderBefore());
        Instant remindAt = remindOn.isAfter(today()) ? startOf(remindOn) : startOf(today());
        return new ReportSchedule(reportId, interim, lastDay, remindAt, startOf(lastDay.plusDays(1)));
    }

    static Instant startOf(LocalDate day) {
        return day.atStartOfDay(AUTHORITY_ZONE).toInstant();
    }

    static String legalBasis(Programme programme) {
        return programme.legalBasis().citation() + " in Verbindung mit der " + programme.legalBasis().directive();
    }

    static Court court(Programme programme) {
        var court = programme.authority().court();
        return new Court(court.name(), court.street(), court.postalCode(), court.city());
    }

    String label(Programme programme, String costLine) {
        return programme.funding().costLine(costLine).map(line -> line.label()).orElse(costLine);
    }
}
