package dev.convlab.progress;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convlab.lesson.Step;
import dev.convlab.platform.Http;
import dev.convlab.platform.TestDatabase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The dashboard's numbers against a class seeded here, on a step of its own so other tests cannot move them. */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class DashboardResourceTest {

    private final String slug = "test-step-" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void retireTestStep() {
        QuarkusTransaction.requiringNew().run(() -> Step.update("retired = true where slug like 'test-step-%'"));
    }

    private void answer(Http learner, String answer) {
        learner.json().body(Map.of("answer", answer)).post("/api/steps/" + slug + "/exercises/sum/attempts").then().statusCode(200);
    }

    @Test
    void learnerNamesThatASpreadsheetWouldRunAsFormulasAreExportedAsText() {
        Http instructor = Http.instructor();
        for (String name : List.of("@SUM(1+1)", "+1+cmd", "-2+3")) {
            Http.visitor().signUp(Http.uniqueEmail(), name, "a-long-enough-password").then().statusCode(201);
        }
        String csv = instructor.json().accept("text/csv").get("/api/instructor/learners.csv").then().statusCode(200).extract().asString();
        assertTrue(csv.contains(",'@SUM(1+1),"), csv);
        assertTrue(csv.contains(",'+1+cmd,"), csv);
        assertTrue(csv.contains(",'-2+3,"), csv);
        assertFalse(csv.lines().anyMatch(line -> line.matches("[^,]*,[=+@-].*")), "no display name cell starts a formula");
    }

    @Test
    void aggregatesMatchASeededClass() {
        Http instructor = Http.instructor();
        String source = "---\nslug: " + slug + "\ntitle: Dashboard\norder: 960\nexercises:\n  - key: sum\n    kind: number\n"
                + "    prompt: \"1 + 1?\"\n    answer: 2\n    tolerance: 0\n---\nCount.\n";
        int number = instructor.json().body(Map.of("source", source)).post("/api/instructor/steps").then().statusCode(201).extract().path("summary.number");
        instructor.json().post("/api/instructor/steps/" + slug + "/revisions/" + number + "/publish").then().statusCode(200);

        Http ada = Http.student();
        Http bob = Http.student();
        Http cy = Http.student();
        answer(ada, "3");
        answer(ada, "2");
        answer(bob, "2");
        answer(cy, "3");
        answer(cy, "1");
        bob.json().body(Map.of("weights", List.of(List.of(List.of(1))))).put("/api/me/kernels/one").then().statusCode(200);
        long run = bob.json().body(Map.of("dataset", "mnist", "epochs", 1)).post("/api/runs").then().statusCode(202).extract().jsonPath().getLong("id");
        bob.json().post("/api/runs/" + run + "/cancel").then().statusCode(200);

        JsonPath board = instructor.json().get("/api/instructor/dashboard").then().statusCode(200).extract().jsonPath();
        assertEquals(3, board.getInt("steps.find { it.slug == '" + slug + "' }.visited"));
        assertEquals(2, board.getInt("steps.find { it.slug == '" + slug + "' }.completed"));
        String exercise = "exercises.find { it.slug == '" + slug + "' }";
        assertEquals(5, board.getInt(exercise + ".attempts"));
        assertEquals(3, board.getInt(exercise + ".learners"));
        assertEquals(1.0 / 3, board.getDouble(exercise + ".firstTrySuccess"), 1e-6);
        assertEquals(List.of("3", "1"), board.getList(exercise + ".commonWrongAnswers.answer"));
        assertEquals(2, board.getInt(exercise + ".commonWrongAnswers[0].count"));

        String bobEmail = bob.json().get("/api/me").jsonPath().getString("email");
        instructor.json().get("/api/instructor/learners?sort=completed&order=desc").then().statusCode(200)
                .body("find { it.email == '" + bobEmail + "' }.savedKernels", equalTo(1))
                .body("find { it.email == '" + bobEmail + "' }.completedSteps", equalTo(1))
                .body("find { it.email == '" + bobEmail + "' }.runs", equalTo(1));
        instructor.json().accept("text/csv").get("/api/instructor/learners.csv").then().statusCode(200)
                .contentType(startsWith("text/csv"))
                .body(startsWith("email,display_name,completed_steps,attempts,saved_kernels,runs,last_activity"))
                .body(containsString(bobEmail + ",Test Learner,1,1,1,1,"));
        instructor.json().accept("text/csv").get("/api/instructor/exercises.csv").then().statusCode(200)
                .body(containsString(slug + ",sum,5,3,0.333"));
        instructor.json().get("/api/instructor/learners?sort=shoe-size").then().statusCode(400).body("errors[0].field", equalTo("sort"));
    }

    @Test
    void studentsCannotSeeTheDashboard() {
        Http student = Http.student();
        for (String path : List.of("/api/instructor/dashboard", "/api/instructor/learners", "/api/instructor/learners.csv",
                "/api/instructor/exercises.csv", "/api/instructor/steps.csv")) {
            student.json().accept("*/*").get(path).then().statusCode(403);
            Http.visitor().json().accept("*/*").get(path).then().statusCode(401);
        }
    }
}
