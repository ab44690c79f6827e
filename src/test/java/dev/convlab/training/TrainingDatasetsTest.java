package dev.convlab.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convlab.datasets.ImageSet;
import dev.convlab.training.compute.TrainingData;
import java.io.InputStream;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The shipped digits split into 9,000 to learn from and 1,000 to measure on, every class in both. */
class TrainingDatasetsTest {

    @Test
    void theDigitSplitsHoldEveryClassInProportionAndNeverMove() throws Exception {
        ClassLoader loader = getClass().getClassLoader();
        ImageSet digits;
        try (InputStream images = loader.getResourceAsStream("datasets/mnist/images-idx3-ubyte.gz");
                InputStream labels = loader.getResourceAsStream("datasets/mnist/labels-idx1-ubyte.gz")) {
            digits = ImageSet.fromIdx(images, labels, IntStream.range(0, 10).mapToObj(String::valueOf).toList());
        }
        TrainingDatasets.Splits splits = TrainingDatasets.digitSplits(digits);
        assertEquals(9000, splits.train().count());
        assertEquals(1000, splits.validation().count());
        int[] perClass = counts(splits.validation());
        for (int digit = 0; digit < 10; digit++) {
            assertTrue(perClass[digit] >= 60 && perClass[digit] <= 140, "digit " + digit + ": " + perClass[digit] + " of 1,000");
        }
        assertArrayEquals(splits.validation().labels(), TrainingDatasets.digitSplits(digits).validation().labels(), "the split never moves");
    }

    private static int[] counts(TrainingData data) {
        int[] counts = new int[10];
        for (int label : data.labels()) {
            counts[label]++;
        }
        return counts;
    }
}
