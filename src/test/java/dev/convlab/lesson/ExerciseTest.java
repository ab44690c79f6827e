package dev.convlab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExerciseTest {

    private static final KernelJudge NO_KERNELS = (exercise, kernel) -> {
        throw new AssertionError("number and shape exercises never ask for a kernel judge");
    };

    private final Exercise kernel = new Exercise("k", Exercise.Kind.KERNEL, "?", List.of(1.0, 1.0, 1.0, 0.0, 0.0, 0.0, -1.0, -1.0, -1.0), 0.9, "hint", "why");

    private final Exercise number = new Exercise("value", Exercise.Kind.NUMBER, "?", List.of(2.65), 0.001, "hint", "why");
    private final Exercise shape = new Exercise("shape", Exercise.Kind.SHAPE, "?", List.of(9.0, 676.0), null, "hint", "why");

    @Test
    void numberWithinToleranceIsRightAndShowsTheExplanation() {
        Exercise.Verdict verdict = number.check(" 2.6505 ", NO_KERNELS);
        assertTrue(verdict.correct());
        assertEquals("why", verdict.feedback());
    }

    @Test
    void numberOutsideToleranceIsWrongAndShowsTheHint() {
        Exercise.Verdict verdict = number.check("2.66", NO_KERNELS);
        assertFalse(verdict.correct());
        assertEquals("hint", verdict.feedback());
    }

    @Test
    void shapeAcceptsTheUsualNotations() {
        for (String answer : List.of("9x676", "9 × 676", "(9, 676)", "[9,676]", "9*676")) {
            assertTrue(shape.check(answer, NO_KERNELS).correct(), answer);
        }
        assertFalse(shape.check("676x9", NO_KERNELS).correct());
        assertFalse(shape.check("9x676x1", NO_KERNELS).correct());
    }

    @Test
    void aCountMayBeWrittenWithThousandsSeparators() {
        Exercise count = new Exercise("count", Exercise.Kind.NUMBER, "?", List.of(1168.0), 0.0, "hint", "why");
        for (String answer : List.of("1168", "1,168", "1 168", "1\u00A0168", "1\u202F168", "1'168", "+1,168.0")) {
            assertTrue(count.check(answer, NO_KERNELS).correct(), answer);
        }
        assertEquals(1_234_567, Exercise.parseNumber("1,234,567"));
        assertFalse(count.check("1,152", NO_KERNELS).correct());
    }

    @Test
    void aDecimalCommaReadsAsADecimalPointButMixedGroupingIsRefused() {
        assertTrue(number.check("2,65", NO_KERNELS).correct());
        assertEquals(-0.5, Exercise.parseNumber("-0,5"));
        for (String answer : List.of("1,16,8", "1 1 6 8", "1,168 168", "11,68,000")) {
            assertThrows(Exercise.MalformedAnswer.class, () -> Exercise.parseNumber(answer), answer);
        }
    }

    @Test
    void malformedAnswersAreRejectedNotJudged() {
        for (String answer : List.of("", "   ", "two point six", "NaN", "Infinity", "1e999", "2.6.5")) {
            assertThrows(Exercise.MalformedAnswer.class, () -> number.check(answer, NO_KERNELS), answer);
        }
        assertThrows(Exercise.MalformedAnswer.class, () -> shape.check("nine by six", NO_KERNELS));
        assertThrows(Exercise.MalformedAnswer.class, () -> shape.check("9".repeat(300), NO_KERNELS));
    }

    @Test
    void kernelAnswersAreParsedRowByRowAndJudgedElsewhere() {
        float[][][] seen = new float[1][][];
        KernelJudge judge = (exercise, given) -> {
            seen[0] = given;
            return new Exercise.Verdict(true, () -> "judged");
        };
        assertEquals("judged", kernel.check("1 2 1; 0 0 0; -1 -2 -1", judge).feedback());
        assertEquals(-2f, seen[0][2][1]);
        kernel.check("[[1, 1], [0.5, -1e-3]]", judge);
        assertEquals(0.5f, seen[0][1][0]);
        assertEquals(3, kernel.referenceKernel().length);
        assertEquals(-1f, kernel.referenceKernel()[2][2]);
    }

    @Test
    void malformedKernelsAreRejected() {
        for (String answer : List.of("1 2; 3", "a b; c d", "1;;2", "1e7", "[[1,2],[3]]")) {
            assertThrows(Exercise.MalformedAnswer.class, () -> kernel.check(answer, NO_KERNELS), answer);
        }
    }
}
