package dev.convlab.kernellab;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convlab.platform.Http;
import dev.convlab.platform.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Thousands of random malformed bodies: never a 5xx, and the server still computes afterwards. */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class ConvolutionFuzzTest {

    private static final String VALID = "{\"input\":{\"dataset\":\"mnist\",\"indices\":[7,8]},"
            + "\"kernels\":[[[-1,-1,-1],[0,0,0],[1,1,1]]],\"stride\":[1,2],\"padding\":[1,0,2,1],\"dilation\":1}";

    private static final List<String> FRAGMENTS = List.of("null", "true", "-1", "0", "1e400", "-1e-400", "1.5", "\"x\"",
            "[]", "{}", "[[]]", "[[[]]]", "[1,[2]]", "[[[1]],[[1,2]]]", "\"same\"", "\"valid\"", "99999999999999999999",
            "NaN", "Infinity", "[[[[[[[[1]]]]]]]]", "{\"a\":1}", "[0,0,0,0]", "[17,0,0,0]", "\"\\u0000\"", ",", ":", "]", "}");

    private static String mutate(Random random) {
        StringBuilder body = new StringBuilder(VALID);
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits; i++) {
            int at = random.nextInt(body.length() + 1);
            switch (random.nextInt(5)) {
                case 0 -> body.insert(at, FRAGMENTS.get(random.nextInt(FRAGMENTS.size())));
                case 1 -> body.delete(at, Math.min(body.length(), at + 1 + random.nextInt(12)));
                case 2 -> body.setLength(at);
                case 3 -> body.insert(at, (char) random.nextInt(128));
                default -> {
                    int end = Math.min(body.length(), at + 1 + random.nextInt(6));
                    body.replace(at, end, FRAGMENTS.get(random.nextInt(FRAGMENTS.size())));
                }
            }
        }
        return body.toString();
    }

    @TestHTTPResource("/api/convolutions")
    URI endpoint;

    @Test
    void randomMalformedBodiesNeverCauseAServerError() throws Exception {
        Http http = Http.visitor();
        HttpClient client = HttpClient.newHttpClient();
        Random random = new Random(2026);
        int refused = 0;
        for (int i = 0; i < 3000; i++) {
            String body = i % 50 == 0 ? "[".repeat(5000) : i % 50 == 25 ? " ".repeat(20_000) + mutate(random) : mutate(random);
            HttpRequest request = HttpRequest.newBuilder(endpoint)
                    .header("Content-Type", "application/json")
                    .header("Cookie", Http.CSRF_COOKIE + "=" + http.csrfToken())
                    .header("X-CSRF-TOKEN", http.csrfToken())
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            assertTrue(status < 500, "status " + status + " for body " + body);
            if (status >= 400) {
                refused++;
            }
        }
        assertTrue(refused > 2000, "most mutated bodies should be refused, were " + refused);
        http.json().body(VALID).post("/api/convolutions").then().statusCode(200);
    }
}
