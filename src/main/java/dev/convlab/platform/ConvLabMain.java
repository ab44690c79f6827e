package dev.convlab.platform;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import org.jboss.logging.Logger;

/**
 * Starts ConvLab. Without {@code CONVLAB_DB_URL} it first starts an embedded PostgreSQL whose data lives in
 * {@code CONVLAB_DATA_DIR} (default {@code data/postgres}), so the app runs on a machine with only Java.
 * {@code backup <file>} and {@code restore <file>} copy that database (or the one at {@code CONVLAB_DB_URL}) instead.
 */
@QuarkusMain
public class ConvLabMain {

    private static final Logger LOG = Logger.getLogger(ConvLabMain.class);

    public static void main(String... args) throws Exception {
        if (args.length == 2 && (args[0].equals("backup") || args[0].equals("restore"))) {
            copyDatabase(args[0], Path.of(args[1]).toAbsolutePath());
        } else if (setting("CONVLAB_DB_URL", "").isBlank()) {
            runOnEmbeddedDatabase(args);
        } else {
            Quarkus.run(args);
        }
    }

    /**
     * Runs ConvLab on its embedded PostgreSQL and stops that server only after Quarkus has stopped (training workers
     * drained, datasource closed). On SIGTERM the JVM runs its shutdown hooks at once: Quarkus's stops the app, and
     * ours holds the JVM until this thread, back from {@code Quarkus.run}, has stopped the database.
     */
    private static void runOnEmbeddedDatabase(String... args) throws Exception {
        Path dataDirectory = dataDirectory();
        CountDownLatch databaseStopped = new CountDownLatch(1);
        AtomicInteger exitCode = new AtomicInteger();
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDirectory, EmbeddedDatabase.Durability.ON_DISK)) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> awaitQuietly(databaseStopped), "embedded-postgres-stop"));
            LOG.infof("Embedded PostgreSQL started on %s with its data in %s", database.jdbcUrl(), dataDirectory);
            System.setProperty("quarkus.datasource.jdbc.url", database.jdbcUrl());
            System.setProperty("quarkus.datasource.username", database.username());
            System.setProperty("quarkus.datasource.password", "");
            // Quarkus's default exit handler calls System.exit, which never returns during a SIGTERM; with a handler of
            // our own, Quarkus leaves reporting a failed start to it.
            Quarkus.run(null, (code, failure) -> {
                exitCode.set(code);
                if (failure != null) {
                    LOG.error("ConvLab failed to start", failure);
                }
            }, args);
        } finally {
            databaseStopped.countDown();
        }
        System.exit(exitCode.get());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Backs up to, or restores from, {@code file}. Backup reads a running embedded server where its lock file says it
     * listens (or starts one on the data directory); restore starts one on a new data directory (restore refuses a
     * database that already holds tables).
     */
    private static void copyDatabase(String command, Path file) throws Exception {
        java.util.logging.Logger.getLogger("").setLevel(Level.WARNING); // a command's output, not a server's log
        boolean backup = command.equals("backup");
        String url = setting("CONVLAB_DB_URL", "");
        if (!url.isBlank()) {
            try (Connection connection = DriverManager.getConnection(url, setting("CONVLAB_DB_USER", "postgres"), setting("CONVLAB_DB_PASSWORD", ""))) {
                report(command, file, backup ? DatabaseBackup.backup(connection, file) : DatabaseBackup.restore(connection, file));
            }
            return;
        }
        Path dataDirectory = dataDirectory();
        Integer runningPort = backup ? runningServerPort(dataDirectory) : null;
        if (runningPort != null) {
            try (Connection connection = DriverManager.getConnection("jdbc:postgresql://localhost:" + runningPort + "/postgres", "postgres", "")) {
                report(command, file, DatabaseBackup.backup(connection, file));
            }
            return;
        }
        if (backup && !Files.isDirectory(dataDirectory)) {
            throw new IOException("no ConvLab database in " + dataDirectory);
        }
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDirectory, EmbeddedDatabase.Durability.ON_DISK);
                Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), "")) {
            report(command, file, backup ? DatabaseBackup.backup(connection, file) : DatabaseBackup.restore(connection, file));
        }
    }

    /** The port of the PostgreSQL running on this data directory, from its lock file; null when none runs. */
    private static Integer runningServerPort(Path dataDirectory) throws IOException {
        List<String> lines = OrphanedServer.lockFileLines(dataDirectory);
        boolean running = lines.size() >= 4 && ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
                .filter(process -> OrphanedServer.isServerOf(process, dataDirectory)).isPresent();
        return running ? Integer.valueOf(lines.get(3).trim()) : null;
    }

    private static void report(String command, Path file, Map<String, Long> rows) {
        System.out.printf("%s %s: %s rows per table%n", command.equals("backup") ? "Backed up to" : "Restored from", file, rows);
    }

    private static Path dataDirectory() {
        return Path.of(setting("CONVLAB_DATA_DIR", "data/postgres")).toAbsolutePath();
    }

    /** Reads a setting from the environment, or from a system property of the same name. */
    private static String setting(String name, String fallback) {
        String value = System.getenv(name);
        return value != null ? value : System.getProperty(name, fallback);
    }
}
