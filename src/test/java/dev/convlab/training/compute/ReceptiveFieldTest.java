package dev.convlab.training.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convlab.datasets.ImageSet;
import dev.convlab.training.TrainingDatasets;
import dev.convlab.training.compute.Architecture.Downsampling;
import dev.convlab.training.compute.Architecture.Head;
import dev.convlab.training.compute.TrainingSettings.Optimizer;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Receptive fields of networks trained for one epoch on the shipped MNIST digits. */
class ReceptiveFieldTest {

    private static final Architecture POOLED_BATCH_NORM = new Architecture(Downsampling.MAX_POOL, 3, List.of(4, 8, 16, 16), true, Head.FLATTEN);

    private static TrainingData digits;
    private static TrainedWeights lesson;
    private static TrainedWeights pooled;
    private static Trainer pooledTrainer;

    @BeforeAll
    static void train() throws Exception {
        ClassLoader loader = ReceptiveFieldTest.class.getClassLoader();
        try (InputStream images = loader.getResourceAsStream("datasets/mnist/images-idx3-ubyte.gz");
                InputStream labels = loader.getResourceAsStream("datasets/mnist/labels-idx1-ubyte.gz")) {
            digits = TrainingDatasets.slice(ImageSet.fromIdx(images, labels, IntStream.range(0, 10).mapToObj(String::valueOf).toList()), 0, 3000);
        }
        try (Trainer trainer = trained(new TrainingSettings(Architecture.lesson(), Optimizer.SGD, 0.4f, 64, 1, 1))) {
            lesson = trainer.weights();
        }
        pooledTrainer = trained(new TrainingSettings(POOLED_BATCH_NORM, Optimizer.SGD, 0.1f, 64, 1, 1));
        pooled = pooledTrainer.weights();
    }

    @AfterAll
    static void closeTrainer() {
        pooledTrainer.close();
    }

    private static Trainer trained(TrainingSettings settings) {
        Trainer trainer = new Trainer(settings, false);
        trainer.train(digits, digits, new Trainer.Listener() {
            @Override
            public void epoch(Trainer.Epoch epoch) {}

            @Override
            public void batches(Trainer.Batches progress) {}
        }, () -> false);
        return trainer;
    }

    private static float[] image(int index) {
        return Arrays.copyOfRange(digits.images(), index * TrainingData.PIXELS, (index + 1) * TrainingData.PIXELS);
    }

    /** The first channel whose activation is positive, so that ReLU lets a gradient through. */
    private static ReceptiveField.Field active(Architecture architecture, TrainedWeights weights, int layer, int y, int x) {
        int channels = architecture.plan().get(layer).channels();
        return IntStream.range(0, channels).mapToObj(c -> ReceptiveField.of(architecture, weights, image(0), layer, c, y, x))
                .filter(field -> field.activation() > 0).findFirst().orElseThrow();
    }

    private static void assertGradientOnlyInsideTheWindow(ReceptiveField.Field field) {
        int inside = 0;
        for (int row = 0; row < 28; row++) {
            for (int column = 0; column < 28; column++) {
                float gradient = field.gradient()[row * 28 + column];
                boolean within = row >= field.top() && row <= field.bottom() && column >= field.left() && column <= field.right();
                if (!within) {
                    assertEquals(0f, gradient, "pixel " + row + "," + column + " lies outside the window");
                } else if (gradient != 0) {
                    inside++;
                }
            }
        }
        assertTrue(inside > 0, "some pixel inside the window moves the activation");
    }

    @Test
    void aThirdLayerActivationSeesAFifteenPixelWindowAndNothingOutsideIt() {
        ReceptiveField.Field field = active(Architecture.lesson(), lesson, 2, 1, 2);
        assertEquals(List.of(1, 9, 15, 23), List.of(field.top(), field.left(), field.bottom(), field.right()));
        assertGradientOnlyInsideTheWindow(field);
    }

    @Test
    void aFirstLayerActivationSeesThreeByThreePixelsClippedAtTheBorder() {
        ReceptiveField.Field inner = ReceptiveField.of(Architecture.lesson(), lesson, image(0), 0, 0, 5, 6);
        assertEquals(List.of(9, 11, 11, 13), List.of(inner.top(), inner.left(), inner.bottom(), inner.right()));
        ReceptiveField.Field corner = ReceptiveField.of(Architecture.lesson(), lesson, image(0), 0, 0, 0, 0);
        assertEquals(List.of(0, 0, 1, 1), List.of(corner.top(), corner.left(), corner.bottom(), corner.right()));
    }

    @Test
    void poolingAndBatchNormFieldsStayInsideTheirWindow() {
        ReceptiveField.Field afterPool = active(POOLED_BATCH_NORM, pooled, 3, 3, 3);
        assertEquals(List.of(9, 9, 18, 18), List.of(afterPool.top(), afterPool.left(), afterPool.bottom(), afterPool.right()));
        assertGradientOnlyInsideTheWindow(afterPool);
    }

    @Test
    void theLastLayersActivationsAreTheClassScoresTheTrainerEvaluatesWith() {
        int last = POOLED_BATCH_NORM.plan().size() - 2;
        double[] scores = IntStream.range(0, 10).mapToDouble(c -> ReceptiveField.of(POOLED_BATCH_NORM, pooled, image(0), last, c, 0, 0).activation()).toArray();
        int label = digits.labels()[0];
        double logSum = Math.log(Arrays.stream(scores).map(Math::exp).sum());
        int predicted = IntStream.range(0, 10).reduce((a, b) -> scores[a] >= scores[b] ? a : b).orElseThrow();
        Trainer.Evaluation one = pooledTrainer.evaluate(new TrainingData(image(0), new int[] {label}));
        assertEquals(1, one.confusion()[label][predicted]);
        assertEquals(logSum - scores[label], one.loss(), 1e-4);
    }

    @Test
    void rowsAndPositionsOutsideTheNetworkAreRefusedSayingWhich() {
        Architecture architecture = Architecture.lesson();
        assertTrue(refusal(() -> ReceptiveField.of(architecture, lesson, image(0), 5, 0, 0, 0)).contains("layer must be a convolution or pooling row, 0 to 4, not 5"));
        assertTrue(refusal(() -> ReceptiveField.of(architecture, lesson, image(0), -1, 0, 0, 0)).contains("not -1"));
        assertTrue(refusal(() -> ReceptiveField.of(architecture, lesson, image(0), 1, 8, 0, 0)).contains("channel must be from 0 to 7"));
        assertTrue(refusal(() -> ReceptiveField.of(architecture, lesson, image(0), 1, 0, 7, 0)).contains("y must be from 0 to 6"));
        assertTrue(refusal(() -> ReceptiveField.of(architecture, lesson, image(0), 1, 0, 0, -1)).contains("x must be from 0 to 6"));
        assertTrue(refusal(() -> ReceptiveField.of(architecture, lesson, new float[10], 1, 0, 0, 0)).contains("not 28×28"));
        assertTrue(refusal(() -> ReceptiveField.of(POOLED_BATCH_NORM, lesson, image(0), 1, 0, 0, 0)).contains("conv1/gamma"));
    }

    private static String refusal(Runnable call) {
        return assertThrows(IllegalArgumentException.class, call::run).getMessage();
    }
}
