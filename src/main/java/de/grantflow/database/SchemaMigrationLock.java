package de.grantflow.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/**
 * One node at a time migrates our tables. Flyway locks its migrations, but not the first creation of its history
 * table: two nodes starting together on a database that held only the engine's tables both set out to create and
 * baseline it, and the second failed ("Unable to baseline schema history table … as it already exists, and is
 * empty"; seen once in ClusterTest). A PostgreSQL advisory lock around the whole migration makes the second node
 * wait and then find the history complete.
 */
@Component
class SchemaMigrationLock implements FlywayMigrationStrategy {

    /** "flyway" in ASCII; the engine's schema lock and the audit chain's sealer use other keys. */
    private static final long LOCK = 0x666c79776179L;

    private final DataSource dataSource;

    SchemaMigrationLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void migrate(Flyway flyway) {
        try (Connection holder = dataSource.getConnection(); Statement statement = holder.createStatement()) {
            statement.execute("SELECT pg_advisory_lock(" + LOCK + ")");
            try {
                flyway.migrate();
            } finally {
                // a connection that fails here is broken: the pool discards it, and its session ends with the lock
                statement.execute("SELECT pg_advisory_unlock(" + LOCK + ")");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Sperre für die Migration der Datenbank nicht erhalten oder freigegeben",
                    e);
        }
    }
}
