package dev.convlab.kernellab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convlab.platform.Http;
import dev.convlab.platform.TestDatabase;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Lab requests sent together, so that they share TensorFlow calls, get the very answer each gets when sent alone. */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class ConvolutionBatcherTest {

    @TestHTTPResource("/api/convolutions")
    URI endpoint;

    @Inject
    MeterRegistry registry;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private Http visitor;

    @BeforeEach
    void visit() {
        visitor = Http.visitor();
    }

    /** A lab page's request: one digit, one to three kernels of one size, and now and then a stride, dilation or padding. */
    private static String labRequest(Random random, int shape) {
        Random shapes = new Random(shape);
        int side = shapes.nextBoolean() ? 3 : 5;
        int count = 1 + shapes.nextInt(3);
        String settings = List.of("", ",\"stride\":2", ",\"dilation\":2", ",\"padding\":1", ",\"padding\":\"same\"",
                ",\"stride\":[1,2],\"padding\":[0,1,2,1]").get(shapes.nextInt(6));
        StringBuilder kernels = new StringBuilder("[");
        for (int k = 0; k < count; k++) {
            kernels.append(k == 0 ? "[" : ",[");
            for (int row = 0; row < side; row++) {
                kernels.append(row == 0 ? "[" : ",[");
                for (int column = 0; column < side; column++) {
                    kernels.append(column == 0 ? "" : ",").append(random.nextBoolean() ? String.valueOf(random.nextInt(5) - 2)
                            : String.format(Locale.ROOT, "%.3f", random.nextFloat() * 2 - 1));
                }
                kernels.append(']');
            }
            kernels.append(']');
        }
        return "{\"input\":{\"dataset\":\"mnist\",\"indices\":[%d]},\"kernels\":%s]%s}".formatted(random.nextInt(1000), kernels, settings);
    }

    private HttpRequest post(String body) {
        return HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .header("Cookie", Http.CSRF_COOKIE + "=" + visitor.csrfToken())
                .header("X-CSRF-TOKEN", visitor.csrfToken())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** Status and body without the compute time, which differs from call to call. */
    private static String answer(HttpResponse<String> response) {
        return response.statusCode() + " " + response.body().replaceAll(",\"computeMicros\":\\d+", "");
    }

    @Test
    void requestsSentTogetherGetTheAnswerEachGetsAloneAndABadOneFailsOnlyItself() throws Exception {
        Random random = new Random(2026);
        int shapes = 12;
        for (int shape = 0; shape < shapes; shape++) {
            client.send(post(labRequest(random, shape)), HttpResponse.BodyHandlers.discarding());
        }
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            String body = labRequest(random, random.nextInt(shapes));
            bodies.add(switch (i % 20) {
                case 7 -> body.replaceFirst("\"indices\":\\[\\d+]", "\"indices\":[70000]");
                case 13 -> body.replaceFirst("\\]\\]\\]", "]],[[1]]]");
                default -> body;
            });
        }
        DistributionSummary calls = registry.get("convlab.compute.batch.requests").summary();
        long callsBefore = calls.count();
        double requestsBefore = calls.totalAmount();

        List<CompletableFuture<HttpResponse<String>>> together = new ArrayList<>();
        Semaphore inFlight = new Semaphore(64);
        for (String body : bodies) {
            inFlight.acquire();
            together.add(client.sendAsync(post(body), HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> inFlight.release()));
        }
        List<String> answersTogether = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> response : together) {
            answersTogether.add(answer(response.get()));
        }
        long callsTogether = calls.count() - callsBefore;
        double requestsTogether = calls.totalAmount() - requestsBefore;

        for (int i = 0; i < bodies.size(); i++) {
            String alone = answer(client.send(post(bodies.get(i)), HttpResponse.BodyHandlers.ofString()));
            assertEquals(alone, answersTogether.get(i), bodies.get(i));
            assertTrue(alone.startsWith(i % 20 == 7 || i % 20 == 13 ? "400 " : "200 {\"shape\":[1,"), alone);
        }
        assertTrue(requestsTogether >= bodies.size() * 18 / 20 / 2, requestsTogether + " requests went through the batcher");
        assertTrue(callsTogether < requestsTogether * 0.9, callsTogether + " TensorFlow calls for " + requestsTogether + " requests");
    }
}
