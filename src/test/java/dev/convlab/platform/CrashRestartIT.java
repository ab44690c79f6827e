package dev.convlab.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The packaged app on its embedded default, killed with {@code kill -9} while training: its PostgreSQL is left
 * running on the data directory. The next start stops that server, comes up healthy with commits on disk, and the
 * interrupted run finishes exactly once.
 */
class CrashRestartIT {

    private static final Map<String, Object> SLOW_RUN = Map.of("dataset", "mnist", "downsampling", "MAX_POOL", "channels", List.of(8, 16, 32, 32),
            "batchSize", 16, "epochs", 3, "optimizer", "ADAM", "learningRate", 0.002);

    @Test
    void aStartAfterKillNineTakesTheDataDirectoryOverAndTheRunFinishesOnce() throws Exception {
        Path data = Files.createTempDirectory("convlab-crash").resolve("postgres");
        int port = PackagedApp.freePort();
        RestAssured.port = port;
        Map<String, String> environment = Map.of("CONVLAB_DATA_DIR", data.toString());
        Http learner;
        long id;
        long orphan;
        try (PackagedApp first = PackagedApp.start(port, environment, "crash-restart-it.log")) {
            learner = Http.student();
            id = learner.json().body(SLOW_RUN).post("/api/runs").then().statusCode(202).extract().jsonPath().getLong("id");
            learner.awaitRun(id, run -> run.getInt("epochsDone") >= 1, Duration.ofSeconds(180));
            first.kill();
        }
        orphan = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
        assertTrue(ProcessHandle.of(orphan).isPresent(), "kill -9 of the app leaves its PostgreSQL running");

        try (PackagedApp second = PackagedApp.start(port, environment, "crash-restart-it.log")) {
            assertTrue(ProcessHandle.of(orphan).isEmpty(), "the orphaned PostgreSQL was stopped");
            JsonPath health = RestAssured.get(second.management("/q/health/ready")).then().statusCode(200).extract().jsonPath();
            assertEquals("on", health.getString("checks.find { it.name == 'database durability' }.data.fsync"));
            assertEquals("on", health.getString("checks.find { it.name == 'database durability' }.data.synchronous_commit"));
            assertEquals("on", health.getString("checks.find { it.name == 'database durability' }.data.full_page_writes"));

            JsonPath run = learner.awaitRun(id, r -> r.getString("finishedAt") != null, Duration.ofSeconds(300));
            assertEquals("succeeded", run.getString("state"), run.prettify());
            assertEquals(3, run.getInt("epochsDone"));
            try (Connection connection = PackagedApp.embeddedDatabase(data)) {
                assertEquals("on", PackagedApp.scalar(connection, "show fsync"));
                assertEquals("2", PackagedApp.scalar(connection, "select attempts::text from training_run where id = " + id));
                assertEquals("3", PackagedApp.scalar(connection, "select count(*)::text from training_event where run_id = " + id
                        + " and payload ->> 'kind' = 'epoch'"));
            }
        }
    }
}
