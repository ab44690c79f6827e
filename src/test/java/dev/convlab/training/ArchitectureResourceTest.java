package dev.convlab.training;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.convlab.platform.Http;
import dev.convlab.platform.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The network builder's plan: what a run of these settings would build, or the 400 it would get. */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class ArchitectureResourceTest {

    @Test
    void theLessonNetworkIsPlannedLayerByLayerWithItsCost() {
        Http.visitor().json().body(Map.of()).post("/api/architectures").then().statusCode(200)
                .body("layers.size()", equalTo(6))
                .body("layers.height", equalTo(List.of(14, 7, 4, 2, 1, 1)))
                .body("layers.receptiveField", equalTo(List.of(3, 7, 15, 31, 63, 63)))
                .body("parameters", equalTo(5274))
                .body("multiplyAdds", equalTo(36 * 196 + 288 * 49 + 1152 * 16 + 2304 * 4 + 1440));
    }

    @Test
    void poolingKeepsTheParametersAndQuadruplesTheWork() {
        Http.visitor().json().body(Map.of("downsampling", "MAX_POOL")).post("/api/architectures").then().statusCode(200)
                .body("parameters", equalTo(5274))
                .body("multiplyAdds", equalTo(36 * 784 + 288 * 196 + 1152 * 49 + 2304 * 16 + 1440 * 4));
    }

    @Test
    void networksThatCannotBeBuiltOrWouldTakeHoursAreRefused() {
        Http.visitor().json().body(Map.of("channels", List.of(4, 8))).post("/api/architectures").then().statusCode(400)
                .body("errors[0].field", equalTo("channels")).body("errors[0].message", containsString("flatten head needs a 1×1 last map"));
        Http.visitor().json().body(Map.of("downsampling", "AVG_POOL", "kernelSize", 5, "channels", List.of(128, 128, 128, 128)))
                .post("/api/architectures").then().statusCode(400)
                .body("errors[0].field", equalTo("channels")).body("errors[0].message", containsString("multiply-adds per image"));
    }
}
