package dev.convlab.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class OperationsTest {

    @Test
    void healthIncludesTheDatabase() {
        given().get("/q/health").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
    }

    @Test
    void metricsAreExposedForPrometheus() {
        given().get("/api/steps").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests_seconds_count"));
    }

    @Test
    void openApiDescribesTheApiAndSwaggerUiIsServed() {
        given().accept(ContentType.JSON).get("/q/openapi").then().statusCode(200).body(containsString("/api/me/progress"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void unknownApiPathIsAProblemAnswer() {
        given().accept(ContentType.JSON).get("/api/no-such-thing").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
    }

    @Test
    void oversizedBodyIsRefused() {
        Http http = Http.visitor();
        http.json().body("{\"email\":\"" + "a".repeat(2_000_000) + "\"}").post("/api/accounts").then().statusCode(413);
    }

    @Test
    void wrongJsonTypeIsA400NamingTheField() {
        Http.visitor().json().body("{\"email\": {\"nested\": true}, \"displayName\": \"x\", \"password\": \"y\"}")
                .post("/api/accounts").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("email"));
    }
}
