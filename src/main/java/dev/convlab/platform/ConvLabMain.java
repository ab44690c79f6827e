package dev.convlab.platform;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/**
 * Starts ConvLab. Without {@code CONVLAB_DB_URL} it first starts an embedded PostgreSQL whose data lives in
 * {@code CONVLAB_DATA_DIR} (default {@code data/postgres}), so the app runs on a machine with only Java.
 */
@QuarkusMain
public class ConvLabMain {

    private static final Logger LOG = Logger.getLogger(ConvLabMain.class);
    private static final String MAX_WORKER_THREADS = "quarkus.thread-pool.max-threads";

    public static void main(String... args) throws Exception {
        capWorkerThreads();
        if (setting("CONVLAB_DB_URL", "") .isBlank()) {
            Path dataDirectory = Path.of(setting("CONVLAB_DATA_DIR", "data/postgres")).toAbsolutePath();
            try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDirectory)) {
                LOG.infof("Embedded PostgreSQL started on %s with its data in %s", database.jdbcUrl(), dataDirectory);
                System.setProperty("quarkus.datasource.jdbc.url", database.jdbcUrl());
                System.setProperty("quarkus.datasource.username", database.username());
                System.setProperty("quarkus.datasource.password", "");
                Quarkus.run(args);
            }
        } else {
            Quarkus.run(args);
        }
    }

    /**
     * Quarkus allows at least 200 worker threads; convolutions are CPU work, and on 2 cores that many threads only
     * switch between each other (bench/run: 16 threads served 27% more requests at 64 connections, with a lower p99).
     * Eight per core, as Quarkus itself scales it, unless the operator set a number in the environment or as a system
     * property (a number in a config file would be overridden by this default).
     */
    private static void capWorkerThreads() {
        if (setting("QUARKUS_THREAD_POOL_MAX_THREADS", "").isBlank() && System.getProperty(MAX_WORKER_THREADS) == null) {
            System.setProperty(MAX_WORKER_THREADS, String.valueOf(8 * Runtime.getRuntime().availableProcessors()));
        }
    }

    /** Reads a setting from the environment, or from a system property of the same name. */
    private static String setting(String name, String fallback) {
        String value = System.getenv(name);
        return value != null ? value : System.getProperty(name, fallback);
    }
}
