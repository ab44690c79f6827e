package dev.convlab.training.compute;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convlab.datasets.ImageSet;
import dev.convlab.training.TrainingDatasets;
import dev.convlab.training.compute.Architecture.Downsampling;
import dev.convlab.training.compute.Architecture.Head;
import dev.convlab.training.compute.TrainingSettings.Optimizer;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real training on the shipped MNIST digits: 9,000 to learn from, 1,000 to check on. */
class TrainerTest {

    private static TrainingData train;
    private static TrainingData validation;

    @BeforeAll
    static void loadDigits() throws Exception {
        ClassLoader loader = TrainerTest.class.getClassLoader();
        ImageSet digits;
        try (InputStream images = loader.getResourceAsStream("datasets/mnist/images-idx3-ubyte.gz");
                InputStream labels = loader.getResourceAsStream("datasets/mnist/labels-idx1-ubyte.gz")) {
            digits = ImageSet.fromIdx(images, labels, IntStream.range(0, 10).mapToObj(String::valueOf).toList());
        }
        train = TrainingDatasets.slice(digits, 0, 9000);
        validation = TrainingDatasets.slice(digits, 9000, 10000);
    }

    private static Trainer.Outcome run(TrainingSettings settings) {
        List<Trainer.Epoch> reported = new ArrayList<>();
        try (Trainer trainer = new Trainer(settings)) {
            Trainer.Outcome outcome = trainer.train(train, validation, reported::add, () -> false);
            assertEquals(outcome.epochs(), reported);
            return outcome;
        }
    }

    @Test
    void theLessonNetworkLearnsDigitsInOneEpoch() {
        Trainer.Outcome outcome = run(new TrainingSettings(Architecture.lesson(), Optimizer.SGD, 0.4f, 64, 1, 1));
        Trainer.Epoch epoch = outcome.epochs().get(0);
        assertFalse(outcome.diverged());
        assertTrue(epoch.validationAccuracy() > 0.6, "accuracy after one epoch: " + epoch.validationAccuracy());
        assertTrue(epoch.validationLoss() < 1.5, "validation loss: " + epoch.validationLoss());
        assertEquals(4, outcome.firstLayerKernels().length);
        assertEquals(3, outcome.firstLayerKernels()[0].length);
        assertTrue(outcome.imagesPerSecond() > 0);
    }

    @Test
    void theSameSeedGivesTheSameRunAndAnotherSeedAnotherOne() {
        TrainingSettings settings = new TrainingSettings(Architecture.lesson(), Optimizer.ADAM, 0.003f, 128, 1, 7);
        Trainer.Outcome first = run(settings);
        Trainer.Outcome again = run(settings);
        assertEquals(first.epochs(), again.epochs());
        assertArrayEquals(first.firstLayerKernels()[0][0], again.firstLayerKernels()[0][0]);
        Trainer.Outcome other = run(new TrainingSettings(Architecture.lesson(), Optimizer.ADAM, 0.003f, 128, 1, 8));
        assertNotEquals(first.epochs().get(0).trainLoss(), other.epochs().get(0).trainLoss());
    }

    @Test
    void poolingVariantsAndMomentumTrainToo() {
        for (Downsampling pooling : List.of(Downsampling.MAX_POOL, Downsampling.AVG_POOL)) {
            Architecture architecture = new Architecture(pooling, 3, List.of(4, 8, 16, 16), false, Head.FLATTEN);
            Trainer.Outcome outcome = run(new TrainingSettings(architecture, Optimizer.ADAM, 0.005f, 64, 1, 3));
            assertTrue(outcome.epochs().get(0).validationAccuracy() > 0.5, pooling + ": " + outcome.epochs().get(0));
        }
        Trainer.Outcome momentum = run(new TrainingSettings(Architecture.lesson(), Optimizer.MOMENTUM, 0.05f, 64, 1, 3));
        Trainer.Epoch epoch = momentum.epochs().get(0);
        assertTrue(epoch.validationLoss() < Math.log(10) - 0.1 && epoch.validationAccuracy() > 0.2, "momentum: " + epoch);
    }

    @Test
    void anExplodingLossEndsTheRunAsDiverged() {
        Trainer.Outcome outcome = run(new TrainingSettings(Architecture.lesson(), Optimizer.SGD, 1e4f, 64, 3, 1));
        assertTrue(outcome.diverged());
        assertEquals(1, outcome.epochs().size());
        assertTrue(Double.isNaN(outcome.epochs().get(0).trainLoss()));
    }
}
