package dev.convlab.kernellab;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convlab.datasets.DatasetCatalog;
import dev.convlab.datasets.ImageSet;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class Im2colResourceTest {

    private static final List<List<Integer>> TOP_EDGE = List.of(List.of(-1, -1, -1), List.of(0, 0, 0), List.of(1, 1, 1));

    @Inject
    DatasetCatalog datasets;

    @Inject
    RaceTimings raceTimings;

    @Test
    void digitUnfoldsAndTheProductMatchesTheConvolution() {
        Http http = Http.visitor();
        var answer = http.json().body(Map.of("dataset", "mnist", "index", 7, "kernel", TOP_EDGE)).post("/api/im2col")
                .then().statusCode(200)
                .body("rows", equalTo(9)).body("columns", equalTo(676))
                .body("unfolded", hasSize(9)).body("unfolded[0]", hasSize(676))
                .body("map", hasSize(26))
                .body("timings.method", hasItems("Plain Java loop", "im2col + MatMul in TensorFlow", "TensorFlow Conv2D"))
                .body("batch.images", equalTo(64)).body("batch.kernels", equalTo(8))
                .body("batch.timings.method", hasItems("Plain Java loop", "im2col + MatMul in TensorFlow", "TensorFlow Conv2D"))
                .body("batch.timings[0].runs", equalTo(Im2colResource.BATCH_RUNS))
                .extract().jsonPath();
        List<List<Float>> map = answer.getList("map");
        List<List<List<List<Float>>>> convolved = http.json()
                .body(Map.of("input", Map.of("dataset", "mnist", "indices", List.of(7)), "kernels", List.of(TOP_EDGE)))
                .post("/api/convolutions").then().statusCode(200).extract().jsonPath().getList("output");
        for (int y = 0; y < 26; y++) {
            for (int x = 0; x < 26; x++) {
                org.junit.jupiter.api.Assertions.assertEquals(convolved.get(0).get(0).get(y).get(x), map.get(y).get(x), 1e-5f);
            }
        }
    }

    @Test
    void twoDigitsWithTheSameKernelShapeShareOneRaceAndEachGetsItsOwnMatrixAndMap() {
        Http http = Http.visitor();
        JsonPath measured = im2col(http, 3, TOP_EDGE, true);
        assertFalse(measured.getBoolean("shared"));
        List<List<Integer>> sharpen = List.of(List.of(0, -1, 0), List.of(-1, 5, -1), List.of(0, -1, 0));
        JsonPath seven = im2col(http, 7, TOP_EDGE, false);
        JsonPath fortyTwo = im2col(http, 42, sharpen, false);

        assertTrue(seven.getBoolean("shared"));
        assertTrue(fortyTwo.getBoolean("shared"));
        assertEquals(measured.getString("measuredAt"), seven.getString("measuredAt"));
        assertEquals(measured.getString("measuredAt"), fortyTwo.getString("measuredAt"));
        assertEquals(measured.getList("batch.timings.medianMicros"), fortyTwo.getList("batch.timings.medianMicros"));
        assertEquals(60, seven.getInt("sharedForSeconds"));
        assertExactFor(7, TOP_EDGE, seven);
        assertExactFor(42, sharpen, fortyTwo);
    }

    @Test
    void aFreshRaceMeasuresAnewAfterTheSharedOne() {
        Http http = Http.visitor();
        Instant shared = Instant.parse(im2col(http, 5, TOP_EDGE, false).getString("measuredAt"));
        long races = raceTimings.races();

        JsonPath fresh = im2col(http, 5, TOP_EDGE, true);

        assertFalse(fresh.getBoolean("shared"));
        assertTrue(Instant.parse(fresh.getString("measuredAt")).isAfter(shared));
        assertEquals(races + 1, raceTimings.races());
        assertEquals(fresh.getString("measuredAt"), im2col(http, 6, TOP_EDGE, false).getString("measuredAt"));
    }

    @Test
    void manyRequestsAtOnceForOneShapeAllGetTheirAnswerFromOneRace() throws Exception {
        List<List<Integer>> tall = List.of(List.of(1, 2), List.of(3, 4), List.of(5, 6), List.of(7, 8), List.of(9, 10));
        Http http = Http.visitor();
        long races = raceTimings.races();
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<JsonPath>> answers = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                int index = 100 + i;
                answers.add(pool.submit(() -> im2col(http, index, tall, false)));
            }
            Set<String> measuredAt = new HashSet<>();
            for (int i = 0; i < 12; i++) {
                JsonPath answer = answers.get(i).get(60, TimeUnit.SECONDS);
                measuredAt.add(answer.getString("measuredAt"));
                assertExactFor(100 + i, tall, answer);
            }
            assertEquals(1, measuredAt.size());
            assertEquals(races + 1, raceTimings.races());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aDifferentKernelShapeGetsItsOwnRace() {
        Http http = Http.visitor();
        Instant square = Instant.parse(im2col(http, 9, TOP_EDGE, true).getString("measuredAt"));
        long races = raceTimings.races();

        JsonPath wide = im2col(http, 9, List.of(List.of(1, 0, -1, 2), List.of(-1, 0, 1, -2)), false);

        assertFalse(wide.getBoolean("shared"));
        assertTrue(Instant.parse(wide.getString("measuredAt")).isAfter(square));
        assertEquals(races + 1, raceTimings.races());
        assertEquals(List.of(8, 27 * 25), List.of(wide.getInt("rows"), wide.getInt("columns")));
    }

    private static JsonPath im2col(Http http, int index, List<List<Integer>> kernel, boolean fresh) {
        return http.json().body(Map.of("dataset", "mnist", "index", index, "kernel", kernel, "fresh", fresh)).post("/api/im2col")
                .then().statusCode(200).extract().jsonPath();
    }

    /** The answer's matrix holds the digit's own windows and its map is the loop's convolution of that digit. */
    private void assertExactFor(int index, List<List<Integer>> kernel, JsonPath answer) {
        int height = kernel.size();
        int width = kernel.get(0).size();
        float[] pixels = datasets.get("mnist").values(index, index + 1);
        float[] weights = new float[height * width];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = kernel.get(i / width).get(i % width);
        }
        FeatureMaps loop = ReferenceConvolution.convolve(new Images(pixels, 1, 28, 28, 1), new Kernels(weights, 1, height, width, 1),
                ConvolutionSpec.of(1, 1, Padding.valid()));
        List<List<Float>> unfolded = answer.getList("unfolded");
        List<List<Float>> map = answer.getList("map");
        assertEquals(List.of(loop.height(), loop.width()), List.of(map.size(), map.get(0).size()));
        for (int y = 0; y < loop.height(); y++) {
            for (int x = 0; x < loop.width(); x++) {
                assertEquals(loop.toArray()[y * loop.width() + x], map.get(y).get(x), 1e-4f);
                for (int tap = 0; tap < height * width; tap++) {
                    assertEquals(pixels[(y + tap / width) * 28 + x + tap % width], unfolded.get(tap).get(y * loop.width() + x));
                }
            }
        }
    }

    @Test
    void theBatchIsTheKernelUpsideDownMirroredAndNegatedOnTheDigitsFromTheChosenOneOn() {
        Kernels kernel = new Kernels(new float[] {1, 2, 3, 4, 5, 6}, 1, 2, 3, 1);
        Kernels variants = Im2colResource.variants(kernel);
        assertEquals(8, variants.count());
        assertEquals(List.of(1f, 2f, 3f, 4f, 5f, 6f), row(variants, 0));
        assertEquals(List.of(4f, 5f, 6f, 1f, 2f, 3f), row(variants, 1));
        assertEquals(List.of(3f, 2f, 1f, 6f, 5f, 4f), row(variants, 2));
        assertEquals(List.of(6f, 5f, 4f, 3f, 2f, 1f), row(variants, 3));
        assertEquals(List.of(-6f, -5f, -4f, -3f, -2f, -1f), row(variants, 7));

        ImageSet mnist = datasets.get("mnist");
        Images batch = Im2colResource.batch(mnist, 9990);
        assertEquals(64, batch.count());
        assertEquals(mnist.values(9995, 9996)[300], batch.values()[5 * 784 + 300]);
        assertEquals(mnist.values(3, 4)[400], batch.values()[13 * 784 + 400]);
    }

    private static List<Float> row(Kernels kernels, int k) {
        List<Float> values = new ArrayList<>();
        for (int y = 0; y < kernels.height(); y++) {
            for (int x = 0; x < kernels.width(); x++) {
                values.add(kernels.at(k, y, x, 0));
            }
        }
        return values;
    }

    @Test
    void badRequestsAreRefusedNamingTheField() {
        Http http = Http.visitor();
        http.json().body(Map.of("dataset", "photos", "index", 0, "kernel", TOP_EDGE)).post("/api/im2col").then().statusCode(400)
                .body("errors[0].field", equalTo("dataset"));
        http.json().body(Map.of("dataset", "mnist", "index", 10000, "kernel", TOP_EDGE)).post("/api/im2col").then().statusCode(400)
                .body("errors[0].field", equalTo("index"));
        http.json().body(Map.of("dataset", "mnist", "index", 1, "kernel", List.of(List.of(1, 2), List.of(3)))).post("/api/im2col")
                .then().statusCode(400).body("errors[0].field", equalTo("kernel"));
        http.json().body(Map.of("dataset", "mnist", "index", 1, "kernel", java.util.Collections.nCopies(8, java.util.Collections.nCopies(8, 1))))
                .post("/api/im2col").then().statusCode(400).body("errors[0].field", equalTo("kernel"));
        http.json().body(Map.of("index", 1, "kernel", TOP_EDGE)).post("/api/im2col").then().statusCode(400);
    }
}
