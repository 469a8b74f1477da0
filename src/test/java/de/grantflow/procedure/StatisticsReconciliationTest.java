package de.grantflow.procedure;

import static de.grantflow.procedure.GrantApplicationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import de.grantflow.TestClock;
import de.grantflow.application.ApplicationStatus;
import de.grantflow.application.CaseFixtures;
import de.grantflow.funding.PaymentService;
import de.grantflow.funding.PaymentService.DuePayment;
import de.grantflow.funding.PaymentService.PaymentRequestInput;
import de.grantflow.programme.ProgrammeCatalog;
import de.grantflow.security.CurrentUsers;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * The statistics read model against the cases themselves: cases walk through the process to every outcome, then the
 * figures the API reports are compared with what the case and ledger tables say.
 */
@SpringBootTest
@ActiveProfiles("test")
@TestPropertySource(properties = "camunda.bpm.job-execution.enabled=false")
class StatisticsReconciliationTest {

    @Autowired ProcedureTestSupport procedure;
    @Autowired CaseFixtures cases;
    @Autowired TestClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired PaymentService payments;
    @Autowired CurrentUsers users;
    @Autowired ProgrammeCatalog programmes;
    @Autowired de.grantflow.statistics.StatisticsTestAccess statistics;

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
    void theFiguresAgreeWithTheCasesAfterEveryKindOfOutcome() {
        UUID funded = submitted("antrag.dortmund", "Gefördert", 30_000);
        approve(funded, 30_000);
        UUID partly = submitted("antrag.duisburg", "Teilweise", 20_000);
        procedure.complete(partly, TASK_FORMAL_CHECK, "pruefer", Map.of("complete", true));
        procedure.complete(partly, TASK_REVIEW, "pruefer", Map.of("score", 20, "recommendation", "reject",
                "proposedAmount", 0, "justification", "Kein Konzept."));
        procedure.complete(partly, TASK_DECIDE, "bewilliger", Map.of("decision", "reject"));
        procedure.complete(partly, TASK_RESPOND_TO_HEARING, "antrag.duisburg", Map.of());
        procedure.complete(partly, TASK_FINAL_DECISION, "bewilliger", Map.of("decision", "reject"));
        UUID withdrawn = submitted("antrag.muenster", "Zurückgenommen", 10_000);
        cases.withdraw("antrag.muenster", withdrawn);
        UUID lapsed = submitted("antrag.dortmund", "Erledigt", 10_000);
        procedure.complete(lapsed, TASK_FORMAL_CHECK, "pruefer", Map.of("complete", false,
                "missingDocuments", "Ratsbeschluss"));
        UUID pending = submitted("antrag.duisburg", "In Prüfung", 15_000);
        procedure.complete(pending, TASK_FORMAL_CHECK, "pruefer", Map.of("complete", true));
        cases.draft("antrag.muenster", "kommin-nrw", CaseFixtures.kommIn("Nur ein Entwurf", 5_000));

        clock.advance(Duration.ofDays(40));
        procedure.executeAllJobs(funded);
        procedure.executeAllJobs(lapsed);
        assertThat(cases.status(lapsed)).isEqualTo(ApplicationStatus.LAPSED);
        assertThat(cases.status(funded)).isEqualTo(ApplicationStatus.FUNDED);
        payments.request(users.find("antrag.dortmund").orElseThrow(), funded, new PaymentRequestInput(
                new BigDecimal("12000"), "Honorare", List.of(new DuePayment(LocalDate.of(2026, 6, 5),
                        new BigDecimal("12000")))));
        procedure.completeAny(funded, FundingProcess.TASK_CHECK_PAYMENT, "pruefer", Map.of("decision", "approve"));
        procedure.completeAny(funded, FundingProcess.TASK_RELEASE_PAYMENT, "bewilliger",
                Map.of("decision", "approve"));
        assertThat(cases.status(pending)).isEqualTo(ApplicationStatus.IN_REVIEW);

        var figures = statistics.of(programmes.get("kommin-nrw"), 2026, 2026);
        var year = figures.years().get(0);
        String inYear = "programme_key = 'kommin-nrw' AND EXTRACT(YEAR FROM submitted_at AT TIME ZONE 'Europe/Berlin')"
                + " = 2026";
        assertThat(year.applications()).isEqualTo(count("SELECT COUNT(*) FROM application WHERE " + inYear));
        assertThat(year.approved()).isEqualTo(count("SELECT COUNT(*) FROM application WHERE " + inYear
                + " AND status IN ('APPROVED', 'FUNDED', 'RECOVERY', 'CLOSED')"));
        assertThat(year.rejected()).isEqualTo(count("SELECT COUNT(*) FROM application WHERE " + inYear
                + " AND status = 'REJECTED'"));
        assertThat(year.withdrawn()).isEqualTo(count("SELECT COUNT(*) FROM application WHERE " + inYear
                + " AND status = 'WITHDRAWN'"));
        assertThat(year.lapsed()).isEqualTo(count("SELECT COUNT(*) FROM application WHERE " + inYear
                + " AND status = 'LAPSED'"));
        assertThat(year.eligible()).isEqualTo(count("SELECT COUNT(*) FROM application WHERE " + inYear
                + " AND assessment->>'eligible' = 'true'"));
        assertThat(year.municipalities()).isEqualTo(count("SELECT COUNT(DISTINCT municipality_ags) FROM application"
                + " WHERE " + inYear));
        assertThat(year.municipalitiesFunded()).isEqualTo(count("SELECT COUNT(DISTINCT municipality_ags) FROM"
                + " application WHERE " + inYear + " AND status IN ('APPROVED', 'FUNDED', 'RECOVERY', 'CLOSED')"));
        assertThat(year.granted()).isEqualByComparingTo(amount("SELECT COALESCE(SUM(granted_amount), 0) FROM"
                + " application WHERE " + inYear + " AND status IN ('APPROVED', 'FUNDED', 'RECOVERY', 'CLOSED')"));
        assertThat(year.requested()).isEqualByComparingTo(amount("SELECT COALESCE(SUM((data->>'requestedAmount')"
                + "::numeric), 0) FROM application WHERE " + inYear));
        assertThat(year.paid()).isEqualByComparingTo(amount("SELECT COALESCE(SUM(l.amount), 0) FROM funding_ledger l"
                + " JOIN application a ON a.id = l.application_id WHERE l.kind = 'PAYOUT' AND a." + inYear));
        assertThat(year.paid()).isGreaterThanOrEqualTo(new BigDecimal("12000"));
        assertThat(figures.totals().municipalitiesDistinct()).isEqualTo(year.municipalities());
        assertThat(figures.durations().get("submissionToDecision").cases()).isEqualTo(count(
                "SELECT COUNT(*) FROM application WHERE " + inYear + " AND decided_at IS NOT NULL"));
        assertThat(figures.openWork().byStage().get("IN_REVIEW")).isEqualTo(count(
                "SELECT COUNT(*) FROM application WHERE programme_key = 'kommin-nrw' AND status = 'IN_REVIEW'"));
        assertThat(figures.breakdowns().get("regierungsbezirk")).extracting(b -> b.value())
                .contains("Arnsberg", "Düsseldorf", "Münster");

        // the aggregates kept by deltas are exactly those rebuilt from the case rows
        String byDeltas = statistics.aggregates("kommin-nrw");
        statistics.rebuild("kommin-nrw");
        assertThat(statistics.aggregates("kommin-nrw")).isEqualTo(byDeltas).isNotBlank();
    }

    private UUID submitted(String user, String title, int amount) {
        return procedure.submitted(user, "kommin-nrw", CaseFixtures.kommIn(title, amount));
    }

    private void approve(UUID id, int amount) {
        procedure.complete(id, TASK_FORMAL_CHECK, "pruefer", Map.of("complete", true));
        procedure.complete(id, TASK_REVIEW, "pruefer", ProcedureTestSupport.approvingReview(amount));
        procedure.complete(id, TASK_DECIDE, "bewilliger", Map.of("decision", "approve"));
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private BigDecimal amount(String sql) {
        return jdbc.sql(sql).query(BigDecimal.class).single();
    }
}
