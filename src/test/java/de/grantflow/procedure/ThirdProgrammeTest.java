package de.grantflow.procedure;

import static de.grantflow.procedure.GrantApplicationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import de.grantflow.TestClock;
import de.grantflow.application.ApplicationStatus;
import de.grantflow.application.CaseFixtures;
import de.grantflow.programme.BudgetLedger;
import de.grantflow.programme.ProgrammeCatalog;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * A programme defined only by files in src/test/resources (programmes/test-foerderung.yaml, its DMN and its form)
 * runs through the same procedure, and its budget holds under approvals in parallel.
 */
@SpringBootTest
@ActiveProfiles("test")
@TestPropertySource(properties = "camunda.bpm.job-execution.enabled=false")
class ThirdProgrammeTest {

    @Autowired ProcedureTestSupport procedure;
    @Autowired CaseFixtures cases;
    @Autowired ProgrammeCatalog programmes;
    @Autowired BudgetLedger budget;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;

    @BeforeEach
    void setUp() {
        clock.reset();
        cases.ensureUsers();
    }

    @Test
    void runsAProgrammeDefinedByFilesAlone() {
        assertThat(programmes.get("test-foerderung").financing().describe()).contains("Fehlbedarfsfinanzierung");
        UUID id = procedure.submitted("antrag.dortmund", "test-foerderung",
                CaseFixtures.common("Nachbarschaftsfest", 5_000));
        procedure.complete(id, TASK_FORMAL_CHECK, "pruefer", Map.of("complete", true));
        procedure.complete(id, TASK_REVIEW, "pruefer", ProcedureTestSupport.approvingReview(5_000));
        procedure.complete(id, TASK_DECIDE, "bewilliger", Map.of("decision", "approve"));

        assertThat(cases.status(id)).isEqualTo(ApplicationStatus.APPROVED);
        assertThat(cases.letterTypes(id)).containsExactly("RECEIPT", "GRANT_DECISION");
        assertThat(jdbc.sql("SELECT rule_id FROM decision_record WHERE application_id = :id"
                        + " AND decision_key = 'test-foerderung-eligibility'")
                .param("id", id).query(String.class).single()).isEqualTo("Rule_KreisfreieStadt");
        assertThat(jdbc.sql("SELECT outputs ->> 'maxFundable' FROM decision_record WHERE application_id = :id"
                        + " AND decision_key = 'grant-amount'")
                .param("id", id).query(String.class).single()).startsWith("7500");
    }

    @Test
    void approvalsInParallelNeverExceedTheBudget() throws Exception {
        cases.setBudget("test-foerderung", 2026, new BigDecimal("50000"));
        List<UUID> decidable = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            UUID id = procedure.submitted("antrag.dortmund", "test-foerderung",
                    CaseFixtures.common("Parallel " + i, 15_000));
            procedure.complete(id, TASK_FORMAL_CHECK, "pruefer", Map.of("complete", true));
            procedure.complete(id, TASK_REVIEW, "pruefer", ProcedureTestSupport.approvingReview(15_000));
            decidable.add(id);
        }

        ExecutorService pool = Executors.newFixedThreadPool(5);
        List<Future<Boolean>> results = new ArrayList<>();
        for (UUID id : decidable) {
            Callable<Boolean> approve = () -> {
                try {
                    procedure.complete(id, TASK_DECIDE, "bewilliger", Map.of("decision", "approve"));
                    return true;
                } catch (RuntimeException refused) {
                    assertThat(refused).hasStackTraceContaining("Budget");
                    return false;
                }
            };
            results.add(pool.submit(approve));
        }
        int approved = 0;
        for (Future<Boolean> result : results) {
            approved += result.get() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(approved).isEqualTo(3);
        assertThat(budget.status("test-foerderung", 2026).reserved()).isEqualByComparingTo("45000");
        assertThat(decidable.stream().filter(id -> cases.status(id) == ApplicationStatus.APPROVED).count())
                .isEqualTo(3);
        assertThat(decidable.stream().filter(id -> cases.status(id) == ApplicationStatus.IN_REVIEW).count())
                .isEqualTo(2);
    }
}
