package dev.convlab.datasets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import dev.convlab.platform.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class DatasetResourceTest {

    @Test
    void shippedMnistHasTenThousandDigits() {
        given().get("/api/datasets").then().statusCode(200)
                .body("name", hasItem("mnist"))
                .body("find { it.name == 'mnist' }.count", equalTo(10000))
                .body("find { it.name == 'mnist' }.height", equalTo(28));
    }

    @Test
    void imagesAreInterleavedByDigitAsTwentyEightRowsOfValues() {
        given().get("/api/datasets/mnist/images/7").then().statusCode(200)
                .body("label", equalTo(7))
                .body("pixels", hasSize(28))
                .body("pixels[0]", hasSize(28))
                .body("pixels[0][0]", equalTo(0.0f));
        given().get("/api/datasets/mnist/images/13").then().statusCode(200).body("label", equalTo(3));
    }

    @Test
    void indexOutsideTheSetIsA400NamingTheField() {
        for (String index : new String[] {"10000", "-1", "abc", "99999999999"}) {
            given().get("/api/datasets/mnist/images/" + index).then().statusCode(400).body("errors[0].field", equalTo("index"));
        }
    }

    @Test
    void unknownDatasetIsA404() {
        given().get("/api/datasets/imagenet/images/0").then().statusCode(404).contentType("application/problem+json");
    }
}
