package dev.convlab.kernellab;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import dev.convlab.platform.Http;
import dev.convlab.platform.PackagedApp;
import io.restassured.RestAssured;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The packaged app as shipped warms the kernel lab through its own HTTP server before it says it is ready. */
class LabWarmUpIT {

    private static final Map<String, Object> LAB = Map.of("input", Map.of("dataset", "mnist", "indices", List.of(7)),
            "kernels", List.of(List.of(List.of(-1, -1, -1), List.of(0, 0, 0), List.of(1, 1, 1))));

    @Test
    void readyOnlyAfterThousandsOfLabRequestsNoneRefusedAndNoneChargedToLocalhost() throws Exception {
        int port = PackagedApp.freePort();
        RestAssured.port = port;
        Map<String, String> environment = Map.of("CONVLAB_DATA_DIR", Files.createTempDirectory("convlab-warm").resolve("postgres").toString());
        try (PackagedApp app = PackagedApp.start(port, environment, "lab-warm-up-it.log")) {
            RestAssured.given().get(app.management("/q/health/ready")).then().statusCode(200)
                    .body("checks.find { it.name == 'kernel lab warm-up' }.status", equalTo("UP"))
                    .body("checks.find { it.name == 'kernel lab warm-up' }.data.requests", greaterThan(1000))
                    .body("checks.find { it.name == 'kernel lab warm-up' }.data.refused", equalTo(0));
            Http visitor = Http.visitor();
            for (int i = 0; i < 4; i++) {
                visitor.json().body(LAB).post("/api/convolutions").then().statusCode(200);
            }
        }
    }
}
