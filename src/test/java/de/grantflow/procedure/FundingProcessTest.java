package de.grantflow.procedure;

import static de.grantflow.procedure.FundingProcess.*;
import static de.grantflow.procedure.GrantApplicationProcess.TASK_DECIDE;
import static de.grantflow.procedure.GrantApplicationProcess.TASK_FORMAL_CHECK;
import static de.grantflow.procedure.GrantApplicationProcess.TASK_REVIEW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.grantflow.TestClock;
import de.grantflow.application.ApplicationStatus;
import de.grantflow.application.CaseFixtures;
import de.grantflow.application.FourEyesViolation;
import de.grantflow.forms.FieldError;
import de.grantflow.forms.FormValidationException;
import de.grantflow.funding.ChangeService;
import de.grantflow.funding.ChangeService.ChangeInput;
import de.grantflow.funding.ChangeService.PlanItem;
import de.grantflow.funding.FundingService;
import de.grantflow.funding.FundingView;
import de.grantflow.funding.PaymentService;
import de.grantflow.funding.PaymentService.DuePayment;
import de.grantflow.funding.PaymentService.PaymentRequestInput;
import de.grantflow.retention.RetentionJob;
import de.grantflow.security.CurrentUser;
import de.grantflow.security.CurrentUsers;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * Every path of the funding period on the real engine and database, with the clock moved across two years: payouts
 * with four eyes and the two-month rule, change requests inside and outside the 20 % rule, on-time and late reports,
 * a clean closure and a recovery with interest, each closure confirmed by a second person. The job executor is off;
 * the test runs due jobs itself.
 */
@SpringBootTest
@ActiveProfiles("test")
@TestPropertySource(properties = "camunda.bpm.job-execution.enabled=false")
class FundingProcessTest {

    @Autowired ProcedureTestSupport procedure;
    @Autowired CaseFixtures cases;
    @Autowired TestClock clock;
    @Autowired RuntimeService runtime;
    @Autowired FundingService funding;
    @Autowired PaymentService payments;
    @Autowired ChangeService changes;
    @Autowired CurrentUsers users;
    @Autowired RetentionJob retention;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void setUp() {
        clock.reset();
        cases.ensureUsers();
    }

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    @Test
    void paysOutWithFourEyesTakesReportsOnTimeAndClosesWhenNothingIsOwed() {
        UUID id = funded(CaseFixtures.kommIn("Sauber abgeschlossen", 30_000));
        FundingView view = view(id);
        assertThat(view.status()).isEqualTo(ApplicationStatus.FUNDED);
        assertThat(view.outstanding()).isEqualByComparingTo("30000");
        assertThat(view.deadlines()).extracting(FundingView.Deadline::due).contains(LocalDate.of(2027, 4, 30));

        payOut(id, 30_000);
        assertThat(cases.letterTypes(id)).endsWith("PAYOUT_NOTICE");
        assertThat(view(id).paid()).isEqualByComparingTo("30000");
        assertThat(view(id).outstanding()).isEqualByComparingTo("0");
        clock.set(LocalDateTime.of(2026, 6, 10, 9, 0));
        payments.reportUsage(user("antrag.dortmund"), id, new BigDecimal("30000"), LocalDate.of(2026, 6, 5));
        clock.set(LocalDateTime.of(2026, 6, 13, 9, 0));
        procedure.executeAllJobs(id);
        assertThat(cases.letterTypes(id)).doesNotContain("REMINDER");

        clock.set(LocalDateTime.of(2027, 4, 20, 9, 0));
        procedure.executeAllJobs(id);
        assertThat(cases.letterTypes(id)).endsWith("REMINDER");
        procedure.completeAny(id, TASK_SUBMIT_INTERIM_REPORT, "antrag.dortmund", interimReport());
        procedure.completeAny(id, TASK_CHECK_INTERIM_REPORT, "pruefer2", Map.of("result", "accept"));

        assertThat(procedure.openTask(id, TASK_SUBMIT_PROOF).getDueDate().toInstant())
                .isEqualTo(LocalDate.of(2027, 11, 30).atTime(23, 59, 59).atZone(TestClock.BERLIN).toInstant());
        clock.set(LocalDateTime.of(2027, 6, 15, 9, 0));
        submitAndCheckProof(id, "60000", List.of());

        // nothing owed: the case waits for an approver to confirm the closure
        assertThat(cases.status(id)).isEqualTo(ApplicationStatus.FUNDED);
        assertThat(cases.letterTypes(id)).endsWith("CHECK_NOTE");
        assertThatThrownBy(() -> procedure.completeAny(id, TASK_CONFIRM_CLOSURE, "pruefer2",
                Map.of("closureConfirmed", true))).hasRootCauseInstanceOf(FourEyesViolation.class)
                .rootCause().hasMessageContaining("Vier-Augen-Prinzip").hasMessageContaining("(pruefer2)");
        assertThatThrownBy(() -> procedure.completeAny(id, TASK_CONFIRM_CLOSURE, "bewilliger",
                Map.of("closureConfirmed", false))).hasRootCauseInstanceOf(FormValidationException.class);
        assertThat(cases.status(id)).isEqualTo(ApplicationStatus.FUNDED);
        assertThat(cases.letterTypes(id)).endsWith("CHECK_NOTE");
        assertThat(view(id).outcome().closureConfirmedBy()).isNull();
        assertThat(procedure.openTask(id, TASK_CONFIRM_CLOSURE)).as("still open").isNotNull();

        procedure.completeAny(id, TASK_CONFIRM_CLOSURE, "bewilliger", Map.of("closureConfirmed", true,
                "closureNote", "Prüfvermerk nachvollzogen."));
        procedure.executeAllJobs(id);

        assertThat(cases.status(id)).isEqualTo(ApplicationStatus.CLOSED);
        assertThat(cases.letterTypes(id)).endsWith("CHECK_NOTE", "CLOSING_NOTICE");
        assertThat(cases.letterTypes(id)).filteredOn("CLOSING_NOTICE"::equals).hasSize(1);
        assertThat(view(id).outcome().closureConfirmedBy()).isEqualTo("bewilliger");
        assertThat(view(id).outcome().closureNote()).isEqualTo("Prüfvermerk nachvollzogen.");
        assertThat(view(id).outcome().owed()).isEqualByComparingTo("0");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(id.toString())
                .processDefinitionKey(KEY).count()).isZero();
    }

    @Test
    void forgetsWhoActedOnAClosedFundingTenYearsAfterTheYearItClosed() {
        UUID id = funded(CaseFixtures.kommIn("Aufbewahrt", 30_000));
        payOut(id, 30_000);
        clock.set(LocalDateTime.of(2027, 4, 20, 9, 0));
        procedure.executeAllJobs(id);
        procedure.completeAny(id, TASK_SUBMIT_INTERIM_REPORT, "antrag.dortmund", interimReport());
        procedure.completeAny(id, TASK_CHECK_INTERIM_REPORT, "pruefer2", Map.of("result", "accept"));
        clock.set(LocalDateTime.of(2027, 6, 15, 9, 0));
        submitAndCheckProof(id, "60000", List.of());
        procedure.completeAny(id, TASK_CONFIRM_CLOSURE, "bewilliger", Map.of("closureConfirmed", true));
        procedure.executeAllJobs(id);
        assertThat(cases.status(id)).isEqualTo(ApplicationStatus.CLOSED);

        clock.set(LocalDateTime.of(2037, 12, 31, 9, 0));
        retention.anonymisePastRetention();
        assertThat(peopleNamed(id)).contains("antrag.dortmund", "pruefer2", "bewilliger");
        assertThat(cases.letterTypes(id)).contains("GRANT_DECISION", "CLOSING_NOTICE");

        clock.set(LocalDateTime.of(2038, 1, 1, 2, 30));
        retention.anonymisePastRetention();
        assertThat(peopleNamed(id)).doesNotContain("antrag.dortmund", "pruefer2", "bewilliger", "Anna Schäfer");
        assertThat(cases.letterTypes(id)).isEmpty();
        assertThat(view(id).paid()).isEqualByComparingTo("30000");
        assertThat(cases.status(id)).isEqualTo(ApplicationStatus.CLOSED);
    }

    /** Who created, requested, checked, released, reported and decided on the case, as our tables hold them. */
    private String peopleNamed(UUID id) {
        return jdbc.sql("""
                SELECT concat_ws('|',
                    (SELECT created_by || data::text || assessment::text FROM application WHERE id = :id),
                    (SELECT string_agg(concat_ws(',', actor, note), ',') FROM application_event
                     WHERE application_id = :id),
                    (SELECT string_agg(concat_ws(',', requested_by, checked_by, released_by), ',') FROM payment_request
                     WHERE application_id = :id),
                    (SELECT string_agg(concat_ws(',', submitted_by, checked_by), ',') FROM funding_report
                     WHERE application_id = :id),
                    (SELECT string_agg(reported_by, ',') FROM funds_usage WHERE application_id = :id))""")
                .param("id", id).query(String.class).single();
    }

    @Test
    void chasesALateReportAndRecoversWhatWasPaidBeyondTheCheckedCostsWithInterest() {
        UUID id = funded(CaseFixtures.kommIn("Mit Rückforderung", 30_000));
        payOut(id, 30_000);
        clock.set(LocalDateTime.of(2026, 6, 10, 9, 0));
        payments.reportUsage(user("antrag.dortmund"), id, new BigDecimal("20000"), LocalDate.of(2026, 6, 5));
        clock.set(LocalDateTime.of(2026, 6, 13, 9, 0));
        procedure.executeAllJobs(id);
        assertThat(cases.letterTypes(id)).endsWith("PAYOUT_NOTICE", "REMINDER");
        PaymentService.PaymentView payout = view(id).payments().get(0);
        assertThat(payout.unused()).isEqualByComparingTo("10000");
        // 10,000 from 11 Apr to 12 Jun 2026 (63 days) at 1.27 + 5 = 6.27 %: 108.2219
        assertThat(payout.interest().total()).isEqualByComparingTo("108.22");
        payments.waiveInterest(user("pruefer2"), id, 1, "Verzögerung durch Insolvenz eines Auftragnehmers");
        assertThat(view(id).payments().get(0).interestWaivedBy()).isEqualTo("pruefer2");

        clock.set(LocalDateTime.of(2027, 5, 3, 9, 0));
        procedure.executeAllJobs(id);
        assertThat(cases.letterTypes(id)).endsWith("REMINDER", "DUNNING");
        procedure.completeAny(id, TASK_CHASE_INTERIM, "pruefer2", Map.of("note", "Telefonisch angemahnt"));
        procedure.completeAny(id, TASK_SUBMIT_INTERIM_REPORT, "antrag.dortmund", interimReport());
        procedure.completeAny(id, TASK_CHECK_INTERIM_REPORT, "pruefer2", Map.of("result", "more",
                "note", "Die Übersicht der Ausgaben fehlt"));
        assertThat(cases.letterTypes(id)).endsWith("REQUEST_FOR_DOCUMENTS");
        procedure.completeAny(id, TASK_SUBMIT_INTERIM_REPORT, "antrag.dortmund", interimReport());
        procedure.completeAny(id, TASK_CHECK_INTERIM_REPORT, "pruefer2", Map.of("result", "accept"));

        clock.set(LocalDateTime.of(2027, 6, 15, 9, 0));
        submitAndCheckProof(id, "50000", List.of(Map.of("category", "gesamt", "amount", 4000,
                "reason", "Bewirtung ist nicht zuwendungsfähig")));
        // accepted 46,000 of a plan of 60,000 at a grant share of one half: 23,000; paid 30,000: 7,000 owed
        assertThat(view(id).outcome().owed()).isEqualByComparingTo("7000");
        assertThat(cases.letterTypes(id)).endsWith("CHECK_NOTE", "RECOVERY_HEARING");
        procedure.completeAny(id, TASK_RESPOND_TO_RECOVERY_HEARING, "antrag.dortmund",
                Map.of("statement", "Die Bewirtung diente der Beteiligung."));
        assertThatThrownBy(() -> procedure.completeAny(id, TASK_DECIDE_RECOVERY, "pruefer2",
                Map.of("decision", "approve"))).hasRootCauseInstanceOf(FourEyesViolation.class);
        procedure.completeAny(id, TASK_DECIDE_RECOVERY, "bewilliger", Map.of("decision", "approve"));

        assertThat(cases.status(id)).isEqualTo(ApplicationStatus.RECOVERY);
        assertThat(cases.letterTypes(id)).endsWith("RECOVERY_DECISION");
        // 7,000 from the payout on 11 Apr 2026 to 14 Jun 2027 (hypothetical test rates from 1 Jul 2026):
        // 81 days at 6.27 % / 365 = 97.40, 184 days at 6.50 % / 365 = 229.37, 165 days at 6.75 % / 365 = 213.60
        assertThat(view(id).outcome().interest()).isEqualByComparingTo("540.37");
        assertThat(view(id).outcome().payBy()).isEqualTo(LocalDate.of(2027, 7, 15));

        assertThatThrownBy(() -> procedure.completeAny(id, TASK_RECORD_REPAYMENT, "pruefer2",
                Map.of("amount", 7000, "receivedOn", "2027-06-15")))
                .hasRootCauseInstanceOf(FormValidationException.class);
        procedure.completeAny(id, TASK_RECORD_REPAYMENT, "pruefer2", Map.of("amount", new BigDecimal("7540.37"),
                "receivedOn", "2027-06-15"));
        assertThat(cases.status(id)).isEqualTo(ApplicationStatus.RECOVERY);
        assertThatThrownBy(() -> procedure.completeAny(id, TASK_CONFIRM_CLOSURE, "pruefer2",
                Map.of("closureConfirmed", true))).hasRootCauseInstanceOf(FourEyesViolation.class);
        assertThat(cases.letterTypes(id)).doesNotContain("CLOSING_NOTICE");
        procedure.completeAny(id, TASK_CONFIRM_CLOSURE, "bewilliger", Map.of("closureConfirmed", true));
        assertThat(cases.status(id)).isEqualTo(ApplicationStatus.CLOSED);
        assertThat(cases.letterTypes(id)).filteredOn("CLOSING_NOTICE"::equals).hasSize(1);
        FundingView closed = view(id);
        assertThat(closed.returned()).isEqualByComparingTo("7000");
        assertThat(closed.interestReceived()).isEqualByComparingTo("540.37");
        assertThat(closed.ledger()).extracting(FundingView.Booking::kind)
                .containsExactly("PAYOUT", "RETURN", "INTEREST");

        // what the statistics read of the funding in one statement agrees with the funding's own view
        FundingService.FundingFacts facts = funding.facts(id).orElseThrow();
        assertThat(facts.paid()).isEqualByComparingTo(closed.paid()).isEqualByComparingTo("30000");
        assertThat(facts.recovered()).as("the repayment, not its interest").isEqualByComparingTo("7000");
        assertThat(facts.firstPayoutOn()).isEqualTo(closed.ledger().get(0).bookedOn()).isNotNull();
        assertThat(facts.proofDue()).isEqualTo(jdbc.sql("SELECT proof_due FROM funding WHERE application_id = :id")
                .param("id", id).query(LocalDate.class).single()).isNotNull();
        assertThat(facts.proofCheckedOn()).isEqualTo(LocalDate.of(2027, 6, 15));
        assertThat(facts.closedOn()).isEqualTo(closed.closedOn()).isNotNull();
        assertThat(funding.facts(UUID.randomUUID())).isEmpty();
    }

    @Test
    void showsUnusedFundsWithoutAnInterestFigureWhenTheBaseRateIsNotYetKnown() {
        UUID id = funded(CaseFixtures.kommIn("Zinssatz fehlt", 20_000));
        payOut(id, 20_000);
        // the test table of base rates ends with 2028: interest up to 2029 cannot be calculated
        clock.set(LocalDateTime.of(2029, 1, 15, 9, 0));
        procedure.executeAllJobs(id);

        assertThat(cases.letterTypes(id)).contains("REMINDER");
        PaymentService.PaymentView payout = view(id).payments().get(0);
        assertThat(payout.unused()).isEqualByComparingTo("20000");
        assertThat(payout.interest()).isNull();
        assertThat(payout.interestNote()).contains("01.01.2029", "nicht hinterlegt");
    }

    @Test
    void acceptsAShiftWithinTwentyPercentAtOnceAndDecidesAnythingElseWithFourEyes() {
        java.util.Map<String, Object> data = CaseFixtures.kommIn("Mit Kostenplan", 30_000);
        data.put("costPlan", List.of(Map.of("category", "personal", "amount", 40000),
                Map.of("category", "sachkosten", "amount", 20000)));
        UUID id = funded(data);
        CurrentUser applicant = user("antrag.dortmund");

        FundingView.Change shift = changes.request(applicant, id, new ChangeInput(null, List.of(
                new PlanItem("personal", new BigDecimal("44000")), new PlanItem("sachkosten", new BigDecimal("16000"))),
                "Mehr Beratungsstunden"));
        assertThat(shift.status()).isEqualTo("ACCEPTED");
        assertThat(procedure.openTask(id, TASK_REVIEW_CHANGE)).isNull();
        assertThat(view(id).costPlan()).extracting(FundingView.PlanLine::amount)
                .containsExactly(new BigDecimal("44000"), new BigDecimal("16000"));
        assertThat(cases.letterTypes(id)).doesNotContain("CHANGE_DECISION");

        FundingView.Change beyond = changes.request(applicant, id, new ChangeInput(null, List.of(
                new PlanItem("personal", new BigDecimal("54000")), new PlanItem("sachkosten", new BigDecimal("6000"))),
                "Zusätzliche Stelle"));
        assertThat(beyond.status()).isEqualTo("PENDING");
        procedure.completeAny(id, TASK_REVIEW_CHANGE, "pruefer2", Map.of("recommendation", "approve",
                "justification", "Die Stelle trägt den Projekterfolg."));
        assertThatThrownBy(() -> procedure.completeAny(id, TASK_DECIDE_CHANGE, "pruefer2",
                Map.of("decision", "approve"))).hasRootCauseInstanceOf(FourEyesViolation.class);
        procedure.completeAny(id, TASK_DECIDE_CHANGE, "bewilliger", Map.of("decision", "approve"));
        assertThat(cases.letterTypes(id)).endsWith("CHANGE_DECISION");
        assertThat(view(id).costPlan()).extracting(FundingView.PlanLine::amount)
                .containsExactly(new BigDecimal("54000"), new BigDecimal("6000"));

        changes.request(applicant, id, new ChangeInput(LocalDate.of(2027, 8, 31), null, "Verzögerter Start"));
        procedure.completeAny(id, TASK_REVIEW_CHANGE, "pruefer2", Map.of("recommendation", "approve",
                "justification", "Verzögerung nicht zu vertreten."));
        procedure.completeAny(id, TASK_DECIDE_CHANGE, "bewilliger", Map.of("decision", "approve"));
        assertThat(view(id).periodEnd()).isEqualTo(LocalDate.of(2027, 8, 31));

        clock.set(LocalDateTime.of(2027, 4, 20, 9, 0));
        procedure.executeAllJobs(id);
        procedure.completeAny(id, TASK_SUBMIT_INTERIM_REPORT, "antrag.dortmund", interimReport());
        procedure.completeAny(id, TASK_CHECK_INTERIM_REPORT, "pruefer2", Map.of("result", "accept"));
        // six months after 31 Aug 2027 is 29 Feb 2028 (§ 188 (3) BGB, a leap year)
        assertThat(procedure.openTask(id, TASK_SUBMIT_PROOF).getDueDate().toInstant())
                .isEqualTo(LocalDate.of(2028, 2, 29).atTime(23, 59, 59).atZone(TestClock.BERLIN).toInstant());
    }

    @Test
    void refusesAPaymentRequestBeyondTheTwoMonthRuleTheGrantOrThePeriod() {
        UUID id = funded(CaseFixtures.kommIn("Abruf mit Fehlern", 30_000));
        CurrentUser applicant = user("antrag.dortmund");

        assertThat(refusal(() -> payments.request(applicant, id, request(10_000, "2026-07-20"))))
                .extracting(FieldError::field).containsExactly("amount");
        assertThat(refusal(() -> payments.request(applicant, id, request(40_000, "2026-06-05"))))
                .extracting(FieldError::message).anyMatch(m -> m.contains("höchstens 30.000,00"));
        assertThat(refusal(() -> payments.request(applicant, id, request(5_000, "2026-05-15"))))
                .extracting(FieldError::field).containsExactly("payments[0].dueOn");
        assertThat(procedure.openTask(id, TASK_CHECK_PAYMENT)).isNull();
        assertThat(view(id).payments()).isEmpty();
    }

    @Test
    void bringsTheProofOfUseForwardWhenTheProjectEndsEarlyMovingOffEasterMonday() {
        java.util.Map<String, Object> data = CaseFixtures.kommIn("Früher fertig", 20_000);
        data.put("projectEnd", "2026-11-30");
        UUID id = funded(data);
        assertThat(procedure.openTask(id, TASK_SUBMIT_PROOF).getDueDate().toInstant())
                .isEqualTo(LocalDate.of(2027, 5, 31).atTime(23, 59, 59).atZone(TestClock.BERLIN).toInstant());

        clock.set(LocalDateTime.of(2026, 10, 1, 9, 0));
        funding.declareFinished(user("antrag.dortmund"), id, LocalDate.of(2026, 9, 29));

        // six months after 29 Sep 2026 is Easter Monday, 29 Mar 2027: the proof is due on the Tuesday
        assertThat(procedure.openTask(id, TASK_SUBMIT_PROOF).getDueDate().toInstant())
                .isEqualTo(LocalDate.of(2027, 3, 30).atTime(23, 59, 59).atZone(TestClock.BERLIN).toInstant());
        assertThat(view(id).deadlines()).extracting(FundingView.Deadline::due).contains(LocalDate.of(2027, 3, 30));
    }

    @Test
    void asksForAnInterimReportWhenAnExtensionCarriesTheProjectPastAYearEnd() {
        java.util.Map<String, Object> data = CaseFixtures.kommIn("Verlängert", 20_000);
        data.put("projectEnd", "2026-11-30");
        UUID id = funded(data);
        assertThat(procedure.openTask(id, TASK_SUBMIT_PROOF)).isNotNull();

        changes.request(user("antrag.dortmund"), id, new ChangeInput(LocalDate.of(2027, 9, 30), null,
                "Die Lotsen beginnen später"));
        procedure.completeAny(id, TASK_REVIEW_CHANGE, "pruefer2", Map.of("recommendation", "approve",
                "justification", "Nicht zu vertreten."));
        procedure.completeAny(id, TASK_DECIDE_CHANGE, "bewilliger", Map.of("decision", "approve"));

        assertThat(procedure.openTask(id, TASK_SUBMIT_PROOF)).isNull();
        assertThat(procedure.openTask(id, TASK_SUBMIT_INTERIM_REPORT).getDueDate().toInstant())
                .isEqualTo(LocalDate.of(2027, 4, 30).atTime(23, 59, 59).atZone(TestClock.BERLIN).toInstant());
    }

    @Test
    void dropsAnInterimReportNoLongerNeededWhenTheProjectEndsBeforeTheYearEnd() {
        UUID id = funded(CaseFixtures.kommIn("Vor Jahresende fertig", 20_000));
        assertThat(procedure.openTask(id, TASK_SUBMIT_INTERIM_REPORT)).isNotNull();

        clock.set(LocalDateTime.of(2026, 12, 20, 9, 0));
        funding.declareFinished(user("antrag.dortmund"), id, LocalDate.of(2026, 12, 15));

        assertThat(procedure.openTask(id, TASK_SUBMIT_INTERIM_REPORT)).isNull();
        assertThat(procedure.openTask(id, TASK_SUBMIT_PROOF).getDueDate().toInstant())
                .isEqualTo(LocalDate.of(2027, 6, 15).atTime(23, 59, 59).atZone(TestClock.BERLIN).toInstant());
        assertThat(view(id).reports()).extracting(FundingView.ReportSummary::status)
                .containsExactlyInAnyOrder("NOT_REQUIRED", "DUE");
        assertThat(view(id).deadlines()).extracting(FundingView.Deadline::due)
                .containsExactly(LocalDate.of(2027, 6, 15));
    }

    private UUID funded(Map<String, Object> data) {
        UUID id = procedure.submitted("antrag.dortmund", "kommin-nrw", data);
        int amount = Integer.parseInt(data.get("requestedAmount").toString());
        procedure.complete(id, TASK_FORMAL_CHECK, "pruefer2", Map.of("complete", true));
        procedure.complete(id, TASK_REVIEW, "pruefer2", ProcedureTestSupport.approvingReview(amount));
        procedure.complete(id, TASK_DECIDE, "bewilliger", Map.of("decision", "approve"));
        clock.set(LocalDateTime.of(2026, 4, 11, 9, 0));
        procedure.executeAllJobs(id);
        assertThat(cases.status(id)).isEqualTo(ApplicationStatus.FUNDED);
        return id;
    }

    private void payOut(UUID id, int amount) {
        payments.request(user("antrag.dortmund"), id, request(amount, "2026-06-05"));
        procedure.completeAny(id, TASK_CHECK_PAYMENT, "pruefer2", Map.of("decision", "approve"));
        assertThatThrownBy(() -> procedure.completeAny(id, TASK_RELEASE_PAYMENT, "pruefer2",
                Map.of("decision", "approve"))).hasRootCauseInstanceOf(FourEyesViolation.class);
        procedure.completeAny(id, TASK_RELEASE_PAYMENT, "bewilliger", Map.of("decision", "approve"));
    }

    private void submitAndCheckProof(UUID id, String spent, List<Map<String, Object>> cuts) {
        BigDecimal total = new BigDecimal(spent);
        procedure.completeAny(id, TASK_SUBMIT_PROOF, "antrag.dortmund", Map.of(
                "sachbericht", "Das Lotsensystem arbeitet; 120 Menschen wurden begleitet.",
                "ownShare", total.subtract(new BigDecimal("30000")), "thirdPartyFunds", 0, "otherPublicFunds", 0,
                "grantUsed", 30000, "expenditure", List.of(Map.of("category", "gesamt", "amount", total))));
        procedure.executeAllJobs(id);
        if (procedure.openTask(id, TASK_SUPPLY_RECEIPTS) != null) {
            procedure.completeAny(id, TASK_SUPPLY_RECEIPTS, "antrag.dortmund",
                    Map.of("documentsSupplied", "Belegliste mit 48 Rechnungen"));
        }
        procedure.completeAny(id, TASK_CHECK_PROOF, "pruefer2", Map.of("purposeAchieved", "yes", "cuts", cuts,
                "note", "Geprüft ohne Beanstandung der Sachberichts."));
        procedure.executeAllJobs(id);
    }

    private static Map<String, Object> interimReport() {
        return Map.of("progressReport", "Lotsen geschult, erste Begleitungen.", "spentToDate", 20000,
                "receivedToDate", 30000);
    }

    private static PaymentRequestInput request(int amount, String dueOn) {
        return new PaymentRequestInput(BigDecimal.valueOf(amount), "Honorare der Lotsen",
                List.of(new DuePayment(LocalDate.parse(dueOn), BigDecimal.valueOf(amount))));
    }

    private static List<FieldError> refusal(Runnable action) {
        try {
            action.run();
        } catch (FormValidationException e) {
            return e.errors();
        }
        throw new AssertionError("expected a refusal");
    }

    private FundingView view(UUID id) {
        return funding.view(user("admin"), id);
    }

    private CurrentUser user(String name) {
        return users.find(name).orElseThrow();
    }
}
