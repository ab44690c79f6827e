package dev.convlab.limits;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convlab.kernellab.AnswersInFlight;
import dev.convlab.kernellab.compute.ConvolutionEngine;
import dev.convlab.platform.Http;
import dev.convlab.platform.TestDatabase;
import dev.convlab.progress.ExerciseAttempt;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Limits per client with small settings: a lab request costs 4,096 + 676 units, a client holds at most 20,000 (four
 * such requests) and earns 5,000 a second (about one), so requests in a row are refused within ten unless each took a second.
 */
@QuarkusTest
@TestProfile(ClientLimitsTest.SmallLimits.class)
@QuarkusTestResource(TestDatabase.class)
class ClientLimitsTest {

    /** Four lab requests in a row per client, then about one a second; 10 MB in flight, so one colour answer (8 MB held) at a time. */
    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("convlab.limits.anonymous.per-second", "5000", "convlab.limits.anonymous.burst", "20000",
                    "convlab.limits.learner.per-second", "5000", "convlab.limits.learner.burst", "20000",
                    "convlab.limits.bytes-in-flight", "10M", "convlab.compute.max-wait", "30s");
        }
    }

    private static final Map<String, Object> LAB = Map.of("input", Map.of("dataset", "mnist", "indices", List.of(7)),
            "kernels", List.of(List.of(List.of(-1, -1, -1), List.of(0, 0, 0), List.of(1, 1, 1))));

    /** The colour lab's largest request: one 1×1 kernel as its sum and three parts, padding 16, 4 × 288 × 288 numbers. */
    private static final Map<String, Object> COLOUR = Map.of("input", Map.of("dataset", "photos", "indices", List.of(0)),
            "kernels", List.of(List.of(List.of(List.of(1, 1, 1))), List.of(List.of(List.of(1, 0, 0))),
                    List.of(List.of(List.of(0, 1, 0))), List.of(List.of(List.of(0, 0, 1)))), "padding", 16);

    @Inject
    ConvolutionEngine engine;

    @Inject
    AnswersInFlight answers;

    @Inject
    OwnRequests ownRequests;

    /** Sends lab requests until one is refused; returns it, after checking that the first four were let in. */
    private static Response labRequestsUntilRefused(RequestSpecification client) {
        for (int sent = 1; sent <= 10; sent++) {
            Response response = client.body(LAB).post("/api/convolutions");
            if (response.statusCode() != 200) {
                assertTrue(sent > 4, "refused after " + (sent - 1) + " requests");
                return response;
            }
        }
        throw new AssertionError("ten lab requests in a row were all let in");
    }

    @Test
    void aClientOverItsRateGets429WithRetryAfterAndIsLetInAgainAfterWaiting() throws InterruptedException {
        Http visitor = Http.visitor();
        Response refused = labRequestsUntilRefused(visitor.json().header("X-Forwarded-For", "203.0.113.7"));
        refused.then().statusCode(429).contentType("application/problem+json").header("Retry-After", equalTo("1"))
                .body("detail", containsString("This address has asked for more than its share"))
                .body("detail", containsString("earns 5,000 units a second, up to 20,000"));
        Thread.sleep(1_000 * Long.parseLong(refused.header("Retry-After")));
        visitor.json().header("X-Forwarded-For", "203.0.113.7").body(LAB).post("/api/convolutions").then().statusCode(200);
    }

    @Test
    void theNodesOwnSecretIsChargedLikeAnyoneOnceItsWarmUpIsOver() {
        assertFalse(ownRequests.carries(ownRequests.secret()), "the warm-up is off in tests, so the secret is closed");
        labRequestsUntilRefused(Http.visitor().json().header("X-Forwarded-For", "203.0.113.40")
                .header(OwnRequests.HEADER, ownRequests.secret())).then().statusCode(429);
    }

    @Test
    void oneAddressRefusedLeavesAnotherAddressAlone() {
        Http visitor = Http.visitor();
        labRequestsUntilRefused(visitor.json().header("X-Forwarded-For", "203.0.113.20")).then().statusCode(429);
        visitor.json().header("X-Forwarded-For", "203.0.113.21").body(LAB).post("/api/convolutions").then().statusCode(200)
                .body("shape", equalTo(List.of(1, 1, 26, 26)));
    }

    @Test
    void aFreshIm2colRaceCostsTheWholeBucketWhileASharedOneCostsOnlyItsMatrixAndMap() {
        Http visitor = Http.visitor();
        Map<String, Object> im2col = Map.of("dataset", "mnist", "index", 7, "kernel", List.of(List.of(-1, -1, -1), List.of(0, 0, 0), List.of(1, 1, 1)));
        Map<String, Object> fresh = new HashMap<>(im2col);
        fresh.put("fresh", true);
        visitor.json().header("X-Forwarded-For", "203.0.113.31").body(fresh).post("/api/im2col").then().statusCode(200)
                .body("shared", equalTo(false));
        visitor.json().header("X-Forwarded-For", "203.0.113.31").body(LAB).post("/api/convolutions").then().statusCode(429)
                .header("Retry-After", notNullValue());

        visitor.json().header("X-Forwarded-For", "203.0.113.32").body(im2col).post("/api/im2col").then().statusCode(200)
                .body("shared", equalTo(true));
        visitor.json().header("X-Forwarded-For", "203.0.113.32").body(LAB).post("/api/convolutions").then().statusCode(200);
    }

    @Test
    void learnersAreCountedPerAccountNotPerAddress() {
        Http first = Http.student();
        Http second = Http.student();
        labRequestsUntilRefused(first.json().header("X-Forwarded-For", "203.0.113.30")).then().statusCode(429)
                .body("detail", containsString("This account has asked for more than its share"));
        second.json().header("X-Forwarded-For", "203.0.113.30").body(LAB).post("/api/convolutions").then().statusCode(200);
        Http.visitor().json().header("X-Forwarded-For", "203.0.113.30").body(LAB).post("/api/convolutions").then().statusCode(200);
    }

    @Test
    void exerciseAnswersAreChargedAsKernelChecksSoASpammedAnswerIsRefusedAndNotStored() {
        Http learner = Http.student();
        long id = learner.json().get("/api/me").then().extract().jsonPath().getLong("id");
        String attempts = "/api/steps/one-kernel-one-spot/exercises/top-edge-at-spot/attempts";
        learner.json().body(Map.of("answer", "3")).post(attempts).then().statusCode(200);
        learner.json().body(Map.of("answer", "3")).post(attempts).then().statusCode(429).header("Retry-After", notNullValue());
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> ExerciseAttempt.count("accountId", id)));
    }

    @Test
    void heavyRequestsAtOnceDoNotAllGet200TheRestGet503WithRetryAfterAndNoneFails() throws Exception {
        int slots = engine.availableSlots();
        CountDownLatch taken = new CountDownLatch(slots);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService holders = Executors.newFixedThreadPool(slots);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<Response>> sent = new ArrayList<>();
        try {
            for (int i = 0; i < slots; i++) {
                holders.submit(() -> engine.withSlot(() -> awaitQuietly(release, taken)));
            }
            assertTrue(taken.await(10, TimeUnit.SECONDS));
            Http visitor = Http.visitor();
            for (int i = 0; i < 4; i++) {
                String address = "198.51.100." + (i + 1);
                sent.add(clients.submit(() -> visitor.json().header("X-Forwarded-For", address).body(COLOUR).post("/api/convolutions")));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (sent.stream().filter(Future::isDone).count() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(3, sent.stream().filter(Future::isDone).count(), "three of four should have been turned away at once");
        } finally {
            release.countDown();
            holders.shutdown();
            clients.shutdown();
            assertTrue(holders.awaitTermination(10, TimeUnit.SECONDS));
            assertTrue(clients.awaitTermination(30, TimeUnit.SECONDS));
        }
        int ok = 0;
        for (Future<Response> future : sent) {
            Response response = future.get();
            if (response.statusCode() == 200) {
                ok++;
                response.then().body("shape", equalTo(List.of(1, 4, 288, 288)));
            } else {
                response.then().statusCode(503).contentType("application/problem+json").header("Retry-After", equalTo("1"))
                        .body("detail", containsString("answers being built on this node hold 7 of the 10 MB it allows"));
            }
        }
        assertEquals(1, ok);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (answers.held() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0, answers.held(), "every answer gave its bytes back once written");
    }

    private static boolean awaitQuietly(CountDownLatch release, CountDownLatch taken) {
        taken.countDown();
        try {
            return release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
