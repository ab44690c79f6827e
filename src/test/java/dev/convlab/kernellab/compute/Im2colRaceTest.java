package dev.convlab.kernellab.compute;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Im2colRaceTest {

    private static Images digit(Random random) {
        float[] values = new float[28 * 28];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextFloat();
        }
        return new Images(values, 1, 28, 28, 1);
    }

    @Test
    void aTwentyEightSquareImageUnfoldsIntoNineByNineHundredSeventySix() {
        Images image = digit(new Random(4));
        Im2colRace.Unfolded unfolded = Im2colRace.unfold(image, 3, 3);
        assertEquals(9, unfolded.rows());
        assertEquals(676, unfolded.columns());
        int column = 5 * 26 + 7;
        assertEquals(image.at(0, 5, 7, 0), unfolded.values()[column]);
        assertEquals(image.at(0, 7, 9, 0), unfolded.values()[8 * 676 + column]);
    }

    @Test
    void theMatrixProductGivesTheSameMapAsTheLoopAndAllThreeAreTimedOnOneImageAndOnTheBatch() {
        Random random = new Random(8);
        Images image = digit(random);
        Kernels kernel = new Kernels(new float[] {-1, -1, -1, 0, 0, 0, 1, 1, 1}, 1, 3, 3, 1);
        Images batch = digits(random, 5);
        Kernels kernels = kernels(random, 4, 3, 2);
        try (ConvolutionEngine engine = new ConvolutionEngine(Device.CPU, 1, Duration.ofSeconds(5), 4);
                Im2colRace race = new Im2colRace(engine);
                FeatureMaps map = race.matMul(image, kernel)) {
            Im2colRace.Outcome outcome = race.race(image, kernel, 20, batch, kernels, 3);
            float[] expected = ReferenceConvolution.convolve(image, kernel, ConvolutionSpec.of(1, 1, Padding.valid())).toArray();
            assertArrayEquals(expected, map.toArray(), 1e-5f);
            assertEquals(List.of(1, 1), List.of(outcome.single().images(), outcome.single().kernels()));
            assertEquals(List.of(5, 4), List.of(outcome.batch().images(), outcome.batch().kernels()));
            assertEquals(3, outcome.single().timings().size());
            assertTrue(outcome.single().timings().stream().allMatch(t -> t.medianMicros() > 0 && t.runs() == 20));
            assertEquals(3, outcome.batch().timings().size());
            assertTrue(outcome.batch().timings().stream().allMatch(t -> t.medianMicros() > 0 && t.runs() == 3));
        }
    }

    @Test
    void theBatchProductGivesEveryImagesMapForEveryKernelInTheLoopsOrder() {
        Random random = new Random(9);
        Images batch = digits(random, 3);
        Kernels kernels = kernels(random, 5, 3, 4);
        try (ConvolutionEngine engine = new ConvolutionEngine(Device.CPU, 1, Duration.ofSeconds(5), 4);
                Im2colRace race = new Im2colRace(engine);
                FeatureMaps product = race.matMul(batch, kernels)) {
            FeatureMaps loop = ReferenceConvolution.convolve(batch, kernels, ConvolutionSpec.of(1, 1, Padding.valid()));
            assertEquals(List.of(3, 5, 26, 25), List.of(product.count(), product.kernels(), product.height(), product.width()));
            assertArrayEquals(loop.toArray(), product.toArray(), 1e-4f);
        }
    }

    private static Images digits(Random random, int count) {
        float[] values = new float[count * 28 * 28];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextFloat();
        }
        return new Images(values, count, 28, 28, 1);
    }

    private static Kernels kernels(Random random, int count, int height, int width) {
        float[] values = new float[count * height * width];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextFloat() * 2 - 1;
        }
        return new Kernels(values, count, height, width, 1);
    }
}
