package dev.convlab.platform;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The packaged app, started as the README starts it, stopped and started again on the same embedded data. */
class RestartIT {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

    private Process app;

    @AfterEach
    void stopApp() throws InterruptedException {
        stop();
    }

    @Test
    void progressSurvivesARestartOnTheSameDataFolder() throws Exception {
        Path data = Files.createTempDirectory("convlab-restart").resolve("postgres");
        int port = freePort();
        RestAssured.port = port;

        start(data, port);
        String email = Http.uniqueEmail();
        Http learner = Http.visitor();
        learner.signUp(email, "Restarted", "a-long-enough-password").then().statusCode(201);
        learner.json().post("/api/steps/images-are-numbers/completion").then().statusCode(204);
        learner.json().body(Map.of("answer", "2.65")).post("/api/steps/one-kernel-one-spot/exercises/top-edge-at-spot/attempts")
                .then().statusCode(200).body("correct", equalTo(true));
        stop();

        start(data, port);
        Http again = Http.visitor();
        again.logIn(email, "a-long-enough-password").then().statusCode(200);
        again.json().get("/api/me/progress").then().statusCode(200)
                .body("completedSteps", equalTo(1))
                .body("steps.find { it.slug == 'images-are-numbers' }.state", equalTo("completed"))
                .body("steps.find { it.slug == 'one-kernel-one-spot' }.exercisesPassed", equalTo(1));
        RestAssured.given().get("/api/steps").then().statusCode(200).body("size()", equalTo(11));
    }

    private void start(Path data, int port) throws Exception {
        assertTrue(Files.exists(JAR), "package the app first: " + JAR);
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port, "-jar", JAR.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target", "restart-it.log").toFile()));
        builder.environment().remove("CONVLAB_DB_URL");
        builder.environment().put("CONVLAB_DATA_DIR", data.toString());
        app = builder.start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            if (!app.isAlive()) {
                throw new IllegalStateException("the app exited with " + app.exitValue() + "; see target/restart-it.log");
            }
            if (ready(port)) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the app did not become ready in 120 s; see target/restart-it.log");
    }

    private void stop() throws InterruptedException {
        if (app != null && app.isAlive()) {
            app.destroy();
            if (!app.waitFor(60, TimeUnit.SECONDS)) {
                app.destroyForcibly().waitFor();
            }
        }
        app = null;
    }

    private static boolean ready(int port) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create("http://localhost:" + port + "/q/health/ready").toURL().openConnection();
            connection.setConnectTimeout(500);
            return connection.getResponseCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
