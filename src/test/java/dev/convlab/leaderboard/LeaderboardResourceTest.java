package dev.convlab.leaderboard;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convlab.account.Account;
import dev.convlab.platform.Http;
import dev.convlab.platform.TestDatabase;
import dev.convlab.training.RunWorker;
import dev.convlab.training.TrainingRun;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The leaderboard against a seeded class on the real database. Seeded entries use 7 epochs, which no other test
 * trains, so the board filtered to 7 epochs holds exactly them.
 */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class LeaderboardResourceTest {

    private static final String SEVEN_EPOCHS = "/api/leaderboard?dataset=fashion-mnist&epochs=7";

    @Inject
    RunWorker worker;

    private Http learner;
    private final List<Long> seeded = new ArrayList<>();

    @BeforeEach
    void seedAClass() {
        learner = Http.student();
        long ada = accountOf(Http.student());
        long bo = accountOf(learner);
        seeded.add(entry(ada, "STRIDE2", 1, 0.86));
        seeded.add(entry(ada, "STRIDE2", 2, 0.87));
        seeded.add(entry(bo, "STRIDE2", 3, 0.88));
        seeded.add(entry(ada, "STRIDE2", 3, 0.88)); // the same configuration and seed again: one more run, not one more seed
        seeded.add(entry(bo, "MAX_POOL", 1, 0.89));
        seeded.add(entry(bo, "MAX_POOL", 2, 0.90));
        seeded.add(entry(ada, "AVG_POOL", 1, 0.85));
    }

    @AfterEach
    void removeTheClass() {
        QuarkusTransaction.requiringNew().run(() -> {
            TrainingRun.delete("id in ?1 or verifiesRunId in ?1", seeded);
            TrainingRun.update("state = 'canceled', leaseOwner = null where state in ('queued', 'running')");
        });
    }

    private static long accountOf(Http http) {
        String email = http.json().get("/api/me").then().statusCode(200).extract().path("email");
        return QuarkusTransaction.requiringNew().call(() -> Account.findByEmail(email).orElseThrow().id);
    }

    /** A succeeded 7-epoch Fashion-MNIST run as the worker would have stored it. */
    private static long entry(long account, String downsampling, long seed, double accuracy) {
        return entry(account, downsampling, seed, accuracy, 7, 256);
    }

    private static long entry(long account, String downsampling, long seed, double accuracy, int epochs, int batchSize) {
        String settings = """
                {"dataset":"fashion-mnist","downsampling":"%s","kernelSize":3,"channels":[4,8,16,16],"batchNorm":false,"head":"FLATTEN",
                 "optimizer":"SGD","learningRate":0.4,"batchSize":%d,"epochs":%d,"seed":%d}""".formatted(downsampling, batchSize, epochs, seed);
        String result = """
                {"testAccuracy":%s,"testLoss":0.4,"parameters":5274,"trainingSeconds":%s,"imagesPerSecond":30000,"device":"cpu"}"""
                .formatted(accuracy, downsampling.equals("STRIDE2") ? 14 : 50);
        return QuarkusTransaction.requiringNew().call(() -> ((Number) TrainingRun.getEntityManager().createNativeQuery("""
                insert into training_run (account_id, dataset, settings, state, result, epochs_done, started_at, finished_at)
                values (?1, 'fashion-mnist', cast(?2 as jsonb), 'succeeded', cast(?3 as jsonb), ?4, now(), now()) returning id""")
                .setParameter(1, account).setParameter(2, settings).setParameter(3, result).setParameter(4, epochs).getSingleResult()).longValue());
    }

    @Test
    void eachVariantShowsMeanAndSpreadOverDistinctSeeds() {
        seeded.add(entry(accountOf(learner), "STRIDE2", 9, 0.99, 7, 77)); // another batch size: a comparison of its own
        JsonPath board = learner.json().get(SEVEN_EPOCHS).then().statusCode(200).extract().jsonPath();
        assertEquals(8, board.getList("entries").size());
        assertEquals(0.99, board.getDouble("entries[0].testAccuracy"), 1e-9);
        assertEquals(List.of(3, 1), board.getList("comparisons.downsampling.collect { it.groups.size() }"));
        assertEquals(List.of(6, 1), board.getList("comparisons.downsampling.seeds"));
        assertEquals("fashion-mnist · 3×3 · channels 4-8-16-16 · no batch norm · flatten head · SGD lr 0.4 · batch 256 · 7 epochs",
                board.getString("comparisons.downsampling[0].shared"));
        String variants = "comparisons.downsampling[0].groups";
        assertEquals(List.of("MAX_POOL", "STRIDE2", "AVG_POOL"), board.getList(variants + ".value"));
        assertEquals(List.of(2, 4, 1), board.getList(variants + ".runs"));
        assertEquals(List.of(2, 3, 1), board.getList(variants + ".seeds"));
        assertEquals(0.895, board.getDouble(variants + "[0].mean"), 1e-9);
        assertEquals(Math.sqrt(0.00005), board.getDouble(variants + "[0].spread"), 1e-9);
        assertEquals(0.87, board.getDouble(variants + "[1].mean"), 1e-9);
        assertEquals(0.01, board.getDouble(variants + "[1].spread"), 1e-9);
        assertNull(board.get(variants + "[2].spread"));
        assertEquals(14.0, board.getDouble(variants + "[1].meanSeconds"), 1e-9);
        assertEquals(4, board.getList("configurations").size());
        assertEquals(List.of(0.857, 0.90, 0.906), board.getList("baselines.accuracy", Double.class));
    }

    @Test
    void aCollapsedRunCountsInItsVariantsStatisticsAndIsMarked() {
        long collapsed = seeded.get(6);
        QuarkusTransaction.requiringNew().run(() -> TrainingRun.update("outcome = 'collapsed' where id = ?1", collapsed));
        JsonPath board = learner.json().get(SEVEN_EPOCHS).then().statusCode(200).extract().jsonPath();
        assertEquals("collapsed", board.getString("entries.find { it.runId == %d }.outcome".formatted(collapsed)));
        assertEquals(List.of(0, 0, 1), board.getList("comparisons.downsampling[0].groups.collapsed"));
        assertEquals(0.85, board.getDouble("comparisons.downsampling[0].groups[2].mean"), 1e-9);
    }

    @Test
    void aRunThatDiffersInAnotherSettingIsNeverCountedWithTheVariantsItDoesNotMatch() {
        long ada = accountOf(Http.student());
        seeded.add(entry(ada, "STRIDE2", 1, 0.80, 5, 77));
        seeded.add(entry(ada, "STRIDE2", 2, 0.82, 5, 77));
        seeded.add(entry(ada, "MAX_POOL", 1, 0.84, 5, 77));
        seeded.add(entry(ada, "STRIDE2", 3, 0.70, 3, 77)); // fewer epochs: not one more stride-2 seed of the 5-epoch runs

        JsonPath board = learner.json().get("/api/leaderboard?dataset=fashion-mnist").then().statusCode(200).extract().jsonPath();
        String fiveEpochs = "comparisons.downsampling.find { it.shared.contains('batch 77 · 5 epochs') }";
        assertEquals("fashion-mnist · 3×3 · channels 4-8-16-16 · no batch norm · flatten head · SGD lr 0.4 · batch 77 · 5 epochs",
                board.getString(fiveEpochs + ".shared"));
        assertEquals(List.of("MAX_POOL", "STRIDE2"), board.getList(fiveEpochs + ".groups.value"));
        assertEquals(List.of(1, 2), board.getList(fiveEpochs + ".groups.seeds"));
        assertEquals(0.81, board.getDouble(fiveEpochs + ".groups[1].mean"), 1e-9);
        assertEquals(List.of(1), board.getList("comparisons.downsampling.find { it.shared.contains('batch 77 · 3 epochs') }.groups.seeds"));

        String byEpochs = "comparisons.epochs.find { it.shared == 'fashion-mnist · stride2 · 3×3 · channels 4-8-16-16 · no batch norm · flatten head · SGD lr 0.4 · batch 77' }";
        assertEquals(List.of("5", "3"), board.getList(byEpochs + ".groups.value"));
        assertEquals(3, board.getInt(byEpochs + ".seeds"));
        assertEquals(List.of("5"), board.getList("comparisons.epochs.find { it.shared.contains('max-pool') && it.shared.contains('batch 77') }.groups.value"));
    }

    @Test
    void filtersNarrowTheBoardAndBadFiltersAreRefused() {
        assertEquals(List.of("MAX_POOL", "MAX_POOL"),
                learner.json().get(SEVEN_EPOCHS + "&downsampling=max-pool").then().statusCode(200).extract().jsonPath().getList("entries.downsampling"));
        learner.json().get("/api/leaderboard?dataset=mnist&epochs=7").then().statusCode(200)
                .body("entries.size()", equalTo(0)).body("baselines.size()", equalTo(0));
        learner.json().get("/api/leaderboard?dataset=cifar").then().statusCode(400).body("errors[0].field", equalTo("dataset"));
        learner.json().get("/api/leaderboard?epochs=many").then().statusCode(400).body("errors[0].field", equalTo("epochs"));
        learner.json().get("/api/leaderboard?downsampling=strided").then().statusCode(400).body("errors[0].field", equalTo("downsampling"));
        Http.visitor().json().get("/api/leaderboard").then().statusCode(401);
    }

    @Test
    void theBoardExportsAsCsvWithOneRowPerEntry() {
        String csv = learner.json().accept("text/csv").get(SEVEN_EPOCHS).then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
        List<String> lines = csv.lines().toList();
        assertEquals(8, lines.size());
        assertTrue(lines.get(0).startsWith("run,learner,dataset,downsampling,"), lines.get(0));
        assertTrue(lines.get(1).contains(",fashion-mnist,MAX_POOL,3,\"[4, 8, 16, 16]\",false,FLATTEN,SGD,0.4,256,7,2,0.9,5274,"), lines.get(1));
    }

    @Test
    void aDisplayNameThatASpreadsheetWouldRunAsAFormulaIsExportedAsText() {
        Http attacker = Http.visitor();
        attacker.signUp(Http.uniqueEmail(), "=HYPERLINK(\"https://evil.example\",\"win\")", "a-long-enough-password").then().statusCode(201);
        seeded.add(entry(accountOf(attacker), "STRIDE2", 8, 0.95));
        String csv = learner.json().accept("text/csv").get(SEVEN_EPOCHS).then().statusCode(200).extract().asString();
        String row = csv.lines().filter(line -> line.startsWith(seeded.get(seeded.size() - 1) + ",")).findFirst().orElseThrow();
        assertTrue(row.startsWith(seeded.get(seeded.size() - 1) + ",\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"win\"\")\",fashion-mnist,STRIDE2,"), row);
    }

    @Test
    void hiddenEntriesLeaveTheLearnersBoardButInstructorsStillSeeThem() {
        Http instructor = Http.instructor();
        long best = seeded.get(5);
        learner.json().body(Map.of("hidden", true)).put("/api/instructor/leaderboard/" + best).then().statusCode(403);
        instructor.json().body(Map.of("hidden", true)).put("/api/instructor/leaderboard/" + best).then().statusCode(200);
        learner.json().get(SEVEN_EPOCHS).then().statusCode(200)
                .body("entries.size()", equalTo(6)).body("entries.runId", not(hasItem((int) best)))
                .body("comparisons.downsampling[0].groups.find { it.value == 'MAX_POOL' }.spread", nullValue());
        learner.json().get(SEVEN_EPOCHS + "&hidden=true").then().statusCode(403);
        instructor.json().get(SEVEN_EPOCHS + "&hidden=true").then().statusCode(200)
                .body("entries.size()", equalTo(7)).body("entries.find { it.runId == %d }.hidden".formatted(best), equalTo(true));
        instructor.json().body(Map.of()).put("/api/instructor/leaderboard/" + best).then().statusCode(400);
        instructor.json().body(Map.of("hidden", true)).put("/api/instructor/leaderboard/999999999").then().statusCode(404);
    }

    @Test
    void aReRunWithTheSameSeedVerifiesARealEntryAndExposesAForgedOne() {
        Http instructor = Http.instructor();
        long real = learner.json().body(Map.of("dataset", "mnist", "epochs", 1, "batchSize", 64, "seed", 5, "testAccuracy", 1.0))
                .post("/api/runs").then().statusCode(202).body("result", nullValue()).extract().jsonPath().getLong("id");
        seeded.add(real);
        assertTrue(worker.runOnce("test-worker"));
        double accuracy = learner.json().get("/api/runs/" + real).then().statusCode(200).body("state", equalTo("succeeded"))
                .extract().jsonPath().getDouble("result.testAccuracy");
        assertTrue(accuracy > 0.5 && accuracy < 1.0, "accuracy " + accuracy);

        long rerun = instructor.json().post("/api/instructor/leaderboard/" + real + "/verify").then().statusCode(202)
                .body("verification", equalTo("pending")).extract().jsonPath().getLong("rerun");
        instructor.json().post("/api/instructor/leaderboard/" + real + "/verify").then().statusCode(409);
        learner.json().post("/api/instructor/leaderboard/" + real + "/verify").then().statusCode(403);
        assertTrue(worker.runOnce("test-worker"));
        instructor.json().get("/api/runs/" + rerun).then().statusCode(200).body("state", equalTo("succeeded")).body("verifiesRunId", equalTo((int) real));
        JsonPath board = learner.json().get("/api/leaderboard?dataset=mnist&epochs=1").then().statusCode(200)
                .body("entries.runId", not(hasItem((int) rerun))).extract().jsonPath();
        assertEquals("verified", board.getString("entries.find { it.runId == %d }.verification".formatted(real)));
        assertEquals(accuracy, board.getDouble("entries.find { it.runId == %d }.verificationAccuracy".formatted(real)), 1e-9);

        QuarkusTransaction.requiringNew().run(() -> TrainingRun.getEntityManager().createNativeQuery(
                "update training_run set result = jsonb_set(result, '{testAccuracy}', '0.999') where id = ?1").setParameter(1, real).executeUpdate());
        instructor.json().post("/api/instructor/leaderboard/" + real + "/verify").then().statusCode(202);
        assertTrue(worker.runOnce("test-worker"));
        learner.json().get("/api/leaderboard?dataset=mnist&epochs=1").then().statusCode(200)
                .body("entries.find { it.runId == %d }.verification".formatted(real), equalTo("mismatch"));
        instructor.json().post("/api/instructor/leaderboard/999999999/verify").then().statusCode(404);
    }
}
