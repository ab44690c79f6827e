package dev.convlab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convlab.i18n.Language;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RunOutcomeTest {

    /** 100 test images per class; {@code right} of each class predicted right, the rest as class {@code elsewhere}. */
    private static int[][] confusion(int right, int elsewhere) {
        int[][] matrix = new int[10][10];
        for (int t = 0; t < 10; t++) {
            matrix[t][t] += right;
            matrix[t][elsewhere] += 100 - right;
        }
        return matrix;
    }


    @Test
    void aCollapseIsExplainedInTheReadersLanguage() {
        String japanese = RunOutcome.collapse("mnist", confusion(0, 1), Language.JA);
        assertTrue(japanese.startsWith("テスト画像の 100% を「1」と予測していて、ほとんど何も学習できていません。"), japanese);
        assertTrue(japanese.endsWith("Adam を試してください。"), japanese);
    }

    @Test
    void aCollapsedFashionRunNamesItsClassInTheReadersLanguage() {
        assertTrue(RunOutcome.collapse("fashion-mnist", confusion(0, 9), Language.JA).startsWith("テスト画像の 100% を「アンクルブーツ」と予測していて、"));
        assertTrue(RunOutcome.collapse("fashion-mnist", confusion(0, 0), Language.JA).startsWith("テスト画像の 100% を「Tシャツ」と予測していて、"));
        assertTrue(RunOutcome.collapse("fashion-mnist", confusion(0, 9), Language.EN).startsWith("It predicts “Ankle boot” for 100%"));
    }

    @Test
    void aRunRightOnMostImagesOfEveryClassLearned() {
        assertEquals(RunOutcome.LEARNED, RunOutcome.kind(TrainingRun.SUCCEEDED, confusion(95, 3)));
    }

    @Test
    void aRunPredictingOneClassForEverythingCollapsed() {
        int[][] matrix = confusion(0, 1);
        assertEquals(0.1, RunOutcome.accuracy(matrix), 1e-9);
        assertEquals(1.0, RunOutcome.dominantShare(matrix), 1e-9);
        assertEquals(RunOutcome.COLLAPSED, RunOutcome.kind(TrainingRun.SUCCEEDED, matrix));
        assertTrue(RunOutcome.collapse("mnist", matrix, Language.EN).startsWith("It predicts “1” for 100% of the test images"));
        assertTrue(RunOutcome.collapse("fashion-mnist", confusion(0, 9), Language.EN).startsWith("It predicts “Ankle boot” for 100%"));
    }

    @Test
    void aRunNearChanceCollapsedEvenWhenItsPredictionsAreSpread() {
        int[][] matrix = new int[10][10];
        for (int t = 0; t < 10; t++) {
            for (int p = 0; p < 10; p++) {
                matrix[t][p] = p == t ? 15 : p == (t + 1) % 10 ? 85 : 0;
            }
        }
        assertEquals(0.1, RunOutcome.dominantShare(matrix), 1e-9);
        assertEquals(RunOutcome.COLLAPSED, RunOutcome.kind(TrainingRun.SUCCEEDED, matrix));
        assertTrue(RunOutcome.collapse("mnist", matrix, Language.EN).startsWith("Its test accuracy, 15.0%, is close to the 10%"));
    }

    @Test
    void aRunThatMostlyPredictsOneClassButLearnedTheRestIsNotCollapsedBelowTheThreshold() {
        // 70 of every 100 right, 30 as class 0: class 0 gets 70 + 270 of 1,000 predictions, 34%.
        assertEquals(RunOutcome.LEARNED, RunOutcome.kind(TrainingRun.SUCCEEDED, confusion(70, 0)));
        assertEquals(RunOutcome.COLLAPSED, RunOutcome.kind(TrainingRun.SUCCEEDED, confusion(15, 0)));
    }

    @Test
    void aDivergedRunDivergedAndUnfinishedOrCanceledRunsHaveNoOutcome() {
        assertEquals(RunOutcome.DIVERGED, RunOutcome.kind(TrainingRun.DIVERGED, null));
        assertNull(RunOutcome.kind(TrainingRun.CANCELED, null));
        assertNull(RunOutcome.kind(TrainingRun.FAILED, null));
        assertNull(RunOutcome.kind(TrainingRun.SUCCEEDED, null));
    }

    @Test
    void aStoredConfusionMatrixReadsBackFromItsJson() {
        List<List<Integer>> rows = java.util.stream.IntStream.range(0, 10)
                .mapToObj(t -> java.util.stream.IntStream.range(0, 10).mapToObj(p -> p == 4 ? 100 : 0).toList()).toList();
        int[][] matrix = RunOutcome.confusion(Map.of("confusion", rows));
        assertEquals(100, matrix[7][4]);
        assertEquals(RunOutcome.COLLAPSED, RunOutcome.kind(TrainingRun.SUCCEEDED, matrix));
    }
}
