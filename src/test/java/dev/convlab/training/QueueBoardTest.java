package dev.convlab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.convlab.platform.Http;
import dev.convlab.platform.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Places and times left in the queue, read once for every learner who follows it, on the real database. */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class QueueBoardTest {

    private static final Map<String, Object> ONE_EPOCH = Map.of("dataset", "mnist", "epochs", 1, "batchSize", 64, "learningRate", 0.4);

    @Inject
    MeterRegistry metrics;

    @BeforeEach
    @AfterEach
    void clearTheQueue() {
        TrainingRuns.cancelUnfinished();
    }

    private static long submit(Http learner) {
        return submit(learner, ONE_EPOCH);
    }

    private static long submit(Http learner, Map<String, Object> settings) {
        return learner.json().body(settings).post("/api/runs").then().statusCode(202).extract().jsonPath().getLong("id");
    }

    private static JsonPath view(Http learner, long id) {
        return learner.json().get("/api/runs/" + id).then().statusCode(200).extract().jsonPath();
    }

    private double reads() {
        return metrics.counter("convlab.training.queue.reads").count();
    }

    @Test
    void aQueuedRunMovesUpAsSoonAsTheRunAheadOfItIsCanceled() {
        Http first = Http.student();
        Http second = Http.student();
        long ahead = submit(first);
        long behind = submit(second);
        assertEquals(1, view(second, behind).getInt("queuePosition"));
        first.json().post("/api/runs/" + ahead + "/cancel").then().statusCode(200);
        assertEquals(0, view(second, behind).getInt("queuePosition"));
    }

    @Test
    void aRunsTimeLeftAddsTheTimeOfTheRunsQueuedAheadOfIt() {
        Http first = Http.student();
        Http second = Http.student();
        Map<String, Object> longer = Map.of("dataset", "mnist", "kernelSize", 5, "epochs", 10);
        long ahead = submit(first, longer);
        long behind = submit(second, longer);
        long own = view(first, ahead).getLong("etaSeconds");
        long waiting = view(second, behind).getLong("etaSeconds");
        assertTrue(own > 0, own + " s");
        assertTrue(Math.abs(waiting - 2 * own) <= 1, "alone " + own + " s, behind an equal run " + waiting + " s");
    }

    @Test
    void aChangeMadeOnAnotherNodeShowsWithinAFewPolls() throws InterruptedException {
        Http first = Http.student();
        Http second = Http.student();
        long ahead = submit(first);
        long behind = submit(second);
        assertEquals(1, view(second, behind).getInt("queuePosition"));
        QuarkusTransaction.requiringNew().run(() -> TrainingRun.update("state = 'canceled', finishedAt = ?1 where id = ?2", java.time.Instant.now(), ahead));
        long deadline = System.nanoTime() + 10 * QueueBoard.MAX_AGE.toNanos();
        int position = 1;
        while (position != 0 && System.nanoTime() < deadline) {
            Thread.sleep(QueueBoard.MAX_AGE.toMillis() / 5);
            position = view(second, behind).getInt("queuePosition");
        }
        assertEquals(0, position);
    }

    @Test
    void learnersFollowingTheQueueShareItsReads() {
        List<Http> learners = List.of(Http.student(), Http.student(), Http.student());
        List<Long> runs = learners.stream().map(QueueBoardTest::submit).toList();
        double before = reads();
        long start = System.nanoTime();
        int asked = 0;
        for (int round = 0; round < 50; round++) {
            for (int i = 0; i < learners.size(); i++) {
                assertEquals(i, view(learners.get(i), runs.get(i)).getInt("queuePosition"));
                learners.get(i).json().get("/api/runs").then().statusCode(200);
                asked += 2;
            }
        }
        double elapsedPeriods = (double) (System.nanoTime() - start) / QueueBoard.MAX_AGE.toNanos();
        double read = reads() - before;
        assertTrue(read <= 1 + Math.ceil(elapsedPeriods), asked + " questions read the queue " + read + " times in " + elapsedPeriods + " periods");
    }
}
