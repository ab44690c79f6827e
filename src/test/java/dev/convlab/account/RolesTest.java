package dev.convlab.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.convlab.platform.Http;
import dev.convlab.platform.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class RolesTest {

    @Test
    void configuredInstructorCanLogInWithTheInstructorRole() {
        Http.visitor().logIn("instructor@convlab.test", "test-only-instructor")
                .then().statusCode(200).body("role", equalTo("instructor"));
    }

    @Test
    void studentCallingAnInstructorEndpointIsForbidden() {
        Http.student().json().get("/api/instructor/learners")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void anonymousCallingAnInstructorEndpointIsUnauthorized() {
        given().accept(ContentType.JSON).get("/api/instructor/learners").then().statusCode(401);
    }

    @Test
    void instructorSeesTheClass() {
        String email = Http.uniqueEmail();
        Http.visitor().signUp(email, "Class Member", "a-long-enough-password").then().statusCode(201);
        Http instructor = Http.instructor();
        instructor.json().get("/api/instructor/learners")
                .then().statusCode(200).body("email", hasItem(email));
    }
}
