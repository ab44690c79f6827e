package dev.convlab.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The README's backup command, run on the packaged app while learners answer and train, and its restore command into
 * a fresh data directory: everything written before the backup began is in the restored database.
 */
class BackupRestoreIT {

    private static final Map<String, Object> RUN = Map.of("dataset", "mnist", "downsampling", "MAX_POOL", "channels", List.of(8, 16, 32, 32),
            "batchSize", 64, "epochs", 2, "optimizer", "ADAM", "learningRate", 0.002);
    private static final List<String> TABLES = List.of("account", "exercise_attempt", "saved_kernel", "step_revision", "training_run");

    @Test
    void aBackupTakenDuringClassRestoresEveryAccountAnswerKernelRevisionAndRun() throws Exception {
        Path scratch = Files.createTempDirectory("convlab-backup");
        Path data = scratch.resolve("postgres");
        Path backup = scratch.resolve("convlab.backup.zip");
        int port = PackagedApp.freePort();
        RestAssured.port = port;
        Map<String, Set<Long>> before;
        Map<String, Set<Long>> after;
        try (PackagedApp app = PackagedApp.start(port, Map.of("CONVLAB_DATA_DIR", data.toString()), "backup-it.log")) {
            List<Http> learners = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Http learner = Http.visitor();
                learner.signUp(Http.uniqueEmail(), "Learner " + i, "a-long-enough-password").then().statusCode(201);
                learner.json().body(Map.of("weights", List.of(List.of(List.of(i + 1))))).put("/api/me/kernels/mine").then().statusCode(200);
                answer(learner);
                learners.add(learner);
            }
            learners.get(0).json().body(RUN).post("/api/runs").then().statusCode(202);
            before = ids(data);

            AtomicBoolean backingUp = new AtomicBoolean(true);
            ExecutorService classroom = Executors.newFixedThreadPool(2);
            List<Future<Integer>> answering = new ArrayList<>();
            for (Http learner : learners.subList(1, 3)) {
                answering.add(classroom.submit(() -> {
                    int answers = 0;
                    while (backingUp.get()) {
                        answer(learner);
                        answers++;
                    }
                    return answers;
                }));
            }
            int exit = PackagedApp.command(Map.of("CONVLAB_DATA_DIR", data.toString()), "backup-it.log", "backup", backup.toString());
            backingUp.set(false);
            classroom.shutdown();
            assertTrue(classroom.awaitTermination(30, TimeUnit.SECONDS));
            assertEquals(0, exit, "backup exit code; see target/backup-it.log");
            assertTrue(answering.get(0).get() + answering.get(1).get() > 0, "learners answered during the backup");
            after = ids(data);
        }

        Path restored = scratch.resolve("restored");
        assertEquals(0, PackagedApp.command(Map.of("CONVLAB_DATA_DIR", restored.toString()), "backup-it.log", "restore", backup.toString()),
                "restore exit code; see target/backup-it.log");
        try (EmbeddedDatabase database = EmbeddedDatabase.start(restored, EmbeddedDatabase.Durability.FAST_FOR_TESTS)) {
            Map<String, Set<Long>> restoredIds = ids(database);
            for (String table : TABLES) {
                assertTrue(restoredIds.get(table).containsAll(before.get(table)), table + ": " + before.get(table) + " ⊄ " + restoredIds.get(table));
                assertTrue(after.get(table).containsAll(restoredIds.get(table)), table + " holds only rows that existed");
            }
        }
    }

    private static void answer(Http learner) {
        learner.json().body(Map.of("answer", "2.65")).post("/api/steps/one-kernel-one-spot/exercises/top-edge-at-spot/attempts")
                .then().statusCode(200);
    }

    private static Map<String, Set<Long>> ids(Path runningData) throws Exception {
        try (Connection connection = PackagedApp.embeddedDatabase(runningData)) {
            return ids(connection);
        }
    }

    private static Map<String, Set<Long>> ids(EmbeddedDatabase database) throws Exception {
        try (Connection connection = java.sql.DriverManager.getConnection(database.jdbcUrl(), database.username(), "")) {
            return ids(connection);
        }
    }

    private static Map<String, Set<Long>> ids(Connection connection) throws Exception {
        Map<String, Set<Long>> ids = new java.util.HashMap<>();
        for (String table : TABLES) {
            Set<Long> values = new TreeSet<>();
            try (var statement = connection.createStatement(); ResultSet result = statement.executeQuery("select id from " + table)) {
                while (result.next()) {
                    values.add(result.getLong(1));
                }
            }
            ids.put(table, values);
        }
        return ids;
    }
}
