package dev.convlab.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The packaged app on its embedded default, stopped with SIGTERM while a run trains: the worker hands the run back
 * before the datasource and then the database stop, so nothing fails on the way down, and after a restart the run
 * trains again and finishes once.
 */
class GracefulShutdownIT {

    private static final Map<String, Object> RUN = Map.of("dataset", "mnist", "downsampling", "MAX_POOL", "channels", List.of(8, 16, 32, 32),
            "batchSize", 16, "epochs", 2, "optimizer", "ADAM", "learningRate", 0.002);
    private static final Path LOG = Path.of("target", "graceful-shutdown-it.log");

    @Test
    void sigtermWhileTrainingStopsWithoutErrorsAndTheRunIsTakenOverAfterRestart() throws Exception {
        Files.deleteIfExists(LOG);
        Path data = Files.createTempDirectory("convlab-shutdown").resolve("postgres");
        int port = PackagedApp.freePort();
        RestAssured.port = port;
        Map<String, String> environment = Map.of("CONVLAB_DATA_DIR", data.toString());
        Http learner;
        long id;
        try (PackagedApp first = PackagedApp.start(port, environment, LOG.getFileName().toString())) {
            learner = Http.student();
            id = learner.json().body(RUN).post("/api/runs").then().statusCode(202).extract().jsonPath().getLong("id");
            learner.awaitRun(id, run -> "running".equals(run.getString("state")), Duration.ofSeconds(120));
            long logBefore = Files.size(LOG);
            first.terminate();
            String shutdownLog = Files.readString(LOG, StandardCharsets.UTF_8).substring((int) logBefore);
            assertFalse(shutdownLog.contains("\"level\":\"ERROR\""), shutdownLog);
            assertFalse(shutdownLog.contains("SQLException"), shutdownLog);
            assertTrue(shutdownLog.contains("Run " + id + " handed back to the queue"), shutdownLog);
        }
        assertFalse(Files.exists(data.resolve("postmaster.pid")), "the embedded PostgreSQL stopped cleanly");

        try (PackagedApp second = PackagedApp.start(port, environment, LOG.getFileName().toString())) {
            JsonPath run = learner.awaitRun(id, r -> r.getString("finishedAt") != null, Duration.ofSeconds(300));
            assertEquals("succeeded", run.getString("state"), run.prettify());
            assertEquals(2, run.getInt("epochsDone"));
            try (Connection connection = PackagedApp.embeddedDatabase(data)) {
                assertEquals("1", PackagedApp.scalar(connection, "select attempts::text from training_run where id = " + id));
                assertEquals("2", PackagedApp.scalar(connection, "select count(*)::text from training_event where run_id = " + id
                        + " and payload ->> 'kind' = 'epoch'"));
            }
        }
    }
}
