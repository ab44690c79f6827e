package dev.convlab.classes;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.convlab.platform.Http;
import dev.convlab.platform.TestDatabase;
import dev.convlab.training.TrainingRun;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Roles are per class: on every endpoint of class A, B's instructor and an outsider get 403, A's learner gets 403 on
 * everything an instructor does, an anonymous caller 401; and A's own instructor is let through.
 */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class ClassRolesTest {

    /** One call on class A: method, path, body (or null), and whether A's learners may make it. */
    record Call(String method, String path, Object body, String accept, boolean learnersToo) {}

    private Http teacherOfA;
    private Http teacherOfB;
    private Http learnerOfA;
    private Http outsider;
    private long classA;
    private long classB;
    private long learnerRun;

    @BeforeEach
    void twoClasses() {
        Http admin = Http.instructor();
        JsonPath a = Classes.start(admin, "Roles A");
        JsonPath b = Classes.start(admin, "Roles B");
        classA = a.getLong("id");
        classB = b.getLong("id");
        teacherOfA = Classes.student("Teacher A");
        teacherOfB = Classes.student("Teacher B");
        learnerOfA = Classes.student("Learner A");
        outsider = Classes.student("Outsider");
        Classes.addInstructor(admin, classA, teacherOfA);
        Classes.addInstructor(admin, classB, teacherOfB);
        Classes.join(learnerOfA, a.getString("joinCode"));
        long learner = Classes.accountOf(learnerOfA);
        learnerRun = QuarkusTransaction.requiringNew().call(() -> ((Number) TrainingRun.getEntityManager().createNativeQuery("""
                insert into training_run (account_id, dataset, settings, state, result, epochs_done, started_at, finished_at)
                values (?1, 'mnist', cast(?2 as jsonb), 'succeeded', cast(?3 as jsonb), 1, now(), now()) returning id""")
                .setParameter(1, learner)
                .setParameter(2, """
                        {"dataset":"mnist","downsampling":"STRIDE2","kernelSize":3,"channels":[4,8,16,16],"batchNorm":false,"head":"FLATTEN",
                         "optimizer":"SGD","learningRate":0.4,"batchSize":256,"epochs":1,"seed":1}""")
                .setParameter(3, """
                        {"testAccuracy":0.9,"testLoss":0.4,"parameters":5274,"trainingSeconds":3,"imagesPerSecond":30000,"device":"cpu"}""")
                .getSingleResult()).longValue());
    }

    @AfterEach
    void removeTheRuns() {
        QuarkusTransaction.requiringNew().run(() -> {
            TrainingRun.delete("id = ?1 or verifiesRunId = ?1", learnerRun);
            TrainingRun.update("state = 'canceled', leaseOwner = null where state in ('queued', 'running')");
        });
    }

    private List<Call> callsOnA() {
        String a = "/api/classes/" + classA;
        long someone = Classes.accountOf(learnerOfA);
        List<Call> calls = new ArrayList<>();
        calls.add(new Call("GET", a, null, "application/json", true));
        calls.add(new Call("GET", a + "/leaderboard", null, "application/json", true));
        calls.add(new Call("GET", a + "/leaderboard", null, "text/csv", true));
        calls.add(new Call("GET", "/api/leaderboard?class=" + classA, null, "application/json", true));
        calls.add(new Call("PUT", a, Map.of("name", "Taken over", "privacy", "full", "onSiteBoard", true), "application/json", false));
        calls.add(new Call("POST", a + "/code", null, "application/json", false));
        calls.add(new Call("PUT", a + "/joining", Map.of("open", false), "application/json", false));
        calls.add(new Call("PUT", a + "/archived", Map.of("archived", true), "application/json", false));
        calls.add(new Call("GET", a + "/members", null, "application/json", false));
        calls.add(new Call("POST", a + "/instructors", Map.of("email", "x@example.org"), "application/json", false));
        calls.add(new Call("DELETE", a + "/members/" + someone, null, "application/json", false));
        calls.add(new Call("GET", a + "/dashboard", null, "application/json", false));
        calls.add(new Call("GET", a + "/learners", null, "application/json", false));
        calls.add(new Call("GET", a + "/learners.csv", null, "text/csv", false));
        calls.add(new Call("GET", a + "/exercises.csv", null, "text/csv", false));
        calls.add(new Call("GET", a + "/steps.csv", null, "text/csv", false));
        calls.add(new Call("GET", a + "/leaderboard?hidden=true", null, "application/json", false));
        calls.add(new Call("POST", a + "/leaderboard/" + learnerRun + "/verify", null, "application/json", false));
        calls.add(new Call("PUT", a + "/leaderboard/" + learnerRun, Map.of("hidden", true), "application/json", false));
        return calls;
    }

    private static int status(RequestSpecification request, Call call) {
        RequestSpecification spec = request.accept(call.accept());
        if (call.body() != null) {
            spec = spec.body(call.body());
        }
        return spec.request(call.method(), call.path()).then().extract().statusCode();
    }

    @Test
    void anotherClassesInstructorAndAnOutsiderAreRefusedEverywhere() {
        for (Call call : callsOnA()) {
            assertEquals(403, status(teacherOfB.json(), call), "B's instructor: " + call);
            assertEquals(403, status(outsider.json(), call), "an outsider: " + call);
        }
        assertEquals(403, status(teacherOfB.json(), new Call("DELETE", "/api/classes/" + classA + "/membership", null, "application/json", false)));
    }

    @Test
    void aLearnerIsRefusedEveryInstructorCallAndSeesTheClassAndItsBoard() {
        for (Call call : callsOnA()) {
            int status = status(learnerOfA.json(), call);
            assertEquals(call.learnersToo() ? 200 : 403, status, "A's learner: " + call);
        }
        assertEquals(403, status(learnerOfA.json(), new Call("POST", "/api/classes", Map.of("name", "Mine"), "application/json", false)));
    }

    @Test
    void anonymousCallersMustLogIn() {
        for (Call call : callsOnA()) {
            RequestSpecification anonymous = Http.visitor().json();
            assertEquals(401, status(anonymous, call), "anonymous: " + call);
        }
        given().accept(ContentType.JSON).get("/api/classes").then().statusCode(401);
        Http.visitor().json().body(Map.of("code", "ABCDE-FGHJK")).post("/api/classes/join").then().statusCode(401);
    }

    @Test
    void theClassesOwnInstructorIsLetThroughAndTheSiteAdministratorSeesEveryClass() {
        for (Call call : callsOnA()) {
            if (!call.method().equals("GET")) {
                continue;
            }
            assertEquals(200, status(teacherOfA.json(), call), "A's instructor: " + call);
        }
        assertEquals(List.of((int) classA), teacherOfA.json().get("/api/classes").jsonPath().getList("id"));
        List<Integer> all = Http.instructor().json().get("/api/classes").jsonPath().getList("id");
        assertEquals(true, all.containsAll(List.of((int) classA, (int) classB)));
        teacherOfA.json().get("/api/classes/" + classB).then().statusCode(403);
        teacherOfA.json().body(Map.of("hidden", true)).put("/api/classes/" + classA + "/leaderboard/" + learnerRun).then().statusCode(200);
        teacherOfB.json().body(Map.of("hidden", true)).put("/api/classes/" + classB + "/leaderboard/" + learnerRun).then().statusCode(404);
        teacherOfA.json().body(Map.of("hidden", false)).put("/api/classes/" + classA + "/leaderboard/" + learnerRun).then().statusCode(200);
    }
}
