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

    public static void main(String... args) throws Exception {
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

    /** Reads a setting from the environment, or from a system property of the same name. */
    private static String setting(String name, String fallback) {
        String value = System.getenv(name);
        return value != null ? value : System.getProperty(name, fallback);
    }
}
