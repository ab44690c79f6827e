package dev.convlab.datasets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import dev.convlab.platform.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class DatasetResourceTest {

    @Test
    void shippedMnistHasTenThousandDigits() {
        given().get("/api/datasets").then().statusCode(200)
                .body("name", hasItems("mnist", "photos"))
                .body("find { it.name == 'mnist' }.count", equalTo(10000))
                .body("find { it.name == 'mnist' }.height", equalTo(28))
                .body("find { it.name == 'mnist' }.channels", equalTo(1));
    }

    @Test
    void imagesAreInterleavedByDigitAsTwentyEightRowsOfValues() {
        given().get("/api/datasets/mnist/images/7").then().statusCode(200)
                .body("label", equalTo(7))
                .body("className", equalTo("7"))
                .body("pixels", hasSize(28))
                .body("pixels[0]", hasSize(28))
                .body("pixels[0][0]", equalTo(0.0f));
        given().get("/api/datasets/mnist/images/13").then().statusCode(200).body("label", equalTo(3));
    }

    @Test
    void photosAreSquareColourImagesWithTheirNames() {
        given().get("/api/datasets").then().body("find { it.name == 'photos' }.channels", equalTo(3))
                .body("find { it.name == 'photos' }.height", equalTo(256));
        given().get("/api/datasets/photos/images/2").then().statusCode(200)
                .body("className", equalTo("chelsea"))
                .body("channels", equalTo(3))
                .body("pixels", hasSize(256))
                .body("pixels[0]", hasSize(256))
                .body("pixels[128][128]", hasSize(3));
    }

    @Test
    void fashionMnistIsServedFromDebiansPackage() {
        boolean present = Files.exists(Path.of("/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz"));
        if (!present && !Boolean.parseBoolean(System.getenv("CONVLAB_REQUIRE_FASHION_MNIST"))) {
            Assumptions.abort("dataset-fashion-mnist is not installed");
        }
        given().get("/api/datasets").then().body("find { it.name == 'fashion-mnist' }.count", equalTo(10000));
        given().get("/api/datasets/fashion-mnist/images/0").then().statusCode(200)
                .body("className", equalTo("Ankle boot"))
                .body("pixels", hasSize(28));
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
        given().get("/api/datasets").then().body("name", not(hasItem("imagenet")));
    }
}
