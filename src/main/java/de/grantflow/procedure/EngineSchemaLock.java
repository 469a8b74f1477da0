package de.grantflow.procedure;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.util.SpringBootProcessEnginePlugin;
import org.springframework.stereotype.Component;

/**
 * One node at a time builds its process engine. The engine creates or updates its tables while it is built and has no
 * lock of its own for that: two nodes starting together on an empty database both found no tables and both created
 * them, and the second start failed (duplicate key on act_ge_property). A PostgreSQL advisory lock, held from before
 * the engine's configuration until the engine is built, makes the second node wait and then find the tables.
 */
@Component
class EngineSchemaLock extends SpringBootProcessEnginePlugin {

    /** "engine" in ASCII; the audit chain's sealer uses another key. */
    private static final long LOCK = 0x656e67696e65L;

    private final DataSource dataSource;
    private Connection holder;

    EngineSchemaLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void preInit(SpringProcessEngineConfiguration configuration) {
        try {
            holder = dataSource.getConnection();
            holder.setAutoCommit(true);
            try (Statement statement = holder.createStatement()) {
                statement.execute("SELECT pg_advisory_lock(" + LOCK + ")");
            }
        } catch (SQLException e) {
            release();
            throw new IllegalStateException("Sperre für den Aufbau der Prozess-Engine nicht erhalten", e);
        }
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        release();
    }

    private void release() {
        if (holder == null) {
            return;
        }
        try (Connection connection = holder; Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_advisory_unlock(" + LOCK + ")");
        } catch (SQLException e) {
            // a connection that fails here is broken: the pool discards it, and its session ends with the lock
            throw new IllegalStateException("Sperre für den Aufbau der Prozess-Engine nicht freigegeben", e);
        } finally {
            holder = null;
        }
    }
}
