package de.grantflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The application in a JVM of its own, started as an operator starts it, for the tests that kill it, run two of it or
 * time its start. Its output goes to a log file whose end is shown when it stops unexpectedly.
 */
public final class ApplicationProcess {

    private final String name;
    private final int port;
    private final Path log;
    private final Process process;

    private ApplicationProcess(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /**
     * Launches the application with the tests' class path on the given port, with the JVM options a node runs with
     * (pom.xml: {@code grantflow.jvm}) followed by the given ones; the arguments and environment come on top of the
     * port, the profiles test and demo, and WARN logging.
     */
    public static ApplicationProcess start(String name, int port, Path log, List<String> jvmOptions,
            List<String> arguments, Map<String, String> environment) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.stream(System.getProperty("grantflow.jvm", "").split("\\s+"))
                .filter(option -> !option.isEmpty()).toList());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classPath(), GrantflowApplication.class.getName(),
                "--spring.profiles.active=test,demo", "--logging.level.root=WARN"));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("GRANTFLOW_PORT", Integer.toString(port));
        builder.environment().putAll(environment);
        return new ApplicationProcess(name, port, log, builder.start());
    }

    /**
     * Waits until the health endpoint answers 200, failing at once if the JVM stops. The probe sends no credentials:
     * signing in as a user the starting application does not have yet would count as failed logins and lock it.
     */
    public ApplicationProcess awaitUp(Duration atMost) {
        HttpClient probe = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).build();
        await().atMost(atMost).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100)).until(() -> {
            assertThat(process.isAlive()).as(() -> name + " stopped:\n" + tail()).isTrue();
            try {
                return probe.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException notYet) {
                return false;
            }
        });
        return this;
    }

    /** kill -9: the JVM ends at once, without shutting anything down. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** An orderly stop, as a service manager sends it. */
    public void stop() throws InterruptedException {
        process.destroy();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(name + " stopped").isTrue();
    }

    /** Stops, in order, every node of a test that still runs. */
    public static void stopAll(List<ApplicationProcess> nodes) throws InterruptedException {
        for (ApplicationProcess node : nodes) {
            if (node.isAlive()) {
                node.stop();
            }
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public ApiClient client(String username) {
        return new ApiClient(port, username, "demo");
    }

    public List<String> logLines() throws IOException {
        return Files.readAllLines(log);
    }

    private String tail() {
        try {
            List<String> lines = logLines();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The tests' class path without repeated entries (the test runner names the classes folder twice). */
    private static String classPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).distinct()
                .collect(Collectors.joining(File.pathSeparator));
    }
}
