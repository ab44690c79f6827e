package dev.convlab.classes;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convlab.platform.Http;
import dev.convlab.platform.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The class pages and the join link's page: who sees what, and a sign-up from a join link that lands in the class. */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class ClassPagesTest {

    @ConfigProperty(name = "quarkus.management.test-port")
    int managementPort;

    private Http admin;
    private long classId;
    private String code;

    @BeforeEach
    void aClass() {
        admin = Http.instructor();
        JsonPath created = Classes.start(admin, "Pages <b>class</b>");
        classId = created.getLong("id");
        code = created.getString("joinCode");
    }

    /** A browser's form post: the session (if any), the CSRF cookie and the form's hidden field. */
    private static RequestSpecification form(Http http) {
        RequestSpecification spec = given().redirects().follow(false).contentType(ContentType.URLENC)
                .cookie(Http.CSRF_COOKIE, http.csrfToken()).formParam("csrf-token", http.csrfToken());
        return http.session() == null ? spec : spec.cookie(Http.SESSION_COOKIE, http.session());
    }

    private static RequestSpecification page(Http http) {
        RequestSpecification spec = given().redirects().follow(false).accept(ContentType.HTML);
        return http.session() == null ? spec : spec.cookie(Http.SESSION_COOKIE, http.session());
    }

    @Test
    void aVisitorSignsUpFromTheJoinLinkAndLandsInTheClass() {
        Http visitor = Http.visitor();
        page(visitor).get("/join/" + code).then().statusCode(200)
                .body(containsString("Join Pages &lt;b&gt;class&lt;/b&gt;")).body(containsString("Sign up and join"))
                .body(containsString("href=\"/login?next=/join/" + code + "\""));
        String email = Http.uniqueEmail();
        Response signedUp = form(visitor).formParam("email", email).formParam("displayName", "Joined Jo").formParam("password", "a-long-enough-password")
                .post("/join/" + code.toLowerCase() + "/signup");
        signedUp.then().statusCode(303).header("Location", containsString("/classes/" + classId));
        String session = signedUp.getCookie(Http.SESSION_COOKIE);
        given().cookie(Http.SESSION_COOKIE, session).accept(ContentType.JSON).get("/api/classes").then().statusCode(200)
                .body("id", equalTo(List.of((int) classId))).body("role", equalTo(List.of("learner")));
        given().redirects().follow(false).cookie(Http.SESSION_COOKIE, session).get("/join/" + code).then().statusCode(303)
                .header("Location", containsString("/classes/" + classId));
        given().cookie(Http.SESSION_COOKIE, session).get("/classes/" + classId).then().statusCode(200)
                .body(containsString("Leave this class")).body(not(containsString("Join link"))).body(not(containsString(code)));
    }

    @Test
    void aSignUpWithBadFieldsOrWithoutTheTokenChangesNothing() {
        Http visitor = Http.visitor();
        form(visitor).formParam("email", "not-an-email").formParam("displayName", "Bad").formParam("password", "a-long-enough-password")
                .post("/join/" + code + "/signup").then().statusCode(400).body(containsString("is not a valid e-mail address"))
                .body(containsString("value=\"Bad\""));
        given().redirects().follow(false).contentType(ContentType.URLENC).cookie(Http.CSRF_COOKIE, visitor.csrfToken())
                .formParam("email", Http.uniqueEmail()).formParam("displayName", "Forged").formParam("password", "a-long-enough-password")
                .post("/join/" + code + "/signup").then().statusCode(403);
        admin.json().get("/api/classes/" + classId).then().body("learners", equalTo(0));
    }

    @Test
    void aLoggedInLearnerJoinsWithOneButtonAndClosedOrUnknownCodesSaySo() {
        Http kim = Classes.student("Kim");
        page(kim).get("/join/" + code).then().statusCode(200).body(containsString("You are logged in as Kim"));
        form(kim).post("/join/" + code).then().statusCode(303).header("Location", containsString("/classes/" + classId));
        form(Http.visitor()).post("/join/" + code).then().statusCode(303).header("Location", containsString("/login?next=/join/" + code));

        admin.json().body(Map.of("open", false)).put("/api/classes/" + classId + "/joining").then().statusCode(200);
        Http visitor = Http.visitor();
        page(visitor).get("/join/" + code).then().statusCode(200).body(containsString("Joining this class is closed"))
                .body(not(containsString("Sign up and join")));
        form(visitor).formParam("email", Http.uniqueEmail()).formParam("displayName", "Late").formParam("password", "a-long-enough-password")
                .post("/join/" + code + "/signup").then().statusCode(409).body(containsString("Joining this class is closed"));
        form(Classes.student("Lee")).post("/join/" + code).then().statusCode(409).body(containsString("Joining this class is closed"));
        page(visitor).get("/join/00000-00000").then().statusCode(404).body(containsString("No class has this code"));
    }

    @Test
    void classPagesShowEachReaderWhatTheirRoleAllows() {
        page(Http.visitor()).get("/classes").then().statusCode(303).header("Location", containsString("/login?next=/classes"));
        page(Http.visitor()).get("/classes/" + classId).then().statusCode(303).header("Location", containsString("/login?next=/classes/" + classId));
        Http outsider = Classes.student("Outside");
        page(outsider).get("/classes/" + classId).then().statusCode(403).body(containsString("You are not in this class"));
        page(outsider).get("/classes/999999999").then().statusCode(404).body(containsString("There is no class 999999999"));
        page(outsider).get("/classes").then().statusCode(200).body(containsString("Join a class")).body(not(containsString("Start a class")));
        page(admin).get("/classes").then().statusCode(200).body(containsString("Start a class")).body(containsString("Pages &lt;b&gt;class&lt;/b&gt;"));
        String instructorPage = page(admin).get("/classes/" + classId).then().statusCode(200).extract().asString();
        assertTrue(instructorPage.contains("/join/" + code), "the join link");
        assertTrue(instructorPage.contains("data-dashboard-api=\"/api/classes/" + classId + "\""), "the class's dashboard");
        assertTrue(instructorPage.contains("Add co-instructor"));
        Http other = Classes.student("Other teacher");
        JsonPath mine = Classes.start(admin, "Other class");
        Classes.addInstructor(admin, mine.getLong("id"), other);
        page(other).get("/classes/" + classId).then().statusCode(403);
    }

    @Test
    void theOpenApiDocumentDescribesTheClassesApi() {
        String openapi = given().port(managementPort).accept(ContentType.JSON).get("/q/openapi").then().statusCode(200).extract().asString();
        for (String path : List.of("/api/classes", "/api/classes/join", "/api/classes/{id}/code", "/api/classes/{id}/joining",
                "/api/classes/{id}/archived", "/api/classes/{id}/instructors", "/api/classes/{id}/members/{accountId}",
                "/api/classes/{id}/membership", "/api/classes/{id}/dashboard", "/api/classes/{id}/learners.csv",
                "/api/classes/{id}/leaderboard", "/api/classes/{id}/leaderboard/{runId}/verify")) {
            assertTrue(openapi.contains("\"" + path + "\""), path);
        }
        assertEquals(true, openapi.contains("\"class\""), "the site board's class filter");
    }
}
