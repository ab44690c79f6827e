package dev.convlab.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExerciseTest {

    private final Exercise number = new Exercise("value", Exercise.Kind.NUMBER, "?", List.of(2.65), 0.001, "hint", "why");
    private final Exercise shape = new Exercise("shape", Exercise.Kind.SHAPE, "?", List.of(9.0, 676.0), null, "hint", "why");

    @Test
    void numberWithinToleranceIsRightAndShowsTheExplanation() {
        Exercise.Verdict verdict = number.check(" 2.6505 ");
        assertTrue(verdict.correct());
        assertEquals("why", verdict.feedback());
    }

    @Test
    void numberOutsideToleranceIsWrongAndShowsTheHint() {
        Exercise.Verdict verdict = number.check("2.66");
        assertFalse(verdict.correct());
        assertEquals("hint", verdict.feedback());
    }

    @Test
    void shapeAcceptsTheUsualNotations() {
        for (String answer : List.of("9x676", "9 × 676", "(9, 676)", "[9,676]", "9*676")) {
            assertTrue(shape.check(answer).correct(), answer);
        }
        assertFalse(shape.check("676x9").correct());
        assertFalse(shape.check("9x676x1").correct());
    }

    @Test
    void malformedAnswersAreRejectedNotJudged() {
        for (String answer : List.of("", "   ", "two point six", "NaN", "Infinity", "1e999", "2.6.5")) {
            assertThrows(Exercise.MalformedAnswer.class, () -> number.check(answer), answer);
        }
        assertThrows(Exercise.MalformedAnswer.class, () -> shape.check("nine by six"));
        assertThrows(Exercise.MalformedAnswer.class, () -> shape.check("9".repeat(300)));
    }
}
