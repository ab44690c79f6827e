package dev.convlab.progress;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.convlab.platform.Http;
import dev.convlab.platform.TestDatabase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class ProgressResourceTest {

    private static final String STEP_2 = "/api/steps/one-kernel-one-spot/exercises/";

    private static long attempts(Http learner) {
        long id = learner.json().get("/api/me").then().extract().jsonPath().getLong("id");
        return QuarkusTransaction.requiringNew().call(() -> ExerciseAttempt.count("accountId", id));
    }

    private static String stateOf(Http learner, String slug) {
        return learner.json().get("/api/me/progress").then().statusCode(200).extract().jsonPath()
                .getString("steps.find { it.slug == '" + slug + "' }.state");
    }

    @Test
    void newLearnerHasStartedNothing() {
        Http.student().json().get("/api/me/progress").then().statusCode(200)
                .body("completedSteps", equalTo(0))
                .body("totalSteps", equalTo(11))
                .body("percent", equalTo(0))
                .body("steps.state", not(hasItem("visited")));
    }

    @Test
    void openingAStepPageMarksItVisited() {
        Http learner = Http.student();
        given().cookie(Http.SESSION_COOKIE, learner.session()).get("/lesson/kernel-lab").then().statusCode(200);
        assertEquals("visited", stateOf(learner, "kernel-lab"));
        assertEquals("not-started", stateOf(learner, "im2col"));
    }

    @Test
    void afterAReloadASolvedExerciseShowsItsExplanationAndAnUnsolvedOneGivesNothingAway() {
        Http learner = Http.student();
        learner.json().body(Map.of("answer", "2.65")).post(STEP_2 + "top-edge-at-spot/attempts")
                .then().statusCode(200).body("correct", equalTo(true));
        given().cookie(Http.SESSION_COOKIE, learner.session()).get("/lesson/one-kernel-one-spot").then().statusCode(200)
                .body(containsString("<strong>Solved.</strong>"))
                .body(containsString("so the response is 2.82 − 0.17 = 2.65"))
                .body(not(containsString("so the response is 2.88 − 0.02 = 2.86")));
    }

    @Test
    void wrongAnswerIsStoredAndDoesNotComplete() {
        Http learner = Http.student();
        learner.json().body(Map.of("answer", "3")).post(STEP_2 + "top-edge-at-spot/attempts")
                .then().statusCode(200)
                .body("correct", equalTo(false))
                .body("stepCompleted", equalTo(false))
                .body("feedback", not(containsString("2.65")));
        assertEquals(1, attempts(learner));
        assertEquals("visited", stateOf(learner, "one-kernel-one-spot"));
    }

    @Test
    void passingEveryExerciseCompletesTheStep() {
        Http learner = Http.student();
        learner.json().body(Map.of("answer", "2.65")).post(STEP_2 + "top-edge-at-spot/attempts")
                .then().statusCode(200).body("correct", equalTo(true)).body("stepCompleted", equalTo(false));
        learner.json().body(Map.of("answer", "2.86")).post(STEP_2 + "left-edge-at-spot/attempts")
                .then().statusCode(200).body("correct", equalTo(true)).body("stepCompleted", equalTo(true));
        learner.json().get("/api/me/progress").then()
                .body("completedSteps", equalTo(1))
                .body("percent", equalTo(9))
                .body("steps.find { it.slug == 'one-kernel-one-spot' }.exercisesPassed", equalTo(2));
    }

    @Test
    void shapeAnswerIsChecked() {
        Http learner = Http.student();
        learner.json().body(Map.of("answer", "25 x 576")).post("/api/steps/im2col/exercises/unfold-five-by-five/attempts")
                .then().statusCode(200).body("correct", equalTo(true));
    }

    @Test
    void aCountWrittenWithThousandsSeparatorsIsRightAndTheFeedbackIsRenderedMarkdown() {
        Http learner = Http.student();
        String path = "/api/steps/a-cnn-of-stride-2-convs/exercises/params-conv-8-to-16/attempts";
        learner.json().body(Map.of("answer", "1,152")).post(path).then().statusCode(200)
                .body("correct", equalTo(false))
                .body("feedbackHtml", containsString("<code>c_out · c_in · k · k + c_out</code>"));
        for (String answer : List.of("1,168", "1 168", "1\u202F168")) {
            learner.json().body(Map.of("answer", answer)).post(path).then().statusCode(200).body("correct", equalTo(true));
        }
    }

    @Test
    void anUnreadableAnswerGetsAPlainSentenceNotAParserMessage() {
        Http learner = Http.student();
        learner.json().body(Map.of("answer", "about twelve hundred")).post("/api/steps/a-cnn-of-stride-2-convs/exercises/params-conv-8-to-16/attempts")
                .then().statusCode(400).body("errors[0].field", equalTo("answer"))
                .body("errors[0].message", startsWith("That is not a number we can read."));
    }

    @Test
    void malformedAnswerIsA400AndStoresNothing() {
        Http learner = Http.student();
        learner.json().body(Map.of("answer", "two point six")).post(STEP_2 + "top-edge-at-spot/attempts")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("answer"));
        learner.json().body("{\"answer\": [1, 2]}").post(STEP_2 + "top-edge-at-spot/attempts").then().statusCode(400);
        learner.json().body("{not json").post(STEP_2 + "top-edge-at-spot/attempts").then().statusCode(400);
        learner.json().body(Map.of()).post(STEP_2 + "top-edge-at-spot/attempts").then().statusCode(400);
        assertEquals(0, attempts(learner));
    }

    @Test
    void unknownStepOrExerciseIsA404() {
        Http learner = Http.student();
        learner.json().body(Map.of("answer", "1")).post("/api/steps/no-such-step/exercises/x/attempts")
                .then().statusCode(404).contentType("application/problem+json");
        learner.json().body(Map.of("answer", "1")).post(STEP_2 + "no-such-exercise/attempts").then().statusCode(404);
        given().get("/lesson/no-such-step").then().statusCode(404).contentType(ContentType.HTML);
    }

    @Test
    void anonymousAnswersAreUnauthorized() {
        Http.visitor().json().body(Map.of("answer", "2.65")).post(STEP_2 + "top-edge-at-spot/attempts")
                .then().statusCode(401);
        given().accept(ContentType.JSON).get("/api/me/progress").then().statusCode(401);
    }

    @Test
    void answersNeverReachTheBrowserBeforeAnswering() {
        given().get("/api/steps/one-kernel-one-spot").then().statusCode(200)
                .body("exercises.key", hasItem("top-edge-at-spot"))
                .body(not(containsString("2.65")))
                .body(not(containsString("explanation")));
        given().cookie(Http.SESSION_COOKIE, Http.student().session()).get("/lesson/one-kernel-one-spot")
                .then().statusCode(200).body(not(containsString("2.82 − 0.17")));
    }

    @Test
    void stepWithoutExercisesCompletesWhenMarkedDone() {
        Http learner = Http.student();
        learner.json().post("/api/steps/images-are-numbers/completion").then().statusCode(204);
        assertEquals("completed", stateOf(learner, "images-are-numbers"));
        learner.json().post("/api/steps/images-are-numbers/completion").then().statusCode(204);
    }

    @Test
    void stepWithExercisesCannotBeMarkedDone() {
        Http learner = Http.student();
        learner.json().post("/api/steps/one-kernel-one-spot/completion").then().statusCode(409);
        assertEquals("not-started", stateOf(learner, "one-kernel-one-spot"));
    }

    @Test
    void oneLearnersAnswersDoNotChangeAnothersProgress() {
        Http first = Http.student();
        Http second = Http.student();
        first.json().post("/api/steps/images-are-numbers/completion").then().statusCode(204);
        assertEquals("not-started", stateOf(second, "images-are-numbers"));
    }

    @Test
    void bottomEdgeKernelIsJudgedByItsMapsOnHeldOutDigits() {
        Http learner = Http.student();
        String path = "/api/steps/sliding-everywhere/exercises/bottom-edge-kernel/attempts";
        learner.json().body(Map.of("answer", "-1 -1 -1; 0 0 0; 1 1 1")).post(path).then().statusCode(200)
                .body("correct", equalTo(false))
                .body("feedback", containsString("r = -1.00"))
                .body("feedback", containsString("opposite edges"));
        learner.json().body(Map.of("answer", "0 0 0; 0 0 0; 0 0 0")).post(path).then().statusCode(200)
                .body("correct", equalTo(false)).body("feedback", containsString("same value everywhere"));
        learner.json().body(Map.of("answer", "[[2, 4, 2], [0, 0, 0], [-2, -4, -2]]")).post(path).then().statusCode(200)
                .body("correct", equalTo(true))
                .body("stepCompleted", equalTo(true))
                .body("feedback", containsString("64 digits you have not seen"));
        learner.json().body(Map.of("answer", "one two")).post(path).then().statusCode(400).body("errors[0].field", equalTo("answer"));
    }
}
