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
import java.util.Arrays;
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
        TrainingDatasets.Splits splits = TrainingDatasets.digitSplits(digits);
        train = splits.train();
        validation = splits.validation();
    }

    /** What a listener heard during one run. */
    private record Heard(Trainer.Outcome outcome, List<Trainer.Batches> batches) {}

    private static Heard listen(TrainingSettings settings) {
        List<Trainer.Epoch> epochs = new ArrayList<>();
        List<Trainer.Batches> batches = new ArrayList<>();
        try (Trainer trainer = new Trainer(settings, false)) {
            Trainer.Outcome outcome = trainer.train(train, validation, new Trainer.Listener() {
                @Override
                public void epoch(Trainer.Epoch epoch) {
                    epochs.add(epoch);
                }

                @Override
                public void batches(Trainer.Batches progress) {
                    batches.add(progress);
                }
            }, () -> false);
            assertEquals(outcome.epochs(), epochs);
            return new Heard(outcome, batches);
        }
    }

    private static Trainer.Outcome run(TrainingSettings settings) {
        return listen(settings).outcome();
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
        Architecture maxPool = new Architecture(Downsampling.MAX_POOL, 3, List.of(4, 8, 16, 16), false, Head.FLATTEN);
        for (Architecture architecture : List.of(Architecture.lesson(), maxPool)) {
            TrainingSettings settings = new TrainingSettings(architecture, Optimizer.ADAM, 0.003f, 128, 1, 7);
            Trainer.Outcome first = run(settings);
            Trainer.Outcome again = run(settings);
            assertEquals(first.epochs(), again.epochs(), architecture.downsampling().name());
            assertArrayEquals(first.firstLayerKernels()[0][0], again.firstLayerKernels()[0][0]);
            Trainer.Outcome other = run(new TrainingSettings(architecture, Optimizer.ADAM, 0.003f, 128, 1, 8));
            assertNotEquals(first.epochs().get(0).trainLoss(), other.epochs().get(0).trainLoss());
        }
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

    @Test
    void progressIsReportedTwentyTimesAnEpochAndAveragesPerImageToTheEpochLoss() {
        Heard heard = listen(new TrainingSettings(Architecture.lesson(), Optimizer.SGD, 0.4f, 64, 1, 1));
        int batchesPerEpoch = (9000 + 63) / 64;
        // 141 batches: a report every 7, the last one taking batches 134-141 (the ragged 40-image batch among them)
        List<Integer> expected = new ArrayList<>(IntStream.rangeClosed(1, 19).map(i -> i * 7).boxed().toList());
        expected.add(batchesPerEpoch);
        assertEquals(expected, heard.batches().stream().map(Trainer.Batches::batch).toList());
        assertTrue(heard.batches().stream().allMatch(b -> b.epoch() == 1 && b.batchesPerEpoch() == batchesPerEpoch));
        double total = 0;
        int previousImages = 0;
        for (Trainer.Batches progress : heard.batches()) {
            int images = Math.min(progress.batch() * 64, 9000);
            total += progress.meanLoss() * (images - previousImages);
            previousImages = images;
        }
        assertEquals(heard.outcome().epochs().get(0).trainLoss(), total / 9000, 1e-9);
        assertTrue(heard.batches().get(0).meanLoss() > heard.batches().get(19).meanLoss(), "the loss falls within the epoch");
    }

    @Test
    void evaluationCountsEveryValidationDigitInTheConfusionMatrix() {
        try (Trainer trainer = new Trainer(new TrainingSettings(Architecture.lesson(), Optimizer.SGD, 0.4f, 64, 1, 1), false)) {
            Trainer.Outcome outcome = trainer.train(train, validation, new Trainer.Listener() {
                @Override
                public void epoch(Trainer.Epoch epoch) {}

                @Override
                public void batches(Trainer.Batches progress) {}
            }, () -> false);
            Trainer.Evaluation evaluation = trainer.evaluate(validation);
            assertEquals(outcome.epochs().get(0).validationAccuracy(), evaluation.accuracy());
            assertEquals(outcome.epochs().get(0).validationLoss(), evaluation.loss());
            int[] perClass = new int[10];
            for (int label : validation.labels()) {
                perClass[label]++;
            }
            int right = 0;
            for (int c = 0; c < 10; c++) {
                assertEquals(perClass[c], IntStream.of(evaluation.confusion()[c]).sum(), "row " + c + " holds the digits labelled " + c);
                right += evaluation.confusion()[c][c];
            }
            assertEquals(evaluation.accuracy(), right / 1000.0);
        }
    }

    @Test
    void weightsHoldEveryParameterInBuildOrderAndSurviveBytes() {
        try (Trainer trainer = new Trainer(TrainingSettings.lesson(1, 5), false)) {
            TrainedWeights weights = trainer.weights();
            assertEquals(List.of("conv1/kernel", "conv1/bias", "conv2/kernel", "conv2/bias", "conv3/kernel", "conv3/bias",
                    "conv4/kernel", "conv4/bias", "conv5/kernel", "conv5/bias"), weights.tensors().stream().map(TrainedWeights.Tensor::name).toList());
            assertArrayEquals(new long[] {3, 3, 1, 4}, weights.tensor("conv1/kernel").shape());
            assertEquals(Architecture.lesson().parameters(), weights.tensors().stream().mapToLong(t -> t.values().length).sum());
            TrainedWeights again = TrainedWeights.fromBytes(weights.toBytes());
            assertArrayEquals(weights.tensor("conv4/kernel").values(), again.tensor("conv4/kernel").values());
        }
    }

    @Test
    void aBatchNormNetworkLearnsDigitsAndEvaluatesWithItsMovingStatistics() {
        Architecture architecture = new Architecture(Downsampling.STRIDE2, 3, List.of(4, 8, 16, 16), true, Head.FLATTEN);
        try (Trainer trainer = new Trainer(new TrainingSettings(architecture, Optimizer.SGD, 0.1f, 64, 1, 1), false)) {
            TrainedWeights before = trainer.weights();
            assertArrayEquals(new float[] {0, 0, 0, 0}, before.tensor("conv1/moving_mean").values());
            assertArrayEquals(new float[] {1, 1, 1, 1}, before.tensor("conv1/moving_variance").values());
            Trainer.Outcome outcome = trainer.train(train, validation, new Trainer.Listener() {
                @Override
                public void epoch(Trainer.Epoch epoch) {}

                @Override
                public void batches(Trainer.Batches progress) {}
            }, () -> false);
            assertTrue(outcome.epochs().get(0).validationAccuracy() > 0.8, "accuracy after one epoch: " + outcome.epochs().get(0));
            TrainedWeights after = trainer.weights();
            assertEquals(architecture.parameters() + 2 * (4 + 8 + 16 + 16), after.tensors().stream().mapToLong(t -> t.values().length).sum());
            assertEquals(List.of("conv1/kernel", "conv1/bias", "conv1/gamma", "conv1/beta", "conv1/moving_mean", "conv1/moving_variance"),
                    after.tensors().stream().limit(6).map(TrainedWeights.Tensor::name).toList());
            float[] mean = after.tensor("conv2/moving_mean").values();
            float[] variance = after.tensor("conv2/moving_variance").values();
            assertTrue(IntStream.range(0, 8).allMatch(c -> mean[c] != 0 && variance[c] != 1 && variance[c] > 0), Arrays.toString(variance));
            Trainer.Evaluation first = trainer.evaluate(validation);
            Trainer.Evaluation second = trainer.evaluate(validation);
            assertEquals(first.loss(), second.loss());
            assertArrayEquals(first.confusion(), second.confusion());
            assertEquals(outcome.epochs().get(0).validationLoss(), first.loss());
        }
    }

    @Test
    void aSessionWithoutGpuPermissionHidesEveryGpu() {
        assertEquals(0, Trainer.config(false, 1).getDeviceCountOrThrow("GPU"));
        assertFalse(Trainer.config(true, 1).containsDeviceCount("GPU"));
    }
}
