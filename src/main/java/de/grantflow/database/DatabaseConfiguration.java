package de.grantflow.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/** One HikariCP pool, on an external PostgreSQL when a URL is configured, otherwise on the embedded server. */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(DatabaseProperties properties) throws IOException {
        return properties.embedded() ? new EmbeddedDatabase(EmbeddedPostgresServer.start(properties))
                : new EmbeddedDatabase(null);
    }

    @Bean(destroyMethod = "close")
    @Primary
    HikariDataSource dataSource(DatabaseProperties properties, EmbeddedDatabase embedded) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("grantflow");
        if (embedded.server() != null) {
            config.setJdbcUrl(embedded.server().jdbcUrl());
        } else {
            config.setJdbcUrl(properties.url());
            config.setUsername(properties.user());
            config.setPassword(properties.password());
        }
        config.setMaximumPoolSize(properties.poolSize());
        config.setMinimumIdle(Math.min(5, properties.poolSize()));
        config.setAutoCommit(true);
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        // a statement becomes a named server-side statement on its first run instead of its fifth: the engine's
        // authorization check of a completion is 19 KB of SQL whose planning took 6 to 9 ms each time
        // (README: Configuration, prepared statements)
        config.addDataSourceProperty("prepareThreshold", "1");
        return new HikariDataSource(config);
    }

    /** Holds the embedded server, if any, so that it stops after the pool has closed. */
    record EmbeddedDatabase(EmbeddedPostgresServer server) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            if (server != null) {
                server.close();
            }
        }
    }
}
