package de.grantflow;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One durable PostgreSQL for several grantflow nodes, with a database and user of its own as an operator would create
 * them: what the nodes of a cluster share through GRANTFLOW_DB_URL, GRANTFLOW_DB_USER and GRANTFLOW_DB_PASSWORD.
 */
public final class SharedPostgres implements AutoCloseable {

    public static final String USER = "grantflow";
    public static final String PASSWORD = "cluster-test-secret";

    private final EmbeddedPostgres postgres;
    private final JdbcClient jdbc;

    private SharedPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
        JdbcClient admin = JdbcClient.create(postgres.getPostgresDatabase());
        admin.sql("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'").update();
        admin.sql("CREATE DATABASE grantflow OWNER " + USER).update();
        this.jdbc = JdbcClient.create(postgres.getDatabase(USER, "grantflow"));
    }

    /** Starts it in the folder, empty; the library's defaults are fsync and synchronous commit off. */
    public static SharedPostgres start(Path folder) throws IOException {
        return new SharedPostgres(EmbeddedPostgres.builder()
                .setDataDirectory(folder)
                .setCleanDataDirectory(true)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "200")
                .start());
    }

    public String url() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/grantflow";
    }

    /** The nodes' database, as the nodes' user. */
    public JdbcClient jdbc() {
        return jdbc;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
