package dev.convlab.kernellab;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.convlab.datasets.DatasetCatalog;
import dev.convlab.datasets.ImageSet;
import dev.convlab.kernellab.compute.Images;
import dev.convlab.kernellab.compute.Kernels;
import dev.convlab.platform.Http;
import dev.convlab.platform.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class Im2colResourceTest {

    private static final List<List<Integer>> TOP_EDGE = List.of(List.of(-1, -1, -1), List.of(0, 0, 0), List.of(1, 1, 1));

    @Inject
    DatasetCatalog datasets;

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
