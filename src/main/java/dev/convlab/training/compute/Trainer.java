package dev.convlab.training.compute;

import dev.convlab.training.compute.Architecture.Downsampling;
import dev.convlab.training.compute.Architecture.Head;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.framework.optimizers.Adam;
import org.tensorflow.framework.optimizers.GradientDescent;
import org.tensorflow.framework.optimizers.Momentum;
import org.tensorflow.framework.optimizers.Optimizer;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Trains one CNN in TensorFlow graph mode. Weights start from the seed (PyTorch's default: uniform within
 * ±1/√fan-in), batches are shuffled by the seed, and ops run on one thread, so the same settings give the same run.
 */
public final class Trainer implements AutoCloseable {

    static final float DIVERGED_LOSS = 1e4f;
    private static final int EVAL_BATCH = 1000;

    /** One epoch's numbers; {@code diverged} when the loss turned NaN or exploded. */
    public record Epoch(int epoch, double trainLoss, double validationLoss, double validationAccuracy, boolean diverged) {}

    /** A whole run's outcome, with the first layer's learned kernels as [kernel][row][column]. */
    public record Outcome(List<Epoch> epochs, boolean diverged, boolean stopped, double imagesPerSecond, float[][][] firstLayerKernels) {}

    private final TrainingSettings settings;
    private final Graph graph = new Graph();
    private final Session session;
    private final Placeholder<TFloat32> images;
    private final Placeholder<TFloat32> labels;
    private final Operand<TFloat32> loss;
    private final Operand<TFloat32> lossSum;
    private final Operand<TFloat32> correct;
    private final Op step;
    private final Variable<TFloat32> firstWeights;

    public Trainer(TrainingSettings settings) {
        this.settings = settings;
        Architecture architecture = settings.architecture();
        architecture.plan(); // refuses architectures that cannot be built, saying why
        Random random = new Random(settings.seed());
        Ops tf = Ops.create(graph);
        images = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 28, 28, 1)));
        labels = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, Architecture.CLASSES)));
        List<Integer> widths = new ArrayList<>(architecture.channels());
        widths.add(Architecture.CLASSES);
        int k = architecture.kernelSize();
        long stride = architecture.downsampling() == Downsampling.STRIDE2 ? 2 : 1;
        int pad = k / 2;
        Operand<TFloat32> x = images;
        Variable<TFloat32> first = null;
        int inChannels = 1;
        for (int i = 0; i < widths.size(); i++) {
            int out = widths.get(i);
            float bound = (float) (1 / Math.sqrt(k * k * inChannels));
            Variable<TFloat32> weights = tf.variable(tf.constant(Shape.of(k, k, inChannels, out), DataBuffers.of(uniform(random, k * k * inChannels * out, bound))));
            Variable<TFloat32> bias = tf.variable(tf.constant(Shape.of(out), DataBuffers.of(uniform(random, out, bound))));
            first = first == null ? weights : first;
            // Explicit zeros then VALID, like PyTorch's padding=k//2 (TensorFlow's gradient of EXPLICIT Conv2D fails).
            Operand<TFloat32> padded = tf.pad(x, tf.constant(new int[][] {{0, 0}, {pad, pad}, {pad, pad}, {0, 0}}), tf.constant(0f));
            x = tf.math.add(tf.nn.conv2d(padded, tf.identity(weights), List.of(1L, stride, stride, 1L), "VALID"), tf.identity(bias));
            boolean last = i == widths.size() - 1;
            if (!last) {
                x = tf.nn.relu(x);
            }
            if (stride == 1) {
                x = architecture.downsampling() == Downsampling.MAX_POOL
                        ? tf.nn.maxPool(x, tf.constant(new int[] {1, 2, 2, 1}), tf.constant(new int[] {1, 2, 2, 1}), "SAME")
                        : tf.nn.avgPool(x, List.of(1L, 2L, 2L, 1L), List.of(1L, 2L, 2L, 1L), "SAME");
            }
            inChannels = out;
        }
        firstWeights = first;
        Operand<TFloat32> logits = architecture.head() == Head.FLATTEN
                ? tf.reshape(x, tf.constant(new int[] {-1, Architecture.CLASSES}))
                : tf.math.mean(x, tf.constant(new int[] {1, 2}));
        Operand<TFloat32> perImage = tf.nn.softmaxCrossEntropyWithLogits(logits, labels).loss();
        loss = tf.math.mean(perImage, tf.constant(0));
        lossSum = tf.reduceSum(perImage, tf.constant(0));
        correct = tf.reduceSum(tf.dtypes.cast(tf.math.equal(tf.math.argMax(logits, tf.constant(1), TInt64.class),
                tf.math.argMax(labels, tf.constant(1), TInt64.class)), TFloat32.class), tf.constant(0));
        step = optimizer(settings).minimize(loss);
        session = new Session(graph, ConfigProto.newBuilder().setIntraOpParallelismThreads(1).setInterOpParallelismThreads(1).build());
        session.initialize();
    }

    private Optimizer optimizer(TrainingSettings settings) {
        return switch (settings.optimizer()) {
            case SGD -> new GradientDescent(graph, settings.learningRate());
            case MOMENTUM -> new Momentum(graph, settings.learningRate(), 0.9f);
            case ADAM -> new Adam(graph, settings.learningRate());
        };
    }

    private static float[] uniform(Random random, int count, float bound) {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (random.nextFloat() * 2 - 1) * bound;
        }
        return values;
    }

    /**
     * Trains for the settings' epochs, reporting each epoch as it ends; stops early when the loss diverges, or between
     * two batches once {@code stop} says so.
     */
    public Outcome train(TrainingData train, TrainingData validation, Consumer<Epoch> progress, BooleanSupplier stop) {
        Random shuffling = new Random(settings.seed() ^ 0x5DEECE66DL);
        int[] order = new int[train.count()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        List<Epoch> epochs = new ArrayList<>();
        long start = System.nanoTime();
        long seen = 0;
        for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
            shuffle(order, shuffling);
            double lossTotal = 0;
            int batches = 0;
            boolean diverged = false;
            for (int from = 0; from < order.length; from += settings.batchSize()) {
                if (stop.getAsBoolean()) {
                    double seconds = (System.nanoTime() - start) / 1e9;
                    return new Outcome(epochs, false, true, seen / seconds, firstLayerKernels());
                }
                int size = Math.min(settings.batchSize(), order.length - from);
                float batchLoss = runStep(train, order, from, size);
                seen += size;
                if (!Float.isFinite(batchLoss) || batchLoss > DIVERGED_LOSS) {
                    diverged = true;
                    break;
                }
                lossTotal += batchLoss;
                batches++;
            }
            double[] evaluation = diverged ? new double[] {Double.NaN, 0} : evaluate(validation);
            Epoch result = new Epoch(epoch, diverged ? Double.NaN : lossTotal / batches, evaluation[0], evaluation[1], diverged);
            epochs.add(result);
            progress.accept(result);
            if (diverged) {
                break;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        boolean diverged = epochs.get(epochs.size() - 1).diverged();
        return new Outcome(epochs, diverged, false, seen / seconds, firstLayerKernels());
    }

    private float runStep(TrainingData data, int[] order, int from, int size) {
        try (TFloat32 x = batchImages(data, order, from, size); TFloat32 y = batchLabels(data, order, from, size);
                Result result = session.runner().feed(images, x).feed(labels, y).addTarget(step).fetch(loss).run()) {
            return ((TFloat32) result.get(0)).getFloat();
        }
    }

    /** Mean loss and accuracy over a whole set. */
    public double[] evaluate(TrainingData data) {
        int[] all = new int[data.count()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        double lossTotal = 0;
        double right = 0;
        for (int from = 0; from < all.length; from += EVAL_BATCH) {
            int size = Math.min(EVAL_BATCH, all.length - from);
            try (TFloat32 x = batchImages(data, all, from, size); TFloat32 y = batchLabels(data, all, from, size);
                    Result result = session.runner().feed(images, x).feed(labels, y).fetch(lossSum).fetch(correct).run()) {
                lossTotal += ((TFloat32) result.get(0)).getFloat();
                right += ((TFloat32) result.get(1)).getFloat();
            }
        }
        return new double[] {lossTotal / data.count(), right / data.count()};
    }

    private float[][][] firstLayerKernels() {
        int k = settings.architecture().kernelSize();
        int out = settings.architecture().channels().get(0);
        try (Result result = session.runner().fetch(firstWeights).run()) {
            float[] flat = new float[k * k * out];
            ((TFloat32) result.get(0)).asRawTensor().data().asFloats().read(flat);
            float[][][] kernels = new float[out][k][k];
            for (int y = 0; y < k; y++) {
                for (int x = 0; x < k; x++) {
                    for (int c = 0; c < out; c++) {
                        kernels[c][y][x] = flat[(y * k + x) * out + c];
                    }
                }
            }
            return kernels;
        }
    }

    private static TFloat32 batchImages(TrainingData data, int[] order, int from, int size) {
        float[] values = new float[size * TrainingData.PIXELS];
        for (int i = 0; i < size; i++) {
            System.arraycopy(data.images(), order[from + i] * TrainingData.PIXELS, values, i * TrainingData.PIXELS, TrainingData.PIXELS);
        }
        return TFloat32.tensorOf(Shape.of(size, 28, 28, 1), DataBuffers.of(values, true, false));
    }

    private static TFloat32 batchLabels(TrainingData data, int[] order, int from, int size) {
        float[] oneHot = new float[size * Architecture.CLASSES];
        for (int i = 0; i < size; i++) {
            oneHot[i * Architecture.CLASSES + data.labels()[order[from + i]]] = 1;
        }
        return TFloat32.tensorOf(Shape.of(size, Architecture.CLASSES), DataBuffers.of(oneHot, true, false));
    }

    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }
}
