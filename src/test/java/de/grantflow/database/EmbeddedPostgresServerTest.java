package de.grantflow.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default database is durable, and an application killed with kill -9 leaves a PostgreSQL running on its data:
 * the next start stops that server cleanly and comes up on the same data with nothing lost.
 */
class EmbeddedPostgresServerTest {

    @TempDir Path folder;

    @Test
    void runsDurableAndComesBackOnTheSameDataAfterKillMinus9() throws Exception {
        Path data = folder.resolve("postgres");
        Process application = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KilledApplication.class.getName(), data.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(application.getInputStream()))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("READY")) {
                assertThat(application.isAlive()).as("child application: " + line).isTrue();
            }
            assertThat(line).isEqualTo("READY");
        }
        application.destroyForcibly().waitFor();
        assertThat(Files.exists(data.resolve("postmaster.pid"))).as("PostgreSQL outlived its application").isTrue();

        try (EmbeddedPostgresServer restarted = EmbeddedPostgresServer.start(properties(data));
                Connection connection = DriverManager.getConnection(restarted.jdbcUrl());
                Statement sql = connection.createStatement()) {
            assertThat(setting(sql, "fsync")).isEqualTo("on");
            assertThat(setting(sql, "synchronous_commit")).isEqualTo("on");
            try (ResultSet rows = sql.executeQuery("SELECT count(*) FROM survivor")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(1000);
            }
        }
    }

    private static DatabaseProperties properties(Path data) {
        return new DatabaseProperties(null, null, null, data, 0, true, 5, false);
    }

    private static String setting(Statement sql, String name) throws Exception {
        try (ResultSet rs = sql.executeQuery("SHOW " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** An application that commits a thousand rows, says READY and waits to be killed. */
    static final class KilledApplication {

        public static void main(String[] args) throws Exception {
            EmbeddedPostgresServer server = EmbeddedPostgresServer.start(properties(Path.of(args[0])));
            try (Connection connection = DriverManager.getConnection(server.jdbcUrl());
                    Statement sql = connection.createStatement()) {
                sql.execute("CREATE TABLE survivor (id INT)");
                for (int i = 0; i < 1000; i++) {
                    sql.execute("INSERT INTO survivor VALUES (" + i + ")");
                }
            }
            System.out.println("READY");
            System.out.flush();
            System.in.read();
        }
    }
}
