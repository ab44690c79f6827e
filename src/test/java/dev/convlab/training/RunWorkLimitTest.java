package dev.convlab.training;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.convlab.i18n.Language;
import dev.convlab.platform.Http;
import dev.convlab.platform.ProblemException;
import dev.convlab.platform.TestDatabase;
import dev.convlab.training.compute.Architecture;
import dev.convlab.training.compute.TrainingSettings;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A run's whole work is bounded at queue time, not only each of its fields. */
@QuarkusTest
@QuarkusTestResource(TestDatabase.class)
class RunWorkLimitTest {

    private static final int FASHION_TRAIN = 60_000;
    private static final int FASHION_VALIDATION = 10_000;

    private static RunSettings fashion(Architecture.Downsampling downsampling, int kernelSize, List<Integer> channels, boolean batchNorm,
            int batchSize, int epochs) {
        return new RunSettings("fashion-mnist", downsampling, kernelSize, channels, batchNorm, Architecture.Head.FLATTEN,
                TrainingSettings.Optimizer.SGD, 0.4f, batchSize, epochs, 1L);
    }

    @Test
    void aBatchOfOneForTwentyEpochsIsRefusedNamingBothFieldsAndNothingIsQueued() {
        Http learner = Http.student();
        long account = learner.json().get("/api/me").then().statusCode(200).extract().jsonPath().getLong("id");
        learner.json().body(Map.of("dataset", "fashion-mnist", "batchSize", 1, "epochs", 20)).post("/api/runs").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("batchSize", "epochs")))
                .body("errors[0].message", containsString("20 epoch(s) of 60,000 images in batches of 1 is 1,200,000 training steps, more than the 20,000 one run may take"))
                .body("errors[0].message", containsString("use a larger batch or fewer epochs"));
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> TrainingRun.count("accountId", account)));
    }

    @Test
    void aWideNetworkForTwentyEpochsIsRefusedForItsMultiplyAdds() {
        Http learner = Http.student();
        learner.json().body(Map.of("dataset", "fashion-mnist", "downsampling", "MAX_POOL", "kernelSize", 5, "channels", List.of(8, 16, 32, 64),
                "batchSize", 256, "epochs", 20)).post("/api/runs").then()
                .statusCode(400).body("errors.field", equalTo(List.of("epochs", "channels")))
                .body("errors[0].message", containsString("about 8,742 billion multiply-adds, more than the 4,000 billion one run may do"));
    }

    @Test
    void theDefaultRunAndEveryRunTheLessonSuggestsAreAllowed() {
        RunSettings.lessonDefault().checkWork(9_000, 1_000);
        Architecture lesson = Architecture.lesson();
        List<Integer> wide = List.of(8, 16, 32, 64);
        for (Architecture.Downsampling variant : Architecture.Downsampling.values()) {
            for (int epochs : new int[] {1, 5, 20}) {
                fashion(variant, 3, lesson.channels(), false, 256, epochs).checkWork(FASHION_TRAIN, FASHION_VALIDATION);
                fashion(variant, 5, lesson.channels(), true, 256, epochs).checkWork(FASHION_TRAIN, FASHION_VALIDATION);
                fashion(variant, 3, wide, true, 256, epochs).checkWork(FASHION_TRAIN, FASHION_VALIDATION);
                fashion(variant, 3, lesson.channels(), false, 64, epochs).checkWork(FASHION_TRAIN, FASHION_VALIDATION);
            }
        }
        fashion(Architecture.Downsampling.STRIDE2, 3, lesson.channels(), false, 32, 10).checkWork(FASHION_TRAIN, FASHION_VALIDATION);
        ProblemException tooManySteps = assertThrows(ProblemException.class,
                () -> fashion(Architecture.Downsampling.STRIDE2, 3, lesson.channels(), false, 32, 11).checkWork(FASHION_TRAIN, FASHION_VALIDATION));
        assertEquals("batchSize", tooManySteps.errors(Language.EN).get(0).field());
    }
}
