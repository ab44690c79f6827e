package dev.convlab.platform;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged app as its own process, started as the README starts it, for tests that stop or kill it. */
public final class PackagedApp implements AutoCloseable {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

    private final Process process;

    private PackagedApp(Process process) {
        this.process = process;
    }

    /** Starts the jar on {@code port} with these environment variables and waits until it is ready. */
    public static PackagedApp start(int port, Map<String, String> environment, String logName) throws Exception {
        assertTrue(Files.exists(JAR), "package the app first: " + JAR);
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port, "-jar", JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target", logName).toFile()));
        builder.environment().remove("CONVLAB_DB_URL");
        builder.environment().putAll(environment);
        PackagedApp app = new PackagedApp(builder.start());
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            if (!app.process.isAlive()) {
                throw new IllegalStateException("the app exited with " + app.process.exitValue() + "; see target/" + logName);
            }
            if (ready(port)) {
                return app;
            }
            Thread.sleep(250);
        }
        app.close();
        throw new IllegalStateException("the app did not become ready in 120 s; see target/" + logName);
    }

    /** Kills the process at once, as {@code kill -9} does: no shutdown hooks, no goodbye to the database. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    private static boolean ready(int port) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create("http://localhost:" + port + "/q/health/ready").toURL().openConnection();
            connection.setConnectTimeout(500);
            return connection.getResponseCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
