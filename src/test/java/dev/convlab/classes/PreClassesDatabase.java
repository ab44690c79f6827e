package dev.convlab.classes;

import dev.convlab.platform.EmbeddedDatabase;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.flywaydb.core.Flyway;

/**
 * A database as ConvLab left it before classes: migrated to V12 by Flyway and holding an instructor, two learners,
 * a published step with their progress and answers, a saved kernel and runs. The app under test migrates it on.
 */
public class PreClassesDatabase implements QuarkusTestResourceLifecycleManager {

    static final String PASSWORD = "pre-classes-password";

    private EmbeddedDatabase database;

    @Override
    public Map<String, String> start() {
        try {
            database = EmbeddedDatabase.start(Files.createTempDirectory("convlab-pre-classes-db"), EmbeddedDatabase.Durability.FAST_FOR_TESTS);
            Flyway.configure().dataSource(database.jdbcUrl(), database.username(), "").locations("classpath:db/migration").target("12")
                    .load().migrate();
            seed();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded test database", e);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot seed the pre-classes database", e);
        }
        return Map.of("quarkus.datasource.jdbc.url", database.jdbcUrl(),
                "quarkus.datasource.username", database.username(),
                "quarkus.datasource.password", "");
    }

    /** Ids far above the sequences', so that the app's own rows never meet them. */
    private void seed() throws SQLException {
        String hash = BcryptUtil.bcryptHash(PASSWORD);
        String settings = """
                '{"dataset":"mnist","downsampling":"%s","kernelSize":3,"channels":[4,8,16,16],"batchNorm":false,"head":"FLATTEN",
                  "optimizer":"SGD","learningRate":0.4,"batchSize":256,"epochs":17,"seed":%d}'""";
        String result = """
                '{"testAccuracy":%s,"testLoss":0.4,"parameters":5274,"trainingSeconds":3,"imagesPerSecond":30000,"device":"cpu"}'""";
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), "");
                Statement sql = connection.createStatement()) {
            sql.execute("""
                    insert into account (id, email, display_name, password_hash, role, created_at) values
                      (1000001, 'instructor@convlab.test', 'Instructor', '%1$s', 'instructor', '2026-01-01T00:00:00Z'),
                      (1000002, 'ada@pre.test', 'Ada Pre', '%1$s', 'student', '2026-01-02T00:00:00Z'),
                      (1000003, 'bo@pre.test', 'Bo Pre', '%1$s', 'student', '2026-01-03T00:00:00Z')""".formatted(hash));
            sql.execute("""
                    insert into step (id, slug, position, title) values (1000001, 'pre-classes-step', 990, 'Before classes');
                    insert into step_revision (id, step_id, number, title, position, markdown, exercises, source_sha256, published_at)
                      values (1000001, 1000001, 1, 'Before classes', 990, 'Count.', '[{"key":"sum"}]', 'seeded', now());
                    update step set published_revision_id = 1000001 where id = 1000001;
                    insert into step_progress (account_id, step_id, visited_at, completed_at) values
                      (1000002, 1000001, '2026-02-01T10:00:00Z', '2026-02-01T10:05:00Z'),
                      (1000003, 1000001, '2026-02-01T11:00:00Z', null);
                    insert into exercise_attempt (account_id, step_id, exercise_key, answer, correct, created_at) values
                      (1000002, 1000001, 'sum', '3', false, '2026-02-01T10:01:00Z'),
                      (1000002, 1000001, 'sum', '2', true, '2026-02-01T10:02:00Z'),
                      (1000003, 1000001, 'sum', '3', false, '2026-02-01T11:01:00Z');
                    insert into saved_kernel (account_id, name, weights) values (1000002, 'edge', '[[[1]]]');
                    """);
            sql.execute(("""
                    insert into training_run (account_id, dataset, settings, state, result, outcome, epochs_done, started_at, finished_at) values
                      (1000002, 'mnist', %s, 'succeeded', %s, 'learned', 17, '2026-02-02T00:00:00Z', '2026-02-02T00:01:00Z'),
                      (1000003, 'mnist', %s, 'succeeded', %s, 'learned', 17, '2026-02-02T00:00:00Z', '2026-02-02T00:02:00Z'),
                      (1000003, 'mnist', %s, 'failed', null, null, 3, '2026-02-02T00:00:00Z', '2026-02-02T00:03:00Z')""")
                    .formatted(settings.formatted("STRIDE2", 1), result.formatted(0.91), settings.formatted("MAX_POOL", 1),
                            result.formatted(0.93), settings.formatted("MAX_POOL", 2)));
        }
    }

    /** Started after {@link dev.convlab.platform.TestDatabase}, which every test class declares, so that this database is the one used. */
    @Override
    public int order() {
        return 100;
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
