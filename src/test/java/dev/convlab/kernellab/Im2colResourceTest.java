package dev.convlab.kernellab;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import dev.convlab.platform.Http;
import dev.convlab.platform.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class Im2colResourceTest {

    private static final List<List<Integer>> TOP_EDGE = List.of(List.of(-1, -1, -1), List.of(0, 0, 0), List.of(1, 1, 1));

    @Test
    void digitUnfoldsAndTheProductMatchesTheConvolution() {
        Http http = Http.visitor();
        var answer = http.json().body(Map.of("dataset", "mnist", "index", 7, "kernel", TOP_EDGE)).post("/api/im2col")
                .then().statusCode(200)
                .body("rows", equalTo(9)).body("columns", equalTo(676))
                .body("unfolded", hasSize(9)).body("unfolded[0]", hasSize(676))
                .body("map", hasSize(26))
                .body("timings.method", hasItems("Plain Java loop", "im2col + MatMul in TensorFlow", "TensorFlow Conv2D"))
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
