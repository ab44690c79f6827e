package dev.convlab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.convlab.training.compute.Architecture;
import org.junit.jupiter.api.Test;

class RunEstimateTest {

    /** The lesson network's multiply-adds per image, as step 7 counts them. */
    private static final long LESSON = RunSettings.multiplyAdds(3, Architecture.lesson().plan());

    @Test
    void theLessonNetworkCostsItsStepSevenCount() {
        // 4·14·14·9 + 8·7·7·36 + 16·4·4·72 + 16·2·2·144 + 10·1·1·144
        assertEquals(7_056 + 14_112 + 18_432 + 9_216 + 1_440, LESSON);
    }

    @Test
    void aRunsWorkIsThreePassesPerTrainingImageAndOnePerEvaluatedImage() {
        // 10 epochs of 9,000 digits (3 passes each), the 1,000 checked after each epoch and once more at the end
        assertEquals(LESSON * (3.0 * 9_000 * 10 + 1_000 * 11), RunEstimate.work(LESSON, 9_000, 1_000, 10), 1e-3);
    }

    @Test
    void theEstimateIsTheWorkOverTheNodesThroughputPlusEachStepsFixedCost() {
        double work = RunEstimate.work(LESSON, 9_000, 1_000, 10);
        double throughput = LESSON * 3 * 20_000.0; // 20,000 training images a second
        long steps = RunSettings.steps(9_000, 64, 10); // 141 batches an epoch
        assertEquals(1_410, steps);
        assertEquals(1_410 * RunEstimate.STEP_SECONDS + work / throughput, RunEstimate.seconds(work, steps, throughput), 1e-9);
        assertEquals(4.68 + 2.12, RunEstimate.seconds(work, steps, throughput), 0.01);
        assertThrows(IllegalArgumentException.class, () -> RunEstimate.seconds(work, steps, 0));
    }

    @Test
    void aBatchOfOneIsEstimatedByItsStepsNotOnlyItsWork() {
        // the run: 20 epochs of Fashion-MNIST at batch 1 held a worker ~15 minutes with an estimate of 50 s
        double work = RunEstimate.work(LESSON, 60_000, 10_000, 20);
        double throughput = work / 50;
        assertEquals(50 + 1_200_000 * RunEstimate.STEP_SECONDS, RunEstimate.seconds(work, RunSettings.steps(60_000, 1, 20), throughput), 1e-6);
        assertEquals(1_850, RunEstimate.seconds(work, RunSettings.steps(60_000, 1, 20), throughput), 1);
    }

    @Test
    void aFinishedRunsRateLeavesItsStepsFixedCostOut() {
        double work = RunEstimate.work(LESSON, 9_000, 1_000, 10);
        long steps = RunSettings.steps(9_000, 64, 10);
        double rate = RunEstimate.rate(work, steps, 10);
        assertEquals(work / (10 - 1_410 * RunEstimate.STEP_SECONDS), rate, 1e-3);
        assertEquals(10, RunEstimate.seconds(work, steps, rate), 1e-9);
        assertEquals(work * 10, RunEstimate.rate(work, steps, 1), work * 1e-9); // steps alone would exceed the time: capped at 9/10
    }

    @Test
    void aRunningRunUsesItsOwnPaceOnceAnEpochIsDone() {
        assertEquals(30, RunEstimate.remaining(50, 10, 1, 4), 1e-9);
        assertEquals(40, RunEstimate.remaining(50, 10, 0, 4), 1e-9);
        assertEquals(1, RunEstimate.remaining(50, 80, 0, 4), 1e-9);
        assertEquals(0, RunEstimate.remaining(50, 80, 4, 4), 1e-9);
    }
}
