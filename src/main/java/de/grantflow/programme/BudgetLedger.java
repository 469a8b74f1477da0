package de.grantflow.programme;

import de.grantflow.money.Euro;
import java.math.BigDecimal;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Budgets per programme and year. A reservation is one conditional UPDATE, so concurrent approvals can never together
 * exceed the budget: the row lock serialises them and the condition refuses the one that no longer fits. Inside a
 * transaction the UPDATE runs just before the commit, so the programme's budget row stays locked for the commit only,
 * not for the grant letter and the engine's work that come before it (approvals of one programme otherwise queue
 * behind each other: two seconds each at 16 concurrent deciders). A refusal still rolls the whole approval back.
 */
@Component
public class BudgetLedger {

    private final JdbcClient jdbc;
    private final ProgrammeCatalog programmes;

    BudgetLedger(JdbcClient jdbc, ProgrammeCatalog programmes) {
        this.jdbc = jdbc;
        this.programmes = programmes;
    }

    /** The budgets from the descriptors; what approvals reserved stays. */
    @EventListener(ApplicationStartedEvent.class)
    void loadBudgets() {
        programmes.all().forEach(programme -> programme.calls().forEach(call -> call.budgets().forEach(
                (year, total) -> jdbc.sql("""
                        INSERT INTO programme_budget (programme_key, year, total) VALUES (:key, :year, :total)
                        ON CONFLICT (programme_key, year) DO UPDATE SET total = EXCLUDED.total""")
                        .param("key", programme.key()).param("year", year).param("total", total).update())));
    }

    public void reserve(String programmeKey, int year, BigDecimal amount) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            reserveNow(programmeKey, year, amount);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                reserveNow(programmeKey, year, amount);
            }
        });
    }

    private void reserveNow(String programmeKey, int year, BigDecimal amount) {
        int updated = jdbc.sql("""
                UPDATE programme_budget SET reserved = reserved + :amount
                WHERE programme_key = :key AND year = :year AND total - reserved >= :amount""")
                .param("amount", amount).param("key", programmeKey).param("year", year).update();
        if (updated == 0) {
            BudgetStatus status = status(programmeKey, year);
            String name = programmes.find(programmeKey).map(Programme::name).orElse(programmeKey);
            throw new BudgetExhaustedException("Das Budget " + year + " von " + name + " reicht nicht: verfügbar "
                    + Euro.format(status.remaining()) + ", benötigt " + Euro.format(amount));
        }
    }

    public void release(String programmeKey, int year, BigDecimal amount) {
        jdbc.sql("UPDATE programme_budget SET reserved = GREATEST(reserved - :amount, 0)"
                        + " WHERE programme_key = :key AND year = :year")
                .param("amount", amount).param("key", programmeKey).param("year", year).update();
    }

    public BudgetStatus status(String programmeKey, int year) {
        return jdbc.sql("SELECT total, reserved FROM programme_budget WHERE programme_key = :key AND year = :year")
                .param("key", programmeKey).param("year", year)
                .query((rs, n) -> new BudgetStatus(programmeKey, year, rs.getBigDecimal(1), rs.getBigDecimal(2)))
                .optional()
                .orElse(new BudgetStatus(programmeKey, year, BigDecimal.ZERO, BigDecimal.ZERO));
    }
}
