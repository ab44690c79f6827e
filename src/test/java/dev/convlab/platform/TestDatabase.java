package dev.convlab.platform;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The database every test runs against: a fresh embedded PostgreSQL, or the server named by
 * {@code CONVLAB_TEST_DB_URL} (with {@code CONVLAB_TEST_DB_USER}), which should be an empty database.
 */
public class TestDatabase implements QuarkusTestResourceLifecycleManager {

    private EmbeddedDatabase database;

    @Override
    public Map<String, String> start() {
        String external = System.getenv("CONVLAB_TEST_DB_URL");
        if (external != null && !external.isBlank()) {
            return Map.of("quarkus.datasource.jdbc.url", external,
                    "quarkus.datasource.username", System.getenv().getOrDefault("CONVLAB_TEST_DB_USER", "postgres"),
                    "quarkus.datasource.password", System.getenv().getOrDefault("CONVLAB_TEST_DB_PASSWORD", ""));
        }
        try {
            // A throw-away database: the tests choose speed over surviving a power cut.
            database = EmbeddedDatabase.start(Files.createTempDirectory("convlab-test-db"), EmbeddedDatabase.Durability.FAST_FOR_TESTS);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded test database", e);
        }
        return Map.of("quarkus.datasource.jdbc.url", database.jdbcUrl(),
                "quarkus.datasource.username", database.username(),
                "quarkus.datasource.password", "");
    }

    @Override
    public void stop() {
        if (database != null) {
            try {
                database.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
