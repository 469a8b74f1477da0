package de.grantflow.benchmark;

import static de.grantflow.benchmark.BenchmarkFigures.round;
import static org.assertj.core.api.Assertions.assertThat;

import de.grantflow.ApplicationProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        BenchmarkFigures.write("startup", figures);
        assertThat((double) figures.get("coldStartSeconds")).as("figures are checked in the README, not here")
                .isPositive();
    }

    /** Seconds from launching the JVM until the health endpoint answers 200; the application is stopped after. */
    private double startAndStop(String name) throws IOException, InterruptedException {
        Path log = Files.createDirectories(Path.of("target", "benchmark")).resolve("startup-" + name + ".log");
        long start = System.nanoTime();
        ApplicationProcess application = ApplicationProcess.start(name, ApplicationProcess.freePort(), log,
                List.of(), List.of("--grantflow.db.data-directory=" + folder.resolve("postgres"),
                        "--grantflow.db.durable=true", "--grantflow.db.temporary=false"), Map.of());
        try {
            application.awaitUp(Duration.ofSeconds(300));
            return (System.nanoTime() - start) / 1e9;
        } finally {
            application.stop();
        }
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
