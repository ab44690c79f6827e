package dev.convlab.classes;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convlab.platform.Http;
import dev.convlab.platform.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A class's life through the API: started, joined, its code rotated, joining closed, archived; co-instructors; leaving. */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class ClassLifecycleTest {

    @Test
    void anInstructorStartsAClassWithAnUnguessableCodeAndALearnerJoinsWithIt() {
        Http admin = Http.instructor();
        JsonPath created = admin.json().body(Map.of("name", "  Convolutions, section A ", "term", "Spring 2027", "endsOn", "2027-06-30"))
                .post("/api/classes").then().statusCode(201).header("Location", containsString("/api/classes/")).extract().jsonPath();
        long id = created.getLong("id");
        String code = created.getString("joinCode");
        assertEquals("Convolutions, section A", created.getString("name"));
        assertEquals("Spring 2027", created.getString("term"));
        assertEquals("2027-06-30", created.getString("endsOn"));
        assertEquals("instructor", created.getString("role"));
        assertEquals("full", created.getString("privacy"));
        assertTrue(created.getBoolean("onSiteBoard"));
        assertTrue(created.getBoolean("joinable"));
        assertEquals(1, created.getInt("instructors"));
        assertTrue(code.matches("[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}"), code);
        assertEquals("/join/" + code, created.getString("joinPath"));

        Http ada = Classes.student("Ada");
        JsonPath joined = ada.json().body(Map.of("code", code.toLowerCase(Locale.ROOT).replace("-", " "))).post("/api/classes/join")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(id, joined.getLong("id"));
        assertEquals("learner", joined.getString("role"));
        assertEquals(null, joined.getString("joinCode"), "learners are not shown the code");
        ada.json().body(Map.of("code", code)).post("/api/classes/join").then().statusCode(200).body("learners", equalTo(1));
        ada.json().get("/api/classes").then().statusCode(200).body("id", hasItem((int) id));
        ada.json().get("/api/classes/" + id).then().statusCode(200).body("name", equalTo("Convolutions, section A")).body("joinCode", nullValue());
        admin.json().get("/api/classes/" + id + "/members").then().statusCode(200)
                .body("find { it.role == 'learner' }.displayName", equalTo("Ada")).body("find { it.role == 'learner' }.number", equalTo(2));
    }

    @Test
    void aNewCodeRetiresTheOldOneAndClosedOrEndedClassesTakeNobody() {
        Http admin = Http.instructor();
        JsonPath created = Classes.start(admin, "Rotating");
        long id = created.getLong("id");
        String old = created.getString("joinCode");
        String fresh = admin.json().post("/api/classes/" + id + "/code").then().statusCode(200).extract().path("joinCode");
        assertNotEquals(old, fresh);
        Http bo = Classes.student("Bo");
        bo.json().body(Map.of("code", old)).post("/api/classes/join").then().statusCode(404).body("detail", containsString("No class has this code"));
        Classes.join(bo, fresh);

        admin.json().body(Map.of("open", false)).put("/api/classes/" + id + "/joining").then().statusCode(200)
                .body("joiningOpen", equalTo(false)).body("joinable", equalTo(false));
        Http cy = Classes.student("Cy");
        cy.json().body(Map.of("code", fresh)).post("/api/classes/join").then().statusCode(409).body("detail", containsString("Joining this class is closed"));
        Classes.join(bo, fresh); // already in: changes nothing
        admin.json().body(Map.of("open", true)).put("/api/classes/" + id + "/joining").then().statusCode(200);
        Map<String, Object> ended = settings("Rotating");
        ended.put("endsOn", "2025-03-14");
        admin.json().body(ended).put("/api/classes/" + id).then().statusCode(200).body("joinable", equalTo(false));
        cy.json().body(Map.of("code", fresh)).post("/api/classes/join").then().statusCode(409)
                .body("detail", equalTo("This class ended on March 14, 2025: it takes no new learners"));
        cy.chooseLanguage("ja");
        cy.json().body(Map.of("code", fresh)).post("/api/classes/join").then().statusCode(409)
                .body("detail", equalTo("このクラスは2025年3月14日に終了したため、新しい受講者は参加できません"));
        admin.json().body(Map.of("open", "maybe")).put("/api/classes/" + id + "/joining").then().statusCode(400).body("errors[0].field", equalTo("open"));
        admin.json().body(Map.of()).post("/api/classes/join").then().statusCode(400).body("errors[0].field", equalTo("code"));
    }

    @Test
    void settingsAreCheckedAndReplacedWhole() {
        Http admin = Http.instructor();
        long id = Classes.start(admin, "Settings").getLong("id");
        admin.json().body(Map.of("name", "")).post("/api/classes").then().statusCode(400).body("errors[0].field", equalTo("name"));
        admin.json().body(Map.of("name", "x".repeat(101))).post("/api/classes").then().statusCode(400).body("errors[0].field", equalTo("name"));
        admin.json().body(Map.of("name", "A\u202Eb")).post("/api/classes").then().statusCode(400).body("errors[0].field", equalTo("name"));
        admin.json().body(Map.of("name", "Dates", "endsOn", "2027-02-30")).post("/api/classes").then().statusCode(400).body("errors[0].field", equalTo("endsOn"));
        Map<String, Object> bad = settings("Settings");
        bad.put("privacy", "secret");
        admin.json().body(bad).put("/api/classes/" + id).then().statusCode(400).body("errors[0].field", equalTo("privacy"));
        Map<String, Object> noBoard = settings("Settings");
        noBoard.remove("onSiteBoard");
        admin.json().body(noBoard).put("/api/classes/" + id).then().statusCode(400).body("errors[0].field", equalTo("onSiteBoard"));
        admin.json().get("/api/classes/" + id).then().body("privacy", equalTo("full")).body("onSiteBoard", equalTo(true));

        Map<String, Object> changed = settings("Settings, renamed");
        changed.put("term", "Autumn");
        changed.put("privacy", "anonymous");
        changed.put("onSiteBoard", false);
        admin.json().body(changed).put("/api/classes/" + id).then().statusCode(200)
                .body("name", equalTo("Settings, renamed")).body("term", equalTo("Autumn")).body("privacy", equalTo("anonymous"))
                .body("onSiteBoard", equalTo(false));
        admin.json().body(settings("Settings, renamed")).put("/api/classes/" + id).then().statusCode(200).body("term", nullValue());
        admin.json().get("/api/classes/999999999").then().statusCode(404);
    }

    @Test
    void anArchivedClassIsReadOnlyButKeepsItsDashboardBoardAndExports() {
        Http admin = Http.instructor();
        JsonPath created = Classes.start(admin, "Last term");
        long id = created.getLong("id");
        Http dee = Classes.student("Dee");
        Classes.join(dee, created.getString("joinCode"));
        admin.json().body(Map.of("archived", true)).put("/api/classes/" + id + "/archived").then().statusCode(200)
                .body("archived", equalTo(true)).body("archivedAt", not(nullValue())).body("joinable", equalTo(false));

        admin.json().body(settings("Renamed")).put("/api/classes/" + id).then().statusCode(409).body("detail", containsString("archived"));
        admin.json().post("/api/classes/" + id + "/code").then().statusCode(409);
        admin.json().body(Map.of("open", false)).put("/api/classes/" + id + "/joining").then().statusCode(409);
        admin.json().body(Map.of("email", Classes.emailOf(dee))).post("/api/classes/" + id + "/instructors").then().statusCode(409);
        admin.json().delete("/api/classes/" + id + "/members/" + Classes.accountOf(dee)).then().statusCode(409);
        dee.json().delete("/api/classes/" + id + "/membership").then().statusCode(409);
        Classes.student("Eve").json().body(Map.of("code", created.getString("joinCode"))).post("/api/classes/join").then().statusCode(409)
                .body("detail", containsString("archived"));

        admin.json().get("/api/classes/" + id + "/dashboard").then().statusCode(200).body("learners.displayName", equalTo(List.of("Dee")));
        admin.json().accept("text/csv").get("/api/classes/" + id + "/learners.csv").then().statusCode(200).body(containsString(",Dee,"));
        admin.json().accept("text/csv").get("/api/classes/" + id + "/steps.csv").then().statusCode(200);
        admin.json().accept("text/csv").get("/api/classes/" + id + "/exercises.csv").then().statusCode(200);
        dee.json().get("/api/classes/" + id + "/leaderboard").then().statusCode(200);
        admin.json().accept("text/csv").get("/api/classes/" + id + "/leaderboard").then().statusCode(200);

        admin.json().body(Map.of("archived", false)).put("/api/classes/" + id + "/archived").then().statusCode(200).body("archived", equalTo(false));
        admin.json().body(settings("Renamed")).put("/api/classes/" + id).then().statusCode(200);
    }

    @Test
    void aCoInstructorAddedByEmailTeachesTheClassAndMayStartClasses() {
        Http admin = Http.instructor();
        JsonPath created = Classes.start(admin, "Team taught");
        long id = created.getLong("id");
        Http fay = Classes.student("Fay");
        fay.json().body(Map.of("name", "Fay's own")).post("/api/classes").then().statusCode(403);
        Classes.join(fay, created.getString("joinCode"));
        fay.json().get("/api/classes/" + id + "/dashboard").then().statusCode(403);

        admin.json().body(Map.of("email", Classes.emailOf(fay).toUpperCase(Locale.ROOT))).post("/api/classes/" + id + "/instructors")
                .then().statusCode(201).body("role", equalTo("instructor")).body("displayName", equalTo("Fay"));
        fay.json().get("/api/classes/" + id + "/dashboard").then().statusCode(200);
        fay.json().get("/api/classes/" + id).then().statusCode(200).body("role", equalTo("instructor")).body("joinCode", not(nullValue()));
        fay.json().get("/api/classes/" + id + "/members").then().statusCode(200).body("size()", equalTo(2));
        Classes.start(fay, "Fay's own");

        admin.json().body(Map.of("email", "nobody-" + id + "@example.org")).post("/api/classes/" + id + "/instructors").then().statusCode(400)
                .body("errors[0].field", equalTo("email")).body("errors[0].message", containsString("sign up first"));
        admin.json().body(Map.of()).post("/api/classes/" + id + "/instructors").then().statusCode(400).body("errors[0].field", equalTo("email"));

        long adminId = Classes.accountOf(admin);
        fay.json().delete("/api/classes/" + id + "/members/" + adminId).then().statusCode(204);
        fay.json().delete("/api/classes/" + id + "/membership").then().statusCode(409).body("detail", containsString("only instructor"));
        fay.json().delete("/api/classes/" + id + "/members/" + Classes.accountOf(fay)).then().statusCode(409);
        admin.json().get("/api/classes/" + id).then().statusCode(200).body("role", equalTo("administrator"));
    }

    @Test
    void aLearnerLeavesAClassAndKeepsTheirRuns() {
        Http admin = Http.instructor();
        JsonPath created = Classes.start(admin, "Leavers");
        long id = created.getLong("id");
        Http gus = Classes.student("Gus");
        Classes.join(gus, created.getString("joinCode"));
        long run = gus.json().body(Map.of("dataset", "mnist", "epochs", 1)).post("/api/runs").then().statusCode(202).extract().jsonPath().getLong("id");
        gus.json().post("/api/runs/" + run + "/cancel").then().statusCode(200);
        gus.json().delete("/api/classes/" + id + "/membership").then().statusCode(204);
        gus.json().get("/api/classes").then().statusCode(200).body("id", not(hasItem((int) id)));
        gus.json().get("/api/classes/" + id + "/leaderboard").then().statusCode(403);
        gus.json().delete("/api/classes/" + id + "/membership").then().statusCode(403);
        gus.json().get("/api/runs").then().statusCode(200).body("size()", equalTo(1));
        admin.json().get("/api/classes/" + id + "/dashboard").then().statusCode(200).body("learners.size()", equalTo(0));
    }

    @Test
    void codesNoClassHasAreLimitedPerAddressWhileGoodCodesNeverCount() {
        Http admin = Http.instructor();
        String code = Classes.start(admin, "Popular").getString("joinCode");
        Http hal = Classes.student("Hal");
        for (int i = 0; i < 30; i++) {
            hal.json().header("X-Forwarded-For", "198.51.100.7").body(Map.of("code", code)).post("/api/classes/join").then().statusCode(200);
        }
        int refusedAt = -1;
        for (int i = 0; i < 25 && refusedAt < 0; i++) {
            int status = hal.json().header("X-Forwarded-For", "198.51.100.7").body(Map.of("code", "ZZZZZ-ZZZZ" + (i % 10)))
                    .post("/api/classes/join").then().extract().statusCode();
            if (status == 429) {
                refusedAt = i;
            } else {
                assertEquals(404, status);
            }
        }
        assertEquals(20, refusedAt, "the 21st unknown code is refused");
        hal.json().header("X-Forwarded-For", "198.51.100.7").body(Map.of("code", code)).post("/api/classes/join").then().statusCode(429)
                .header("Retry-After", matchesPattern("[1-9]|[12][0-9]|30")).body("detail", containsString("codes no class has"));
        io.restassured.RestAssured.given().header("X-Forwarded-For", "198.51.100.7").get("/join/" + code).then().statusCode(429)
                .header("Retry-After", matchesPattern("[1-9]|[12][0-9]|30"));
        hal.json().header("X-Forwarded-For", "198.51.100.8").body(Map.of("code", code)).post("/api/classes/join").then().statusCode(200);
    }

    private static Map<String, Object> settings(String name) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("name", name);
        settings.put("privacy", "full");
        settings.put("onSiteBoard", true);
        return settings;
    }
}
