package dev.convlab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convlab.platform.EmbeddedDatabase;
import dev.convlab.platform.Http;
import dev.convlab.platform.PackagedApp;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs survive what production does to them: the packaged app, training for real, is killed with {@code kill -9}
 * mid-run, and its database is restarted mid-run. The database lives in this test, so both outlive the app.
 */
class TrainingRecoveryIT {

    /** A run of several seconds per epoch on the shipped digits: long enough to be interrupted. */
    private static final Map<String, Object> SLOW_RUN = Map.of("dataset", "mnist", "downsampling", "MAX_POOL", "channels", List.of(8, 16, 32, 32),
            "batchSize", 16, "epochs", 4, "optimizer", "ADAM", "learningRate", 0.002);

    private EmbeddedDatabase database;
    private Path data;
    private int databasePort;
    private int port;

    @BeforeEach
    void startTheDatabase() throws Exception {
        data = Files.createTempDirectory("convlab-recovery").resolve("postgres");
        databasePort = PackagedApp.freePort();
        database = EmbeddedDatabase.start(data, databasePort, EmbeddedDatabase.Durability.ON_DISK);
        port = PackagedApp.freePort();
        RestAssured.port = port;
    }

    @AfterEach
    void stopTheDatabase() throws Exception {
        database.close();
    }

    /** The app on this test's database, with a lease of {@code lease}: how long a silent worker keeps its run. */
    private Map<String, String> environment(String lease) {
        return Map.of("CONVLAB_DB_URL", database.jdbcUrl(), "CONVLAB_DB_USER", database.username(), "CONVLAB_DB_PASSWORD", "",
                "CONVLAB_TRAINING_LEASE", lease);
    }

    @Test
    void aRunWhoseWorkerIsKilledIsTakenOverAndFinishes() throws Exception {
        Http learner;
        long id;
        try (PackagedApp first = PackagedApp.start(port, environment("3s"), "recovery-it.log")) {
            learner = Http.student();
            id = learner.json().body(SLOW_RUN).post("/api/runs").then().statusCode(202).extract().jsonPath().getLong("id");
            learner.awaitRun(id, run -> run.getInt("epochsDone") >= 1, Duration.ofSeconds(120));
            first.kill();
        }
        assertEquals("running", column(id, "state"));
        try (PackagedApp second = PackagedApp.start(port, environment("3s"), "recovery-it.log")) {
            JsonPath run = learner.awaitRun(id, r -> r.getString("finishedAt") != null, Duration.ofSeconds(240));
            assertEquals("succeeded", run.getString("state"));
            assertEquals(4, run.getInt("epochsDone"));
            assertTrue(run.getDouble("result.testAccuracy") > 0.5, run.prettify());
        }
        assertEquals("2", column(id, "attempts"));
        assertEquals("4", scalar("select count(*)::text from training_event where run_id = ?1 and payload ->> 'kind' = 'epoch'", id));
    }

    @Test
    void aRunKeepsItsResultWhenTheDatabaseRestartsMidRun() throws Exception {
        // The restart (about 2 s down, then PostgreSQL's start-up) must fit in the lease, or another of the node's
        // workers rightly takes the run over: this test is about a restart shorter than the lease.
        try (PackagedApp app = PackagedApp.start(port, environment("20s"), "recovery-it.log")) {
            Http learner = Http.student();
            long id = learner.json().body(SLOW_RUN).post("/api/runs").then().statusCode(202).extract().jsonPath().getLong("id");
            learner.awaitRun(id, run -> run.getInt("epochsDone") >= 1, Duration.ofSeconds(120));
            database.close();
            Thread.sleep(2000);
            database = EmbeddedDatabase.start(data, databasePort, EmbeddedDatabase.Durability.ON_DISK);
            JsonPath run = learner.awaitRun(id, r -> r.getString("finishedAt") != null, Duration.ofSeconds(240));
            assertEquals("succeeded", run.getString("state"), run.prettify());
            assertEquals("1", column(id, "attempts"));
        }
    }

    private String column(long id, String name) throws Exception {
        return scalar("select " + name + "::text from training_run where id = ?1", id);
    }

    /** The first column of the first row of {@code sql} for this run, as text. */
    private String scalar(String sql, long id) throws Exception {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), "");
                var statement = connection.prepareStatement(sql.replace("?1", "?"))) {
            statement.setLong(1, id);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getString(1);
            }
        }
    }
}
