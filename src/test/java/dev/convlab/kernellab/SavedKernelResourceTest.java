package dev.convlab.kernellab;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.convlab.platform.Http;
import dev.convlab.platform.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class SavedKernelResourceTest {

    private static final List<List<List<Integer>>> BOTTOM_EDGE = List.of(List.of(List.of(1, 1, 1), List.of(0, 0, 0), List.of(-1, -1, -1)));

    @Test
    void learnerSavesListsReplacesAndDeletesKernels() {
        Http learner = Http.student();
        learner.json().body(Map.of("weights", BOTTOM_EDGE)).put("/api/me/kernels/bottom edge").then().statusCode(200)
                .body("name", equalTo("bottom edge"));
        learner.json().body(Map.of("weights", List.of(List.of(List.of(2))))).put("/api/me/kernels/identity").then().statusCode(200);
        learner.json().get("/api/me/kernels").then().statusCode(200)
                .body("name", contains("bottom edge", "identity"))
                .body("[0].weights[0][2][0]", equalTo(-1.0f));
        learner.json().body(Map.of("weights", List.of(List.of(List.of(3))))).put("/api/me/kernels/identity").then().statusCode(200);
        learner.json().get("/api/me/kernels").then().body("$", hasSize(2)).body("[1].weights[0][0][0]", equalTo(3.0f));
        learner.json().delete("/api/me/kernels/identity").then().statusCode(204);
        learner.json().delete("/api/me/kernels/identity").then().statusCode(404);
        learner.json().get("/api/me/kernels").then().body("name", contains("bottom edge"));
    }

    @Test
    void kernelsArePrivateToTheirLearner() {
        Http owner = Http.student();
        owner.json().body(Map.of("weights", BOTTOM_EDGE)).put("/api/me/kernels/mine").then().statusCode(200);
        Http other = Http.student();
        other.json().get("/api/me/kernels").then().body("$", empty());
        other.json().delete("/api/me/kernels/mine").then().statusCode(404);
        owner.json().get("/api/me/kernels").then().body("name", contains("mine"));
        given().accept(ContentType.JSON).get("/api/me/kernels").then().statusCode(401);
    }

    @Test
    void badKernelsAreRefusedAndNothingIsStored() {
        Http learner = Http.student();
        Object[] bad = {List.of(), List.of(List.of()), List.of(List.of(List.of(1, 2), List.of(3))), List.of(List.of(List.of(1)), List.of(List.of(1))),
            List.of(List.of(java.util.Collections.nCopies(16, 1))), List.of(List.of(List.of(1e9))), "text"};
        for (Object weights : bad) {
            learner.json().body(Map.of("weights", weights)).put("/api/me/kernels/bad").then().statusCode(400);
        }
        learner.json().body(Map.of("weights", BOTTOM_EDGE)).put("/api/me/kernels/" + "x".repeat(61)).then().statusCode(400)
                .body("errors[0].field", equalTo("name"));
        learner.json().get("/api/me/kernels").then().body("$", empty());
    }
}
