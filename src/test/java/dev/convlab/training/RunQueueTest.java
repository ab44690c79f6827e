package dev.convlab.training;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convlab.platform.Http;
import dev.convlab.platform.TestDatabase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The run queue on the real database, with workers driven by hand (the background worker is off in tests). */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class RunQueueTest {

    private static final Map<String, Object> ONE_EPOCH = Map.of("dataset", "mnist", "epochs", 1, "batchSize", 64, "learningRate", 0.4);

    @Inject
    RunQueue queue;

    @Inject
    RunWorker worker;

    @AfterEach
    void clearTheQueue() {
        TrainingRuns.cancelUnfinished();
    }

    private static long submit(Http learner) {
        return learner.json().body(ONE_EPOCH).post("/api/runs").then().statusCode(202).extract().jsonPath().getLong("id");
    }

    private static String state(long id) {
        return QuarkusTransaction.requiringNew().call(() -> TrainingRun.<TrainingRun>findById(id).state);
    }

    @Test
    void aRunAtLearningRateTenEndsCollapsedOrDivergedNotDoneAndSaysWhatToTry() {
        Http learner = Http.student();
        long id = learner.json().body(Map.of("dataset", "mnist", "epochs", 1, "batchSize", 64, "learningRate", 10))
                .post("/api/runs").then().statusCode(202).extract().jsonPath().getLong("id");
        assertTrue(worker.runOnce("lr-ten-worker"));
        JsonPath run = learner.json().get("/api/runs/" + id).then().statusCode(200).extract().jsonPath();
        String outcome = run.getString("outcome.kind");
        assertTrue(List.of("collapsed", "diverged").contains(outcome), "lr 10 ended " + run.getString("state") + "/" + outcome);
        assertEquals(outcome.equals("diverged") ? "diverged" : "succeeded", run.getString("state"));
        assertTrue(run.getString("outcome.explanation").contains("Try a learning rate ten times smaller"), run.getString("outcome.explanation"));
        assertEquals(outcome, QuarkusTransaction.requiringNew().call(() -> TrainingRun.<TrainingRun>findById(id).outcome));
    }

    @Test
    void aRunThatLearnedSaysSo() {
        Http learner = Http.student();
        long id = learner.json().body(Map.of("dataset", "mnist", "epochs", 1, "batchSize", 32, "optimizer", "ADAM", "learningRate", 0.003))
                .post("/api/runs").then().statusCode(202).extract().jsonPath().getLong("id");
        assertTrue(worker.runOnce("learning-worker"));
        learner.json().get("/api/runs/" + id).then().statusCode(200).body("state", equalTo("succeeded")).body("outcome.kind", equalTo("learned"));
    }

    @Test
    void theDefaultRunIsTheLessonNetworkOnTheShippedDigits() {
        JsonPath defaults = Http.student().json().get("/api/runs/defaults").then().statusCode(200).extract().jsonPath();
        assertEquals("mnist", defaults.getString("dataset"));
        assertEquals(List.of(4, 8, 16, 16), defaults.getList("channels", Integer.class));
        assertEquals("ADAM", defaults.getString("optimizer"));
        assertEquals(RunSettings.lessonDefault().epochs(), defaults.getInt("epochs"));
    }

    @Test
    void aQueuedRunHasATimeLeftBeforeAnyRunLikeItFinished() {
        Http learner = Http.student();
        long id = learner.json().body(Map.of("dataset", "fashion-mnist", "downsampling", "AVG_POOL", "kernelSize", 5, "epochs", 3))
                .post("/api/runs").then().statusCode(202).extract().jsonPath().getLong("id");
        long eta = learner.json().get("/api/runs/" + id).then().statusCode(200).extract().jsonPath().getLong("etaSeconds");
        assertTrue(eta > 0, "estimated " + eta + " s");
    }

    @Test
    void twoWorkersClaimingAtOnceNeverGetTheSameRun() throws Exception {
        Http learner = Http.student();
        long first = submit(learner);
        long second = submit(learner);
        CompletableFuture<Optional<TrainingRun>> a = CompletableFuture.supplyAsync(() -> queue.claim("worker-a", Duration.ofMinutes(1)));
        CompletableFuture<Optional<TrainingRun>> b = CompletableFuture.supplyAsync(() -> queue.claim("worker-b", Duration.ofMinutes(1)));
        long claimedA = a.get().orElseThrow().id;
        long claimedB = b.get().orElseThrow().id;
        assertNotEquals(claimedA, claimedB);
        assertEquals(List.of(first, second), List.of(Math.min(claimedA, claimedB), Math.max(claimedA, claimedB)));
        assertTrue(queue.claim("worker-c", Duration.ofMinutes(1)).isEmpty());
    }

    @Test
    void aDeadWorkersRunIsTakenOverAndTheDeadWorkerCanNoLongerFinishIt() throws Exception {
        long id = submit(Http.student());
        assertEquals(id, queue.claim("dead", Duration.ofMillis(1)).orElseThrow().id);
        Thread.sleep(20);
        TrainingRun retaken = queue.claim("alive", Duration.ofMinutes(1)).orElseThrow();
        assertEquals(id, retaken.id);
        assertEquals(2, retaken.attempts);
        assertFalse(queue.heartbeat(id, "dead", Duration.ofMinutes(1)));
        assertFalse(queue.finish(id, "dead", TrainingRun.SUCCEEDED, Map.of("testAccuracy", 1.0), null, null));
        assertTrue(queue.finish(id, "alive", TrainingRun.FAILED, null, "test", null));
        assertEquals(TrainingRun.FAILED, state(id));
    }

    @Test
    void aRunHandedBackByAStoppingWorkerIsQueuedAgainWithoutSpendingAnAttempt() {
        long id = submit(Http.student());
        assertEquals(id, queue.claim("stopping", Duration.ofMinutes(1)).orElseThrow().id);
        assertFalse(queue.release(id, "someone-else"));
        assertTrue(queue.release(id, "stopping"));
        assertEquals(TrainingRun.QUEUED, state(id));
        assertFalse(queue.heartbeat(id, "stopping", Duration.ofMinutes(1)));
        TrainingRun next = queue.claim("next", Duration.ofMinutes(1)).orElseThrow();
        assertEquals(id, next.id);
        assertEquals(1, next.attempts);
    }

    @Test
    void aRunWhoseWorkersKeepDyingFailsAfterItsAttempts() throws Exception {
        long id = submit(Http.student());
        for (int attempt = 1; attempt <= RunQueue.MAX_ATTEMPTS; attempt++) {
            assertEquals(id, queue.claim("dying-" + attempt, Duration.ofMillis(1)).orElseThrow().id);
            Thread.sleep(20);
        }
        assertTrue(queue.claim("next", Duration.ofMinutes(1)).isEmpty());
        assertEquals(TrainingRun.FAILED, state(id));
    }

    @Test
    void aWorkerTrainsARunAndEveryEpochBatchReportAndItsWeightsAreKept() {
        Http learner = Http.student();
        long id = submit(learner);
        assertTrue(worker.runOnce("test-worker"));
        JsonPath run = learner.json().get("/api/runs/" + id).then().statusCode(200)
                .body("state", equalTo("succeeded"))
                .body("epochsDone", equalTo(1))
                .body("result.parameters", equalTo(5274))
                .body("result.device", equalTo("cpu"))
                .body("result.testAccuracy", greaterThan(0.5f))
                .body("result.firstLayerKernels.size()", equalTo(4))
                .body("result.confusion.size()", equalTo(10))
                .extract().jsonPath();
        List<List<Integer>> confusion = run.getList("result.confusion");
        int images = confusion.stream().flatMap(List::stream).mapToInt(Integer::intValue).sum();
        int right = 0;
        for (int i = 0; i < 10; i++) {
            right += confusion.get(i).get(i);
        }
        assertEquals(1000, images);
        assertEquals(run.getDouble("result.testAccuracy"), right / 1000.0, 1e-9);
        // 9,000 digits in batches of 64 make 141 batches, reported every 7th up to the 133rd and at the last one.
        assertEquals(1, countEvents(id, "epoch"));
        assertEquals(20, countEvents(id, "batches"));
        assertTrue(queue.weights(id).orElseThrow().length > 5274 * Float.BYTES);
    }

    private static long countEvents(long id, String kind) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) TrainingRun.getEntityManager()
                .createNativeQuery("select count(*) from training_event where run_id = ?1 and payload ->> 'kind' = ?2")
                .setParameter(1, id).setParameter(2, kind).getSingleResult()).longValue());
    }

    @Test
    void aBatchNormNetworkTrainsThroughTheQueue() {
        Http learner = Http.student();
        long id = learner.json().body(Map.of("dataset", "mnist", "epochs", 1, "batchSize", 64, "batchNorm", true,
                "optimizer", "ADAM", "learningRate", 0.01)).post("/api/runs").then().statusCode(202).extract().jsonPath().getLong("id");
        assertTrue(worker.runOnce("test-worker"));
        learner.json().get("/api/runs/" + id).then().statusCode(200)
                .body("state", equalTo("succeeded"))
                .body("settings.batchNorm", equalTo(true))
                .body("result.parameters", equalTo(5274 + 2 * (4 + 8 + 16 + 16)))
                .body("result.testAccuracy", greaterThan(0.6f));
    }

    @Test
    void theReceptiveFieldOfATrainedRunIsItsGradientInsideItsWindow() {
        Http learner = Http.student();
        long id = submit(learner);
        learner.json().body(Map.of("layer", 0, "channel", 0, "y", 0, "x", 0, "image", 0))
                .post("/api/runs/" + id + "/receptive-field").then().statusCode(409);
        assertTrue(worker.runOnce("test-worker"));
        JsonPath corner = learner.json().body(Map.of("layer", 0, "channel", 1, "y", 0, "x", 0, "image", 3))
                .post("/api/runs/" + id + "/receptive-field").then().statusCode(200)
                .body("window.top", equalTo(0)).body("window.left", equalTo(0))
                .body("window.bottom", equalTo(1)).body("window.right", equalTo(1))
                .body("image.size()", equalTo(28)).body("gradient.size()", equalTo(28))
                .extract().jsonPath();
        List<List<Float>> gradient = corner.getList("gradient");
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                if (y > 1 || x > 1) {
                    assertEquals(0f, gradient.get(y).get(x), "pixel " + y + "," + x + " is outside the window");
                }
            }
        }
        learner.json().body(Map.of("layer", 4, "channel", 9, "y", 0, "x", 0, "image", 3))
                .post("/api/runs/" + id + "/receptive-field").then().statusCode(200)
                .body("window.top", equalTo(0)).body("window.bottom", equalTo(27)).body("window.right", equalTo(27));
        Object[][] bad = {
            {Map.of("layer", 5, "channel", 0, "y", 0, "x", 0, "image", 0), "layer"},
            {Map.of("layer", 0, "channel", 4, "y", 0, "x", 0, "image", 0), "channel"},
            {Map.of("layer", 1, "channel", 0, "y", 7, "x", 0, "image", 0), "y"},
            {Map.of("layer", 1, "channel", 0, "y", 0, "x", -1, "image", 0), "x"},
            {Map.of("layer", 0, "channel", 0, "y", 0, "x", 0, "image", 1000), "image"},
            {Map.of("channel", 0, "y", 0, "x", 0, "image", 0), "layer"},
        };
        for (Object[] c : bad) {
            learner.json().body(c[0]).post("/api/runs/" + id + "/receptive-field").then().statusCode(400).body("errors[0].field", equalTo(c[1]));
        }
        Http.student().json().body(Map.of("layer", 0, "channel", 0, "y", 0, "x", 0, "image", 0))
                .post("/api/runs/" + id + "/receptive-field").then().statusCode(404);
    }

    @Test
    void canceledRunsStopAndOthersRunsAreNotYours() {
        Http owner = Http.student();
        long id = submit(owner);
        Http.student().json().post("/api/runs/" + id + "/cancel").then().statusCode(404);
        owner.json().post("/api/runs/" + id + "/cancel").then().statusCode(200).body("state", equalTo("canceled"));
        assertFalse(worker.runOnce("test-worker"));
    }

    @Test
    void aLearnerMayHaveThreeRunsWaitingAtOnce() {
        Http learner = Http.student();
        for (int i = 0; i < RunQueue.MAX_ACTIVE_PER_LEARNER; i++) {
            submit(learner);
        }
        learner.json().body(ONE_EPOCH).post("/api/runs").then().statusCode(429).contentType("application/problem+json");
        learner.json().get("/api/runs").then().body("size()", equalTo(RunQueue.MAX_ACTIVE_PER_LEARNER))
                .body("[0].queuePosition", equalTo(2));
    }

    @Test
    void badSettingsAreRefusedAndNothingIsQueued() {
        Http learner = Http.student();
        Object[][] cases = {
            {Map.of("dataset", "imagenet"), "dataset"}, {Map.of("epochs", 0), "epochs"}, {Map.of("epochs", 1000), "epochs"},
            {Map.of("batchSize", 0), "batchSize"}, {Map.of("batchSize", 1_000_000), "batchSize"},
            {Map.of("learningRate", -0.1), "learningRate"}, {Map.of("channels", List.of()), "channels"},
            {Map.of("channels", List.of(100000)), "channels"}, {Map.of("channels", List.of(4, 4, 4, 4, 4, 4, 4)), "channels"},
            {Map.of("kernelSize", 4), "kernelSize"}, {Map.of("optimizer", "LBFGS"), "optimizer"},
            {Map.of("downsampling", "MAX_POOL", "kernelSize", 5, "channels", List.of(256, 256, 256, 256)), "channels"},
        };
        for (Object[] c : cases) {
            learner.json().body(c[0]).post("/api/runs").then().statusCode(400).body("errors[0].field", equalTo(c[1]));
        }
        learner.json().body("{\"learningRate\": NaN}").post("/api/runs").then().statusCode(400);
        learner.json().get("/api/runs").then().body("size()", equalTo(0));
    }

    @Test
    void theEventStreamReplaysEveryEpochAndEndsWithTheFinalState() throws Exception {
        Http learner = Http.student();
        long id = submit(learner);
        assertTrue(worker.runOnce("test-worker"));
        String stream = learner.json().accept("text/event-stream").get("/api/runs/" + id + "/events")
                .then().statusCode(200).extract().asString();
        assertTrue(stream.contains("\"kind\": \"epoch\"") && stream.contains("\"epoch\": 1"), stream);
        assertTrue(stream.contains("\"validationAccuracy\""), stream);
        assertTrue(stream.contains("\"state\":\"succeeded\""), stream);
        Http.student().json().accept("text/event-stream").get("/api/runs/" + id + "/events").then().statusCode(404);
    }

    @Test
    void cancelingARunningRunStopsItsWorkerWithinSeconds() throws Exception {
        Http learner = Http.student();
        long id = learner.json().body(Map.of("dataset", "mnist", "epochs", 20, "batchSize", 32)).post("/api/runs")
                .then().statusCode(202).extract().jsonPath().getLong("id");
        CompletableFuture<Boolean> training = CompletableFuture.supplyAsync(() -> worker.runOnce("cancel-test-worker"));
        while (!TrainingRun.RUNNING.equals(state(id))) {
            Thread.sleep(50);
        }
        Thread.sleep(500);
        long asked = System.nanoTime();
        learner.json().post("/api/runs/" + id + "/cancel").then().statusCode(200);
        assertTrue(training.get(30, java.util.concurrent.TimeUnit.SECONDS));
        double seconds = (System.nanoTime() - asked) / 1e9;
        assertTrue(seconds < 3, "the worker took " + seconds + " s to stop");
        assertEquals(TrainingRun.CANCELED, state(id));
    }
}
