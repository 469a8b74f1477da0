package de.grantflow.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the database lives. Without a URL grantflow starts its own PostgreSQL from {@code dataDirectory}.
 *
 * @param url JDBC URL of an external PostgreSQL (GRANTFLOW_DB_URL); empty for the embedded server
 * @param user user name of the external database
 * @param password password of the external database
 * @param dataDirectory folder of the embedded server's data, kept across restarts
 * @param port port of the embedded server, 0 for any free port
 * @param durable fsync and synchronous commit on (the default); off only for throwaway test databases
 * @param poolSize maximum connections in the HikariCP pool, {@value #DEFAULT_POOL_SIZE} unless configured: on two
 *     cores a closure lifecycle cost a fifth less CPU with 8 connections than with 20 (README: Configuration)
 * @param temporary delete the embedded server's data when the application stops (throwaway test databases)
 */
@ConfigurationProperties("grantflow.db")
public record DatabaseProperties(String url, String user, String password, Path dataDirectory, int port,
        Boolean durable, Integer poolSize, boolean temporary) {

    /** Four connections a core on the two cores it was measured on; the intake workers and job threads hold some. */
    public static final int DEFAULT_POOL_SIZE = 8;

    public DatabaseProperties {
        dataDirectory = dataDirectory == null ? Path.of("data", "postgres") : dataDirectory;
        durable = durable == null || durable;
        poolSize = poolSize == null ? DEFAULT_POOL_SIZE : poolSize;
    }

    boolean embedded() {
        return url == null || url.isBlank();
    }
}
