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
    private final int managementPort;

    private PackagedApp(Process process, int managementPort) {
        this.process = process;
        this.managementPort = managementPort;
    }

    /**
     * Starts the jar on {@code port} with these environment variables and waits until it is ready. Its management
     * interface (health, metrics) listens on a free port of its own: tests run in parallel on this machine.
     */
    public static PackagedApp start(int port, Map<String, String> environment, String logName) throws Exception {
        assertTrue(Files.exists(JAR), "package the app first: " + JAR);
        int managementPort = freePort();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port, "-Dquarkus.management.port=" + managementPort, "-jar", JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target", logName).toFile()));
        builder.environment().remove("CONVLAB_DB_URL");
        builder.environment().putAll(environment);
        PackagedApp app = new PackagedApp(builder.start(), managementPort);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
        while (Instant.now().isBefore(deadline)) {
            if (!app.process.isAlive()) {
                throw new IllegalStateException("the app exited with " + app.process.exitValue() + "; see target/" + logName);
            }
            if (ready(managementPort)) {
                return app;
            }
            Thread.sleep(250);
        }
        app.close();
        throw new IllegalStateException("the app did not become ready in 180 s; see target/" + logName);
    }

    /** The address of {@code path} (such as {@code /q/health/ready}) on the app's management interface. */
    public String management(String path) {
        return "http://localhost:" + managementPort + path;
    }

    /** Runs the jar as a command ({@code backup <file>}, {@code restore <file>}) and returns its exit code. */
    public static int command(Map<String, String> environment, String logName, String... arguments) throws Exception {
        assertTrue(Files.exists(JAR), "package the app first: " + JAR);
        java.util.List<String> commandLine = new java.util.ArrayList<>(java.util.List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        commandLine.addAll(java.util.List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(commandLine).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target", logName).toFile()));
        builder.environment().remove("CONVLAB_DB_URL");
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("java -jar " + String.join(" ", arguments) + " took over 180 s; see target/" + logName);
        }
        return process.exitValue();
    }

    /** A connection to the embedded PostgreSQL running on {@code dataDirectory}, at the port its lock file names. */
    public static java.sql.Connection embeddedDatabase(Path dataDirectory) throws Exception {
        String port = Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(3).trim();
        return java.sql.DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
    }

    /** The first column of the first row a query returns, as text. */
    public static String scalar(java.sql.Connection connection, String sql) throws Exception {
        try (var statement = connection.createStatement(); var result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }

    /** Sends SIGTERM, as Kubernetes, systemd or Ctrl-C stop the app, and returns its exit code once it has exited. */
    public int terminate() throws InterruptedException {
        process.destroy();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the app did not exit within 60 s of SIGTERM");
        return process.exitValue();
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
