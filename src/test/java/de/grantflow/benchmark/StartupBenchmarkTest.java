package de.grantflow.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import de.grantflow.GrantflowApplication;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7: how long the application takes to start as its own JVM until GET /actuator/health answers 200. The cold
 * start begins with an empty data folder, so it includes initdb of the embedded PostgreSQL, Flyway, the engine's
 * schema and the deployment of the models and forms; the restart finds all of that in place. Profiles test and demo,
 * durable database, the benchmark's class path. Writes target/benchmark/startup.{md,json}.
 */
@Tag("benchmark")
class StartupBenchmarkTest {

    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(300);

    @TempDir Path folder;

    @Test
    void measure() throws Exception {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("loadAverageBefore", round(loadAverage()));
        figures.put("coldStartSeconds", round(startAndStop("cold")));
        assertThat(folder.resolve("postgres")).as("the data folder the restart finds").isDirectory();
        figures.put("restartSeconds", round(startAndStop("restart")));
        figures.put("loadAverageAfter", round(loadAverage()));
        figures.put("processors", Runtime.getRuntime().availableProcessors());
        write(figures);
        assertThat((double) figures.get("coldStartSeconds")).as("figures are checked in the README, not here")
                .isPositive();
    }

    /** Seconds from launching the JVM until the health endpoint answers 200; the application is stopped after. */
    private double startAndStop(String name) throws IOException, InterruptedException {
        int port = freePort();
        Path log = Files.createDirectories(Path.of("target", "benchmark")).resolve("startup-" + name + ".log");
        long start = System.nanoTime();
        Process application = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath(), GrantflowApplication.class.getName(),
                "--spring.profiles.active=test,demo", "--server.port=" + port,
                "--grantflow.db.data-directory=" + folder.resolve("postgres"), "--grantflow.db.durable=true",
                "--grantflow.db.temporary=false", "--logging.level.root=WARN")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            // without credentials: the health endpoint is open, and a probe that signs in as a user not yet there
            // would count as failed logins and have the account locked
            HttpClient probe = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                    .timeout(Duration.ofSeconds(5)).build();
            while (true) {
                assertThat(application.isAlive()).as(() -> "the application stopped:\n" + tail(log)).isTrue();
                assertThat(System.nanoTime() - start).as("started within 300 s").isLessThan(TIMEOUT_NANOS);
                try {
                    if (probe.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return (System.nanoTime() - start) / 1e9;
                    }
                } catch (IOException notYet) {
                    // the port is not open yet
                }
                Thread.sleep(100);
            }
        } finally {
            application.destroy();
            assertThat(application.waitFor(60, TimeUnit.SECONDS)).as("stopped").isTrue();
        }
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** The benchmark's class path without repeated entries (the test runner names the classes folder twice). */
    private static String classPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).distinct()
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static double round(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    private static void write(Map<String, Object> figures) throws IOException {
        Path folder = Files.createDirectories(Path.of("target", "benchmark"));
        StringBuilder table = new StringBuilder("| figure | value |\n|---|---|\n");
        List<String> entries = new ArrayList<>();
        figures.forEach((key, value) -> {
            entries.add("  \"" + key + "\": " + value);
            table.append("| ").append(key).append(" | ").append(value).append(" |\n");
        });
        Files.writeString(folder.resolve("startup.json"), "{\n" + String.join(",\n", entries) + "\n}\n");
        Files.writeString(folder.resolve("startup.md"), table);
        System.out.println("\n" + table);
    }
}
