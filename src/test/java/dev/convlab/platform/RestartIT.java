package dev.convlab.platform;

import static org.hamcrest.Matchers.equalTo;

import io.restassured.RestAssured;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The packaged app, started as the README starts it, stopped and started again on the same embedded data. */
class RestartIT {

    @Test
    void progressSurvivesARestartOnTheSameDataFolder() throws Exception {
        Path data = Files.createTempDirectory("convlab-restart").resolve("postgres");
        int port = PackagedApp.freePort();
        RestAssured.port = port;
        Map<String, String> environment = Map.of("CONVLAB_DATA_DIR", data.toString());
        String email = Http.uniqueEmail();

        try (PackagedApp app = PackagedApp.start(port, environment, "restart-it.log")) {
            Http learner = Http.visitor();
            learner.signUp(email, "Restarted", "a-long-enough-password").then().statusCode(201);
            learner.json().post("/api/steps/images-are-numbers/completion").then().statusCode(204);
            learner.json().body(Map.of("answer", "2.65")).post("/api/steps/one-kernel-one-spot/exercises/top-edge-at-spot/attempts")
                    .then().statusCode(200).body("correct", equalTo(true));
        }

        try (PackagedApp app = PackagedApp.start(port, environment, "restart-it.log")) {
            Http again = Http.visitor();
            again.logIn(email, "a-long-enough-password").then().statusCode(200);
            again.json().get("/api/me/progress").then().statusCode(200)
                    .body("completedSteps", equalTo(1))
                    .body("steps.find { it.slug == 'images-are-numbers' }.state", equalTo("completed"))
                    .body("steps.find { it.slug == 'one-kernel-one-spot' }.exercisesPassed", equalTo(1));
            RestAssured.given().get("/api/steps").then().statusCode(200).body("size()", equalTo(11));
        }
    }
}
