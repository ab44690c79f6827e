package dev.convlab.classes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convlab.platform.Http;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * V13 on a database seeded before classes existed ({@link PreClassesDatabase}): everyone lands in one default class,
 * whose dashboard and leaderboard are what the site's were, and no row is lost.
 */
@QuarkusTest
@QuarkusTestResource(value = PreClassesDatabase.class, restrictToAnnotatedClass = true)
class ClassMigrationTest {

    @Inject
    EntityManager entityManager;

    private long count(String table) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) entityManager.createNativeQuery("select count(*) from " + table).getSingleResult()).longValue());
    }

    @Test
    void nothingSeededBeforeClassesIsLost() {
        assertEquals(List.of(3L, 2L, 3L, 1L, 3L), List.of(count("account where id > 1000000"), count("step_progress"),
                count("exercise_attempt"), count("saved_kernel"), count("training_run")));
    }

    @Test
    void everyoneLandsInOneClosedDefaultClassInTheOrderTheySignedUp() {
        Http admin = Http.instructor();
        JsonPath classes = admin.json().get("/api/classes").then().statusCode(200).extract().jsonPath();
        JsonPath only = new JsonPath(admin.json().get("/api/classes/" + classes.getLong("find { it.isDefault }.id")).asString());
        assertEquals(1, classes.getList("findAll { it.isDefault }").size());
        assertEquals("Everyone before classes", only.getString("name"));
        assertEquals("instructor", only.getString("role"));
        assertFalse(only.getBoolean("joiningOpen"));
        assertEquals(2, only.getInt("learners"));
        assertEquals(1, only.getInt("instructors"));
        assertTrue(only.getString("joinCode").matches("[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}"), only.getString("joinCode"));
        JsonPath members = admin.json().get("/api/classes/" + only.getLong("id") + "/members").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("Instructor", "Ada Pre", "Bo Pre"), members.getList("sort { it.number }.displayName"));
        assertEquals(List.of("instructor", "learner", "learner"), members.getList("sort { it.number }.role"));
        assertEquals(List.of(1, 2, 3), members.getList("sort { it.number }.number"));
    }

    @Test
    void theDefaultClassShowsWhatTheSiteShowedBeforeClasses() {
        Http admin = Http.instructor();
        long id = admin.json().get("/api/classes").jsonPath().getLong("find { it.isDefault }.id");
        JsonPath site = admin.json().get("/api/instructor/dashboard").then().statusCode(200).extract().jsonPath();
        JsonPath board = admin.json().get("/api/classes/" + id + "/dashboard").then().statusCode(200).extract().jsonPath();
        String step = "steps.find { it.slug == 'pre-classes-step' }";
        assertEquals(List.of(2, 1), List.of(board.getInt(step + ".visited"), board.getInt(step + ".completed")));
        assertEquals(site.getMap(step), board.getMap(step));
        String exercise = "exercises.find { it.slug == 'pre-classes-step' }";
        assertEquals(3, board.getInt(exercise + ".attempts"));
        assertEquals(0.0, board.getDouble(exercise + ".firstTrySuccess"), 1e-9);
        assertEquals(site.getMap(exercise), board.getMap(exercise));
        assertEquals(site.getList("learners"), board.getList("learners"));
        assertEquals(List.of(1, 2), board.getList("learners.sort { it.email }.runs"));
        assertEquals(List.of(1, 0), board.getList("learners.sort { it.email }.savedKernels"));

        Http ada = Http.visitor();
        ada.logIn("ada@pre.test", PreClassesDatabase.PASSWORD).then().statusCode(200);
        ada.json().get("/api/classes").then().statusCode(200);
        assertEquals(List.of("learner"), ada.json().get("/api/classes").jsonPath().getList("role"));
        JsonPath classBoard = ada.json().get("/api/classes/" + id + "/leaderboard?dataset=mnist&epochs=17").then().statusCode(200).extract().jsonPath();
        JsonPath siteBoard = ada.json().get("/api/leaderboard?dataset=mnist&epochs=17").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("Bo Pre", "Ada Pre"), classBoard.getList("entries.learner"));
        assertEquals(List.of(0.93f, 0.91f), classBoard.getList("entries.testAccuracy"));
        assertEquals(siteBoard.getList("entries"), classBoard.getList("entries"));
    }
}
