package dev.convlab.kernellab;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convlab.kernellab.compute.ConvolutionEngine;
import dev.convlab.kernellab.compute.ConvolutionSpec;
import dev.convlab.kernellab.compute.FeatureMaps;
import dev.convlab.kernellab.compute.Images;
import dev.convlab.kernellab.compute.Kernels;
import dev.convlab.kernellab.compute.Padding;
import dev.convlab.kernellab.compute.ReferenceConvolution;
import dev.convlab.platform.Http;
import dev.convlab.platform.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class ConvolutionResourceTest {

    private static final List<List<Integer>> TOP_EDGE = List.of(List.of(-1, -1, -1), List.of(0, 0, 0), List.of(1, 1, 1));

    @Inject
    ConvolutionEngine engine;

    private Http http;

    @BeforeEach
    void visit() {
        http = Http.visitor();
    }

    private JsonPath convolve(Map<String, Object> body) {
        return http.json().body(body).post("/api/convolutions").then().statusCode(200).extract().jsonPath();
    }

    private static List<Object> nest(float[] values, int... shape) {
        return nest(values, shape, 0, new int[] {0});
    }

    private static List<Object> nest(float[] values, int[] shape, int level, int[] next) {
        List<Object> list = new ArrayList<>();
        for (int i = 0; i < shape[level]; i++) {
            list.add(level == shape.length - 1 ? (Object) values[next[0]++] : nest(values, shape, level + 1, next));
        }
        return list;
    }

    private static float[] flatten(List<?> nested) {
        List<Float> flat = new ArrayList<>();
        flattenInto(nested, flat);
        float[] values = new float[flat.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = flat.get(i);
        }
        return values;
    }

    private static void flattenInto(Object node, List<Float> flat) {
        if (node instanceof List<?> list) {
            list.forEach(item -> flattenInto(item, flat));
        } else {
            flat.add(((Number) node).floatValue());
        }
    }

    private static void assertMatches(FeatureMaps expected, JsonPath answer) {
        assertEquals(List.of(expected.count(), expected.kernels(), expected.height(), expected.width()), answer.getList("shape"));
        float[] actual = flatten(answer.getList("output"));
        assertEquals(expected.count() * expected.kernels() * expected.height() * expected.width(), actual.length);
        int i = 0;
        for (int n = 0; n < expected.count(); n++) {
            for (int k = 0; k < expected.kernels(); k++) {
                for (int y = 0; y < expected.height(); y++) {
                    for (int x = 0; x < expected.width(); x++, i++) {
                        float e = expected.at(n, k, y, x);
                        assertTrue(Math.abs(e - actual[i]) <= 1e-5 * Math.max(1, Math.abs(e)),
                                "at " + List.of(n, k, y, x) + ": " + e + " vs " + actual[i]);
                    }
                }
            }
        }
    }

    @Test
    void topEdgeKernelOnTwoDigitsMatchesTheReferenceLoop() {
        JsonPath answer = convolve(Map.of("input", Map.of("dataset", "mnist", "indices", List.of(7, 8)), "kernels", List.of(TOP_EDGE)));
        assertEquals("cpu", answer.getString("device"));
        assertEquals(List.of(0, 0, 0, 0), answer.getList("padding"));
        float[] pixels = new float[2 * 28 * 28];
        for (int i = 0; i < 2; i++) {
            float[] image = flatten(http.json().get("/api/datasets/mnist/images/" + (7 + i)).jsonPath().getList("pixels"));
            System.arraycopy(image, 0, pixels, i * 784, 784);
        }
        Kernels kernel = new Kernels(new float[] {-1, -1, -1, 0, 0, 0, 1, 1, 1}, 1, 3, 3, 1);
        assertMatches(ReferenceConvolution.convolve(new Images(pixels, 2, 28, 28, 1), kernel, ConvolutionSpec.of(1, 1, Padding.valid())), answer);
    }

    @Test
    void randomPixelsMatchTheReferenceForEveryPaddingStrideAndDilation() {
        Random random = new Random(11);
        Object[][] cases = {
            {"valid", 1, 1}, {"same", 2, 1}, {1, 2, 1}, {List.of(0, 2, 1, 0), List.of(2, 1), List.of(1, 2)}, {"same", 3, 2}, {0, 1, 3}};
        for (Object[] c : cases) {
            int n = 2;
            int h = 11;
            int w = 9;
            float[] pixels = new float[n * h * w];
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = random.nextFloat();
            }
            float[] weights = new float[3 * 3 * 3];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = random.nextFloat() * 2 - 1;
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("input", Map.of("pixels", nest(pixels, n, h, w)));
            body.put("kernels", nest(weights, 3, 3, 3));
            body.put("padding", c[0]);
            body.put("stride", c[1]);
            body.put("dilation", c[2]);
            Padding padding = c[0] instanceof String s ? (s.equals("same") ? Padding.same() : Padding.valid())
                    : c[0] instanceof Integer p ? Padding.explicit(p, p, p, p) : Padding.explicit(0, 2, 1, 0);
            int[] stride = c[1] instanceof Integer s ? new int[] {s, s} : new int[] {2, 1};
            int[] dilation = c[2] instanceof Integer d ? new int[] {d, d} : new int[] {1, 2};
            ConvolutionSpec spec = new ConvolutionSpec(stride[0], stride[1], dilation[0], dilation[1], padding);
            assertMatches(ReferenceConvolution.convolve(new Images(pixels, n, h, w, 1), new Kernels(weights, 3, 3, 3, 1), spec), convolve(body));
        }
    }

    @Test
    void kernelsOfTwoSizesGoOneRequestPerSizeAndEachMapIsTheKernelsOwn() {
        List<List<Integer>> leftEdge = List.of(List.of(-1, 0, 1), List.of(-1, 0, 1), List.of(-1, 0, 1));
        List<List<Integer>> fiveTopEdge = List.of(List.of(-1, -1, -1, -1, -1), List.of(-1, -1, -1, -1, -1),
                List.of(0, 0, 0, 0, 0), List.of(1, 1, 1, 1, 1), List.of(1, 1, 1, 1, 1));
        Map<String, Object> digit = Map.of("dataset", "mnist", "indices", List.of(7));

        http.json().body(Map.of("input", digit, "kernels", List.of(TOP_EDGE, fiveTopEdge), "dilation", 2))
                .post("/api/convolutions").then().statusCode(400).body("errors[0].field", equalTo("kernels"));

        JsonPath threes = convolve(Map.of("input", digit, "kernels", List.of(TOP_EDGE, leftEdge), "dilation", 2));
        JsonPath fives = convolve(Map.of("input", digit, "kernels", List.of(fiveTopEdge), "dilation", 2));
        JsonPath leftAlone = convolve(Map.of("input", digit, "kernels", List.of(leftEdge), "dilation", 2));
        assertEquals(List.of(1, 2, 24, 24), threes.getList("shape"));
        assertEquals(List.of(1, 1, 20, 20), fives.getList("shape"));
        assertEquals(leftAlone.getList("output[0][0]"), threes.getList("output[0][1]"));

        float[] pixels = flatten(http.json().get("/api/datasets/mnist/images/7").jsonPath().getList("pixels"));
        float[] five = new float[25];
        for (int i = 0; i < 25; i++) {
            five[i] = fiveTopEdge.get(i / 5).get(i % 5);
        }
        assertMatches(ReferenceConvolution.convolve(new Images(pixels, 1, 28, 28, 1), new Kernels(five, 1, 5, 5, 1),
                ConvolutionSpec.of(1, 2, Padding.valid())), fives);
    }

    @Test
    void aColourKernelsMapIsTheSumOfItsThreeOneChannelParts() {
        Random random = new Random(6);
        float[] weights = new float[3 * 3 * 3];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = random.nextFloat() - 0.5f;
        }
        float[] parts = new float[4 * 27];
        System.arraycopy(weights, 0, parts, 0, 27);
        for (int channel = 0; channel < 3; channel++) {
            for (int tap = 0; tap < 9; tap++) {
                parts[(channel + 1) * 27 + tap * 3 + channel] = weights[tap * 3 + channel];
            }
        }
        JsonPath answer = convolve(Map.of("input", Map.of("dataset", "photos", "indices", List.of(0)), "kernels", nest(parts, 4, 3, 3, 3)));
        assertEquals(List.of(1, 4, 254, 254), answer.getList("shape"));
        float[] maps = flatten(answer.getList("output"));
        int size = 254 * 254;
        for (int i = 0; i < size; i++) {
            float sum = maps[size + i] + maps[2 * size + i] + maps[3 * size + i];
            assertEquals(maps[i], sum, 1e-4f * Math.max(1, Math.abs(maps[i])), "at " + i);
        }
    }

    @Test
    void theLabsFloat32AnswerHoldsTheSameBitsAsTheJsonOne() {
        List<Map<String, Object>> requests = List.of(
                Map.of("input", Map.of("dataset", "mnist", "indices", List.of(7)), "kernels", List.of(TOP_EDGE)),
                Map.of("input", Map.of("dataset", "photos", "indices", List.of(0)), "kernels",
                        List.of(List.of(List.of(List.of(-1, 0, 0), List.of(-1, 0, 0), List.of(-1, 0, 0)), List.of(List.of(0, 0, 0), List.of(0, 0, 0), List.of(0, 0, 0)),
                                List.of(List.of(1, 0, 0), List.of(1, 0, 0), List.of(1, 0, 0)))), "padding", 16));
        for (Map<String, Object> request : requests) {
            JsonPath asJson = convolve(request);
            io.restassured.response.Response asMaps = http.json().accept(MapsAnswer.TYPE + ", application/json;q=0.5").body(request)
                    .post("/api/convolutions").then().statusCode(200).contentType(MapsAnswer.TYPE).extract().response();
            ByteBuffer bytes = ByteBuffer.wrap(asMaps.asByteArray()).order(ByteOrder.LITTLE_ENDIAN);
            int headLength = bytes.getInt();
            assertEquals(0, headLength % 4);
            JsonPath head = new JsonPath(new String(bytes.array(), 4, headLength, StandardCharsets.UTF_8));
            assertEquals(asJson.getList("shape"), head.getList("shape"));
            assertEquals(asJson.getList("padding"), head.getList("padding"));
            assertEquals(asJson.getString("device"), head.getString("device"));
            float[] expected = flatten(asJson.getList("output"));
            bytes.position(4 + headLength);
            assertEquals(expected.length * 4, bytes.remaining());
            for (int i = 0; i < expected.length; i++) {
                assertEquals(Float.floatToIntBits(expected[i]), Float.floatToIntBits(bytes.getFloat()), "number " + i);
            }
        }
    }

    @Test
    void colourImagesTakeThreeChannelKernels() {
        Random random = new Random(5);
        float[] pixels = new float[6 * 7 * 3];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextFloat();
        }
        float[] weights = new float[2 * 3 * 3 * 3];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = random.nextFloat() - 0.5f;
        }
        JsonPath answer = convolve(Map.of("input", Map.of("pixels", nest(pixels, 1, 6, 7, 3)), "kernels", nest(weights, 2, 3, 3, 3),
                "padding", "same"));
        assertMatches(ReferenceConvolution.convolve(new Images(pixels, 1, 6, 7, 3), new Kernels(weights, 2, 3, 3, 3),
                ConvolutionSpec.of(1, 1, Padding.same())), answer);
    }

    @Test
    void tensorFlowSamePaddingWithStrideTwoPadsOnlyTheBottomAndRight() {
        JsonPath answer = convolve(Map.of("input", Map.of("dataset", "mnist", "indices", List.of(0)), "kernels", List.of(TOP_EDGE),
                "stride", 2, "padding", "same"));
        assertEquals(List.of(1, 1, 14, 14), answer.getList("shape"));
        assertEquals(List.of(0, 1, 0, 1), answer.getList("padding"));
    }

    @Test
    void computeTimeIsReported() {
        http.json().body(Map.of("input", Map.of("dataset", "mnist", "indices", List.of(3)), "kernels", List.of(TOP_EDGE)))
                .post("/api/convolutions").then().statusCode(200).body("computeMicros", lessThan(5_000_000));
    }

    @Test
    void badRequestsAreRefusedNamingTheField() {
        Map<String, Object> digits = Map.of("dataset", "mnist", "indices", List.of(0));
        List<List<List<Integer>>> big = List.of(List.of(List.of(1)));
        Object[][] cases = {
            {Map.of("input", digits), "kernels"},
            {Map.of("input", digits, "kernels", List.of()), "kernels"},
            {Map.of("input", digits, "kernels", List.of(List.of(List.of(1, 2), List.of(3)))), "kernels"},
            {Map.of("input", digits, "kernels", List.of(List.of(List.of("a")))), "kernels"},
            {Map.of("input", digits, "kernels", List.of(List.of(List.of(1e7)))), "kernels"},
            {Map.of("input", digits, "kernels", List.of(kernelOfSide(16))), "kernels"},
            {Map.of("input", digits, "kernels", java.util.Collections.nCopies(17, TOP_EDGE)), "kernels"},
            {Map.of("input", digits, "kernels", List.of(TOP_EDGE), "stride", 0), "stride"},
            {Map.of("input", digits, "kernels", List.of(TOP_EDGE), "stride", 9), "stride"},
            {Map.of("input", digits, "kernels", List.of(TOP_EDGE), "stride", List.of(1, 2, 3)), "stride"},
            {Map.of("input", digits, "kernels", List.of(TOP_EDGE), "dilation", 1.5), "dilation"},
            {Map.of("input", digits, "kernels", List.of(TOP_EDGE), "padding", "full"), "padding"},
            {Map.of("input", digits, "kernels", List.of(TOP_EDGE), "padding", 17), "padding"},
            {Map.of("input", digits, "kernels", List.of(TOP_EDGE), "padding", List.of(1, 1, 1)), "padding"},
            {Map.of("input", digits, "kernels", List.of(kernelOfSide(15)), "dilation", 8), "kernels"},
            {Map.of("input", Map.of("dataset", "mnist", "indices", List.of(10000)), "kernels", big), "input.indices"},
            {Map.of("input", Map.of("dataset", "imagenet", "indices", List.of(0)), "kernels", big), "dataset"},
            {Map.of("input", Map.of("dataset", "mnist"), "kernels", big), "input.indices"},
            {Map.of("input", Map.of(), "kernels", big), "input"},
            {Map.of("input", Map.of("pixels", List.of(List.of(List.of(1, 2, 3, 4)))), "kernels", List.of(List.of(List.of(List.of(1, 1))))), "kernels"},
            {Map.of("input", Map.of("pixels", List.of(List.of(List.of(List.of(1, 2, 3, 4))))), "kernels", big), "input.pixels"},
            {Map.of("input", digits, "kernels", List.of(TOP_EDGE), "colour", "red"), "colour"},
        };
        for (Object[] c : cases) {
            JsonPath problem = http.json().body(c[0]).post("/api/convolutions").then().statusCode(c[1].equals("dataset") ? 404 : 400)
                    .contentType("application/problem+json").extract().jsonPath();
            if (!c[1].equals("dataset")) {
                assertEquals(c[1], problem.getString("errors[0].field"), String.valueOf(c[0]));
            }
        }
    }

    @Test
    void outputOverFourMillionNumbersIsRefused() {
        float[] pixels = new float[1 * 512 * 512];
        http.json().body(Map.of("input", Map.of("pixels", nest(pixels, 1, 512, 512)), "kernels", java.util.Collections.nCopies(16, List.of(List.of(1))),
                "padding", 0)).post("/api/convolutions").then().statusCode(400).body("errors[0].field", equalTo("output"));
    }

    @Test
    void aLabPagesRequestWithItsGraphBuiltIsAnsweredWhileEverySlotIsBusyAndABatchGets503() throws Exception {
        Map<String, Object> digitRequest = Map.of("input", Map.of("dataset", "mnist", "indices", List.of(7)), "kernels", List.of(TOP_EDGE));
        convolve(digitRequest);
        int slots = engine.availableSlots();
        CountDownLatch taken = new CountDownLatch(slots);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService holders = Executors.newFixedThreadPool(slots);
        try {
            for (int i = 0; i < slots; i++) {
                holders.submit(() -> engine.withSlot(() -> {
                    taken.countDown();
                    return awaitQuietly(release);
                }));
            }
            assertTrue(taken.await(10, TimeUnit.SECONDS));
            JsonPath digit = convolve(digitRequest);
            assertEquals(List.of(1, 1, 26, 26), digit.getList("shape"));
            List<Integer> batch = java.util.stream.IntStream.range(0, 32).boxed().toList();
            http.json().body(Map.of("input", Map.of("dataset", "mnist", "indices", batch), "kernels", List.of(TOP_EDGE)))
                    .post("/api/convolutions").then().statusCode(503).header("Retry-After", equalTo("1"));
        } finally {
            release.countDown();
            holders.shutdown();
            assertTrue(holders.awaitTermination(10, TimeUnit.SECONDS));
        }
        assertEquals(slots, engine.availableSlots());
    }

    private static boolean awaitQuietly(CountDownLatch latch) {
        try {
            return latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static List<List<Integer>> kernelOfSide(int side) {
        return java.util.Collections.nCopies(side, java.util.Collections.nCopies(side, 1));
    }
}
