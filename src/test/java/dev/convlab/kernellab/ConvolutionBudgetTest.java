package dev.convlab.kernellab;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convlab.platform.Http;
import dev.convlab.platform.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Each answer's size is checked against the caller's budget before anything is computed. */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class ConvolutionBudgetTest {

    private static final List<List<Integer>> TOP_EDGE = List.of(List.of(-1, -1, -1), List.of(0, 0, 0), List.of(1, 1, 1));
    private static final List<List<Integer>> ONE = List.of(List.of(1));

    /** The request: about 400 bytes asking for 64 digits × 16 one-by-one kernels with padding 16. */
    private static final Map<String, Object> AMPLIFYING = Map.of(
            "input", Map.of("dataset", "mnist", "indices", IntStream.range(0, 64).boxed().toList()),
            "kernels", Collections.nCopies(16, ONE), "padding", 16);

    @Test
    void theAmplifyingRequestIsRefusedForAnonymousCallersNamingTheFieldsAndTheBudget() {
        Response refused = Http.visitor().json().body(AMPLIFYING).post("/api/convolutions");
        refused.then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("output"))
                .body("errors[0].message", containsString("64 image(s) × 16 kernel(s) × 60 × 60 is 3,686,400 numbers"))
                .body("errors[0].message", containsString("more than the 400,000"))
                .body("errors[0].message", containsString("or log in (4,000,000 for learners)"));
        assertTrue(refused.asByteArray().length < 2_000, refused.asByteArray().length + " bytes");
    }

    @Test
    void aLearnersAmplifyingRequestIsAnsweredWithinTheLearnerBudgetAndOneBeyondItIsRefused() {
        Http learner = Http.student();
        JsonPath answer = learner.json().body(AMPLIFYING).post("/api/convolutions").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(64, 16, 60, 60), answer.getList("shape"));
        List<List<Integer>> big = Collections.nCopies(512, Collections.nCopies(512, 0));
        learner.json().body(Map.of("input", Map.of("pixels", List.of(big)), "kernels", Collections.nCopies(16, ONE)))
                .post("/api/convolutions").then().statusCode(400).body("errors[0].field", equalTo("output"))
                .body("errors[0].message", containsString("4,194,304 numbers, more than the 4,000,000"));
    }

    @Test
    void aLabPagesNormalRequestIsAnsweredTheSameForAnonymousCallersAndLearners() {
        Map<String, Object> lab = Map.of("input", Map.of("dataset", "mnist", "indices", List.of(7)), "kernels", List.of(TOP_EDGE),
                "stride", 1, "dilation", 1, "padding", 1);
        JsonPath anonymous = Http.visitor().json().body(lab).post("/api/convolutions").then().statusCode(200).extract().jsonPath();
        JsonPath learner = Http.student().json().body(lab).post("/api/convolutions").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(1, 1, 28, 28), anonymous.getList("shape"));
        assertEquals(List.of(1, 1, 1, 1), anonymous.getList("padding"));
        assertEquals(anonymous.getList("output"), learner.getList("output"));
    }

    @Test
    void theLargestRequestEveryWidgetOfTheLessonSendsFitsTheAnonymousBudget() {
        Http visitor = Http.visitor();
        // the colour lab, one kernel as its sum and three channel parts, 1×1 with padding 16: 4 × 288 × 288
        List<List<List<Double>>> colourOne = List.of(List.of(List.of(1.0, 1.0, 1.0)));
        List<List<List<Double>>> red = List.of(List.of(List.of(1.0, 0.0, 0.0)));
        List<List<List<Double>>> green = List.of(List.of(List.of(0.0, 1.0, 0.0)));
        List<List<List<Double>>> blue = List.of(List.of(List.of(0.0, 0.0, 1.0)));
        visitor.json().body(Map.of("input", Map.of("dataset", "photos", "indices", List.of(0)), "kernels", List.of(colourOne, red, green, blue),
                "padding", 16)).post("/api/convolutions").then().statusCode(200).body("shape", equalTo(List.of(1, 4, 288, 288)));
        // the grey lab, sixteen 1×1 kernels with padding 16
        visitor.json().body(Map.of("input", Map.of("dataset", "mnist", "indices", List.of(7)), "kernels", Collections.nCopies(16, ONE),
                "padding", 16)).post("/api/convolutions").then().statusCode(200).body("shape", equalTo(List.of(1, 16, 60, 60)));
        // step 6's shape calculator checks sizes up to 64 with padding up to 16
        visitor.json().body(Map.of("input", Map.of("pixels", List.of(Collections.nCopies(64, Collections.nCopies(64, 0)))), "kernels", List.of(ONE),
                "padding", 16)).post("/api/convolutions").then().statusCode(200).body("shape", equalTo(List.of(1, 1, 96, 96)));
    }
}
