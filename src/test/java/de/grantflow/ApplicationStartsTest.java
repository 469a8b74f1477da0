package de.grantflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import de.grantflow.database.DatabaseProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
class ApplicationStartsTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    HikariDataSource pool;

    @Test
    void runsOnPostgres17() {
        String version = jdbc.sql("SHOW server_version").query(String.class).single();
        assertThat(version).startsWith("17.");
    }

    /** The pool's default size (README: Configuration), both in application.yaml and without any configuration. */
    @Test
    void holdsEightConnectionsAtMostUnlessConfigured() {
        assertThat(pool.getMaximumPoolSize()).isEqualTo(8);
        assertThat(new DatabaseProperties(null, null, null, null, 0, null, null, false).poolSize())
                .isEqualTo(DatabaseProperties.DEFAULT_POOL_SIZE).isEqualTo(8);
    }
}
