package de.grantflow.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pool's connections prepare a statement on the server at its first run (README: Configuration). */
class DatabaseConfigurationTest {

    @TempDir Path folder;

    @Test
    void aStatementIsPreparedOnTheServerAtItsFirstRun() throws Exception {
        DatabaseConfiguration configuration = new DatabaseConfiguration();
        DatabaseProperties properties = new DatabaseProperties(null, null, null, folder.resolve("postgres"), 0, false,
                2, true);
        try (DatabaseConfiguration.EmbeddedDatabase embedded = configuration.embeddedDatabase(properties);
                HikariDataSource pool = configuration.dataSource(properties, embedded);
                Connection connection = pool.getConnection()) {
            try (PreparedStatement once = connection.prepareStatement("SELECT ?::int + 1")) {
                once.setInt(1, 41);
                try (ResultSet rows = once.executeQuery()) {
                    rows.next();
                    assertThat(rows.getInt(1)).isEqualTo(42);
                }
            }
            try (PreparedStatement prepared = connection.prepareStatement(
                    "SELECT count(*) FROM pg_prepared_statements WHERE statement = 'SELECT $1::int + 1'");
                    ResultSet rows = prepared.executeQuery()) {
                rows.next();
                assertThat(rows.getInt(1)).as("named server-side statements after one run").isEqualTo(1);
            }
        }
    }
}
