package dev.convlab.classes;

import dev.convlab.account.Account;
import dev.convlab.platform.Http;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.path.json.JsonPath;
import java.util.Map;

/** Test helpers: classes started, joined and people added through the API, as a browser would. */
final class Classes {

    private Classes() {}

    /** A class started by {@code instructor}; its JSON. */
    static JsonPath start(Http instructor, String name) {
        return instructor.json().body(Map.of("name", name)).post("/api/classes").then().statusCode(201).extract().jsonPath();
    }

    static void join(Http learner, String code) {
        learner.json().body(Map.of("code", code)).post("/api/classes/join").then().statusCode(200);
    }

    static void addInstructor(Http instructor, long classId, Http colleague) {
        instructor.json().body(Map.of("email", emailOf(colleague))).post("/api/classes/" + classId + "/instructors").then().statusCode(201);
    }

    static String emailOf(Http http) {
        return http.json().get("/api/me").then().statusCode(200).extract().path("email");
    }

    static long accountOf(Http http) {
        String email = emailOf(http);
        return QuarkusTransaction.requiringNew().call(() -> Account.findByEmail(email).orElseThrow().id);
    }

    /** A student who signed up with this display name. */
    static Http student(String name) {
        Http http = Http.visitor();
        http.signUp(Http.uniqueEmail(), name, "a-long-enough-password").then().statusCode(201);
        return http;
    }
}
