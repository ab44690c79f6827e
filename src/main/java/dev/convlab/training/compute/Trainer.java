package dev.convlab.training.compute;

import dev.convlab.platform.NativeRuntime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.framework.optimizers.Adam;
import org.tensorflow.framework.optimizers.GradientDescent;
import org.tensorflow.framework.optimizers.Momentum;
import org.tensorflow.framework.optimizers.Optimizer;
import org.tensorflow.framework.optimizers.Optimizer.GradAndVar;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.family.TType;

/**
 * Trains one CNN in TensorFlow graph mode. Weights start from the seed, batches are shuffled by the seed, and every op
 * runs in the calling thread, so the same settings give the same run.
 */
public final class Trainer implements AutoCloseable {

    static final float DIVERGED_LOSS = 1e4f;
    static final int REPORTS_PER_EPOCH = 20;
    private static final int EVAL_BATCH = 1000;

    static {
        NativeRuntime.prepare();
    }

    /** One epoch's numbers; {@code diverged} when the loss turned NaN or exploded. */
    public record Epoch(int epoch, double trainLoss, double validationLoss, double validationAccuracy, boolean diverged) {}

    /** Progress inside an epoch; {@code meanLoss} is the mean training loss of the images since the previous report. */
    public record Batches(int epoch, int batch, int batchesPerEpoch, double meanLoss) {}

    /** A whole run's outcome, with the first layer's learned kernels as [kernel][row][column]. */
    public record Outcome(List<Epoch> epochs, boolean diverged, boolean stopped, double imagesPerSecond, float[][][] firstLayerKernels) {}

    /** Mean loss and accuracy over a set, and its 10×10 confusion counts: row = true class, column = predicted class. */
    public record Evaluation(double loss, double accuracy, int[][] confusion) {}

    /** Hears a run as it goes: every finished epoch, and about twenty times an epoch the batches so far. */
    public interface Listener {
        void epoch(Epoch epoch);

        void batches(Batches progress);
    }

    private final TrainingSettings settings;
    private final Graph graph = new Graph();
    private final Session session;
    private final Placeholder<TFloat32> images;
    private final Placeholder<TFloat32> labels;
    /** Every variable the network declared, in build order. */
    private final Map<String, Variable<TFloat32>> variables = new LinkedHashMap<>();
    private final Operand<TFloat32> trainingLoss;
    private final Op step;
    private final Operand<TFloat32> evaluationLossSum;
    private final Operand<TInt64> predictions;
    private final Map<Integer, Feed> feeds = new HashMap<>();

    /** Builds the network on one CPU thread; unless {@code gpuAllowed}, the session hides every GPU. */
    public Trainer(TrainingSettings settings, boolean gpuAllowed) {
        this(settings, gpuAllowed, 1);
    }

    /**
     * As {@link #Trainer(TrainingSettings, boolean)} with {@code threads} intra-op threads. TensorFlow sizes its
     * thread pools from a process's first session, so this counts only there (bench/train's one run on two threads).
     */
    public Trainer(TrainingSettings settings, boolean gpuAllowed, int threads) {
        this.settings = settings;
        Architecture architecture = settings.architecture();
        architecture.plan(); // refuses architectures that cannot be built, saying why
        Ops tf = Ops.create(graph);
        images = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 28, 28, 1)));
        labels = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, Architecture.CLASSES)));
        Random random = new Random(settings.seed());
        Network.Parameters parameters = (name, shape, initial) -> tf.identity(variables.computeIfAbsent(name,
                key -> tf.variable(tf.constant(shape, DataBuffers.of(initial.apply(random))))));
        Network.Pass training = Network.build(tf, architecture, images, parameters, true);
        Network.Pass inference = architecture.batchNorm() ? Network.build(tf, architecture, images, parameters, false) : training;
        trainingLoss = tf.math.mean(tf.nn.softmaxCrossEntropyWithLogits(training.logits(), labels).loss(), tf.constant(0));
        evaluationLossSum = tf.reduceSum(tf.nn.softmaxCrossEntropyWithLogits(inference.logits(), labels).loss(), tf.constant(0));
        predictions = tf.math.argMax(inference.logits(), tf.constant(1), TInt64.class);
        List<Op> updates = new ArrayList<>();
        updates.add(minimize(trainingLoss, training.movingStatistics().keySet()));
        training.movingStatistics().forEach((name, next) -> updates.add(tf.assign(variables.get(name), next)));
        step = tf.withControlDependencies(updates).noOp();
        session = new Session(graph, config(gpuAllowed, threads));
        session.initialize();
    }

    /**
     * The optimizer's update of every variable but the moving statistics (framework optimizers would take every
     * variable in the graph as trainable).
     */
    private Op minimize(Operand<TFloat32> loss, Set<String> untrained) {
        List<Output<TFloat32>> trained = variables.entrySet().stream()
                .filter(entry -> !untrained.contains(entry.getKey()))
                .map(entry -> entry.getValue().asOutput())
                .toList();
        Output<?>[] gradients = graph.addGradients(loss.asOutput(), trained.toArray(Output<?>[]::new));
        List<GradAndVar<? extends TType>> pairs = new ArrayList<>();
        for (int i = 0; i < gradients.length; i++) {
            pairs.add(new GradAndVar<>(gradients[i].expect(TFloat32.class), trained.get(i)));
        }
        return optimizer().applyGradients(pairs, "train");
    }

    private Optimizer optimizer() {
        return switch (settings.optimizer()) {
            case SGD -> new GradientDescent(graph, settings.learningRate());
            case MOMENTUM -> new Momentum(graph, settings.learningRate(), 0.9f);
            case ADAM -> new Adam(graph, settings.learningRate());
        };
    }

    /**
     * Every op in the calling thread: measured fastest on these 2 shared cores, and runs stay bit-identical for a
     * thread count (with a one-thread inter-op pool, a JVM's first run sometimes differed from the next ones).
     */
    static ConfigProto config(boolean gpuAllowed, int threads) {
        ConfigProto.Builder config = ConfigProto.newBuilder().setIntraOpParallelismThreads(threads).setInterOpParallelismThreads(-1);
        if (!gpuAllowed) {
            config.putDeviceCount("GPU", 0);
        }
        return config.build();
    }

    /**
     * Trains for the settings' epochs, reporting as it goes; stops early when the loss diverges, or between two
     * batches once {@code stop} says so.
     */
    public Outcome train(TrainingData train, TrainingData validation, Listener listener, BooleanSupplier stop) {
        Random shuffling = new Random(settings.seed() ^ 0x5DEECE66DL);
        int[] order = identity(train.count());
        int batchSize = settings.batchSize();
        int batchesPerEpoch = (order.length + batchSize - 1) / batchSize;
        int reportEvery = Math.max(1, batchesPerEpoch / REPORTS_PER_EPOCH);
        List<Epoch> epochs = new ArrayList<>();
        long start = System.nanoTime();
        long seen = 0;
        for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
            shuffle(order, shuffling);
            double epochLoss = 0;
            double lossSinceReport = 0;
            int imagesSinceReport = 0;
            boolean diverged = false;
            for (int batch = 1; batch <= batchesPerEpoch; batch++) {
                if (stop.getAsBoolean()) {
                    return outcome(epochs, false, true, seen, start);
                }
                int from = (batch - 1) * batchSize;
                int size = Math.min(batchSize, order.length - from);
                float loss = runStep(train, order, from, size);
                seen += size;
                if (!Float.isFinite(loss) || loss > DIVERGED_LOSS) {
                    diverged = true;
                    break;
                }
                epochLoss += (double) loss * size;
                lossSinceReport += (double) loss * size;
                imagesSinceReport += size;
                if (reportsAfter(batch, reportEvery, batchesPerEpoch)) {
                    listener.batches(new Batches(epoch, batch, batchesPerEpoch, lossSinceReport / imagesSinceReport));
                    lossSinceReport = 0;
                    imagesSinceReport = 0;
                }
            }
            Epoch result;
            if (diverged) {
                result = new Epoch(epoch, Double.NaN, Double.NaN, 0, true);
            } else {
                Evaluation evaluation = evaluate(validation);
                result = new Epoch(epoch, epochLoss / order.length, evaluation.loss(), evaluation.accuracy(), false);
            }
            epochs.add(result);
            listener.epoch(result);
            if (diverged) {
                return outcome(epochs, true, false, seen, start);
            }
        }
        return outcome(epochs, false, false, seen, start);
    }

    /**
     * Every {@code reportEvery} batches, and at the epoch's end; the batches left over after the last full interval go
     * into the last report, so that it never rests on a batch or two (a ragged last batch made the chart jump).
     */
    private static boolean reportsAfter(int batch, int reportEvery, int batchesPerEpoch) {
        return batch == batchesPerEpoch || batch % reportEvery == 0 && batch + reportEvery <= batchesPerEpoch;
    }

    private Outcome outcome(List<Epoch> epochs, boolean diverged, boolean stopped, long seen, long start) {
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Outcome(epochs, diverged, stopped, seen / seconds, firstLayerKernels());
    }

    private float runStep(TrainingData data, int[] order, int from, int size) {
        Feed feed = feed(data, order, from, size);
        try (Result result = session.runner().feed(images, feed.images).feed(labels, feed.labels).addTarget(step).fetch(trainingLoss).run()) {
            return ((TFloat32) result.get(0)).getFloat();
        }
    }

    /** Loss, accuracy and confusion over a whole set, batch norm using its moving statistics. */
    public Evaluation evaluate(TrainingData data) {
        int[] all = identity(data.count());
        int[][] confusion = new int[Architecture.CLASSES][Architecture.CLASSES];
        double lossTotal = 0;
        for (int from = 0; from < all.length; from += EVAL_BATCH) {
            int size = Math.min(EVAL_BATCH, all.length - from);
            Feed feed = feed(data, all, from, size);
            try (Result result = session.runner().feed(images, feed.images).feed(labels, feed.labels)
                    .fetch(evaluationLossSum).fetch(predictions).run()) {
                lossTotal += ((TFloat32) result.get(0)).getFloat();
                TInt64 predicted = (TInt64) result.get(1);
                for (int i = 0; i < size; i++) {
                    confusion[data.labels()[from + i]][(int) predicted.getLong(i)]++;
                }
            }
        }
        int right = 0;
        for (int c = 0; c < Architecture.CLASSES; c++) {
            right += confusion[c][c];
        }
        return new Evaluation(lossTotal / data.count(), (double) right / data.count(), confusion);
    }

    /** Every variable's current values, moving statistics included, in build order. */
    public TrainedWeights weights() {
        Session.Runner runner = session.runner();
        variables.values().forEach(runner::fetch);
        try (Result result = runner.run()) {
            List<TrainedWeights.Tensor> tensors = new ArrayList<>();
            int i = 0;
            for (String name : variables.keySet()) {
                TFloat32 value = (TFloat32) result.get(i++);
                float[] values = new float[(int) value.size()];
                value.copyTo(DataBuffers.of(values, false, false));
                tensors.add(new TrainedWeights.Tensor(name, value.shape().asArray(), values));
            }
            return new TrainedWeights(tensors);
        }
    }

    private float[][][] firstLayerKernels() {
        TrainedWeights.Tensor first = weights().tensor("conv1/kernel");
        int k = (int) first.shape()[0];
        int out = (int) first.shape()[3];
        float[][][] kernels = new float[out][k][k];
        for (int y = 0; y < k; y++) {
            for (int x = 0; x < k; x++) {
                for (int c = 0; c < out; c++) {
                    kernels[c][y][x] = first.values()[(y * k + x) * out + c];
                }
            }
        }
        return kernels;
    }

    private Feed feed(TrainingData data, int[] order, int from, int size) {
        Feed feed = feeds.computeIfAbsent(size, Feed::new);
        feed.fill(data, order, from);
        return feed;
    }

    /** One batch size's input tensors, allocated once and refilled every step: new tensors each step cost a third of the speed. */
    private static final class Feed implements AutoCloseable {

        final TFloat32 images;
        final TFloat32 labels;
        private final float[] pixels;
        private final float[] oneHot;

        Feed(int size) {
            pixels = new float[size * TrainingData.PIXELS];
            oneHot = new float[size * Architecture.CLASSES];
            images = TFloat32.tensorOf(Shape.of(size, 28, 28, 1));
            labels = TFloat32.tensorOf(Shape.of(size, Architecture.CLASSES));
        }

        void fill(TrainingData data, int[] order, int from) {
            Arrays.fill(oneHot, 0);
            int size = oneHot.length / Architecture.CLASSES;
            for (int i = 0; i < size; i++) {
                System.arraycopy(data.images(), order[from + i] * TrainingData.PIXELS, pixels, i * TrainingData.PIXELS, TrainingData.PIXELS);
                oneHot[i * Architecture.CLASSES + data.labels()[order[from + i]]] = 1;
            }
            images.copyFrom(DataBuffers.of(pixels, true, false));
            labels.copyFrom(DataBuffers.of(oneHot, true, false));
        }

        @Override
        public void close() {
            images.close();
            labels.close();
        }
    }

    private static int[] identity(int count) {
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        return order;
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
        feeds.values().forEach(Feed::close);
        session.close();
        graph.close();
    }
}
