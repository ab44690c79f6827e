package dev.convlab.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.http.ContentType;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class OperationsTest {

    @TestHTTPResource
    URL root;

    @ConfigProperty(name = "quarkus.management.test-port")
    int managementPort;

    @jakarta.inject.Inject
    io.agroal.api.AgroalDataSource dataSource;

    private int port;

    @BeforeEach
    void findPort() {
        port = root.getPort();
    }

    private io.restassured.specification.RequestSpecification onManagementPort() {
        return given().port(managementPort);
    }

    @Test
    void healthIncludesTheDatabase() {
        onManagementPort().get("/q/health").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
    }

    @Test
    void readinessShowsTheDatabaseDurabilitySettingsTheServerReports() throws Exception {
        // The tests' own database runs with fsync off by their choice; CrashRestartIT sees "on" on the packaged app.
        for (String setting : new String[] {"fsync", "synchronous_commit", "full_page_writes"}) {
            String reported;
            try (var connection = dataSource.getConnection(); var statement = connection.createStatement();
                    var result = statement.executeQuery("show " + setting)) {
                result.next();
                reported = result.getString(1);
            }
            onManagementPort().get("/q/health/ready").then().statusCode(200)
                    .body("checks.find { it.name == 'database durability' }.data." + setting, equalTo(reported));
        }
    }

    @Test
    void metricsAreExposedForPrometheusOnTheManagementPort() {
        given().get("/api/steps").then().statusCode(200);
        onManagementPort().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests_seconds_count"));
    }

    @Test
    void openApiDescribesTheApiAndSwaggerUiIsServedOnTheManagementPort() {
        onManagementPort().accept(ContentType.JSON).get("/q/openapi").then().statusCode(200).body(containsString("/api/me/progress"));
        onManagementPort().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void thePublicPortServesNoOperationsEndpoint() {
        for (String path : new String[] {"/q/metrics", "/q/openapi", "/q/swagger-ui/", "/q/health", "/q/health/ready"}) {
            given().get(path).then().statusCode(404);
        }
    }

    @Test
    void unknownApiPathIsAProblemAnswer() {
        given().accept(ContentType.JSON).get("/api/no-such-thing").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
    }

    @Test
    void oversizedBodyIsRefusedBeforeItIsRead() throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.getOutputStream().write(("POST /api/convolutions HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 9000000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            assertEquals("HTTP/1.1 413 Request Entity Too Large", status);
        }
    }

    @Test
    void wrongJsonTypeIsA400NamingTheField() {
        Http.visitor().json().body("{\"email\": {\"nested\": true}, \"displayName\": \"x\", \"password\": \"y\"}")
                .post("/api/accounts").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("email"));
    }
}
