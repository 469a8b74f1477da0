package de.grantflow.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nodes that start together on a database holding only the engine's tables migrate ours one after the other, with
 * the application's Flyway settings: a node waits while another holds the migration's lock, then finds its history.
 * Each node has a pool of 3 connections, the fewest it migrates with: the lock's, and Flyway's two.
 */
class SchemaMigrationLockTest {

    /** As SchemaMigrationLock's key: "flyway" in ASCII. */
    private static final long LOCK = 0x666c79776179L;

    @TempDir Path folder;

    @Test
    void aNodeWaitsWhileAnotherMigratesAndThenFindsTheHistoryComplete() throws Exception {
        DatabaseConfiguration configuration = new DatabaseConfiguration();
        DatabaseProperties properties = new DatabaseProperties(null, null, null, folder.resolve("postgres"), 0, false,
                3, true);
        try (DatabaseConfiguration.EmbeddedDatabase embedded = configuration.embeddedDatabase(properties);
                HikariDataSource first = configuration.dataSource(properties, embedded);
                HikariDataSource second = configuration.dataSource(properties, embedded)) {
            try (Connection connection = first.getConnection(); Statement statement = connection.createStatement()) {
                // the engine's tables, created first by one of the nodes: the schema is not empty for Flyway
                statement.execute("CREATE TABLE act_ge_property (name_ VARCHAR(64) PRIMARY KEY)");
            }

            List<CompletableFuture<Void>> nodes = new ArrayList<>();
            try (Connection other = first.getConnection(); Statement holding = other.createStatement()) {
                // a node in the middle of its migration
                holding.execute("SELECT pg_advisory_lock(" + LOCK + ")");
                for (HikariDataSource node : List.of(first, second)) {
                    nodes.add(CompletableFuture.runAsync(() -> new SchemaMigrationLock(node)
                            .migrate(asTheApplicationConfiguresIt(node))));
                }
                // for a whole second both wait for the lock and touch nothing
                await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> nodes.stream()
                        .noneMatch(CompletableFuture::isDone) && !exists(second, "grantflow_schema_history"));
                holding.execute("SELECT pg_advisory_unlock(" + LOCK + ")");
            }
            CompletableFuture.allOf(nodes.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

            try (Connection connection = second.getConnection(); Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT count(*) FILTER (WHERE type = 'BASELINE'),"
                            + " count(*) FILTER (WHERE success), count(*) FROM grantflow_schema_history")) {
                rows.next();
                assertThat(rows.getInt(1)).as("one baseline").isOne();
                assertThat(rows.getInt(2)).as("every row a success").isEqualTo(rows.getInt(3));
                assertThat(rows.getInt(3)).as("the baseline and each migration once")
                        .isEqualTo(asTheApplicationConfiguresIt(second).info().applied().length);
            }
            assertThat(asTheApplicationConfiguresIt(first).info().pending()).isEmpty();
        }
    }

    /** As spring.flyway in application.yaml. */
    private static Flyway asTheApplicationConfiguresIt(HikariDataSource pool) {
        return Flyway.configure().dataSource(pool).locations("classpath:db/migration")
                .table("grantflow_schema_history").baselineOnMigrate(true).baselineVersion("0").load();
    }

    private static boolean exists(HikariDataSource pool, String table) throws Exception {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT to_regclass('" + table + "') IS NOT NULL")) {
            rows.next();
            return rows.getBoolean(1);
        }
    }
}
