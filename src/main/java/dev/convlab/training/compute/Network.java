package dev.convlab.training.compute;

import dev.convlab.training.compute.Architecture.Downsampling;
import dev.convlab.training.compute.Architecture.Head;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.op.nn.BiasAdd;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The forward pass of an {@link Architecture} as graph ops, shared by the trainer and the receptive-field probe:
 * convolutions padded like PyTorch's padding=k//2 (at stride 1 TensorFlow's SAME, which is the same; at stride 2
 * explicit zeros, because SAME pads even maps only at the bottom and right), batch norm before ReLU, 2×2 pooling, and
 * a flatten or global-average-pool head. Stride-2 networks run in [channel, row, column, image] layout with
 * convolutions as im2col + MatMul, which trained faster than oneDNN's Conv2D there.
 */
final class Network {

    /** PyTorch's BatchNorm2d defaults. */
    static final float MOMENTUM = 0.1f;
    static final float EPSILON = 1e-5f;

    /** Where parameters come from: the trainer's variables, or stored weights as constants. */
    interface Parameters {
        /** The parameter {@code name}; if it does not exist yet, it starts at {@code initial}'s values for a random source. */
        Operand<TFloat32> get(String name, Shape shape, Function<Random, float[]> initial);
    }

    /**
     * One pass: the class scores, the output of every plan row but the head, and (training with batch norm) each
     * moving statistic's next value by parameter name.
     */
    record Pass(Operand<TFloat32> logits, List<Operand<TFloat32>> layers, Map<String, Operand<TFloat32>> movingStatistics) {}

    private Network() {}

    /**
     * Builds one pass over {@code images} [n, 28, 28, 1]. A training pass normalizes with the batch's statistics,
     * an inference pass with the moving ones. New parameters start like PyTorch's: uniform within ±1/√fan-in, batch
     * norm at gamma 1, beta 0, mean 0, variance 1.
     */
    static Pass build(Ops tf, Architecture architecture, Operand<TFloat32> images, Parameters parameters, boolean training) {
        List<Integer> widths = new ArrayList<>(architecture.channels());
        widths.add(Architecture.CLASSES);
        int k = architecture.kernelSize();
        int stride = architecture.downsampling() == Downsampling.STRIDE2 ? 2 : 1;
        boolean im2col = usesIm2col(architecture);
        List<Operand<TFloat32>> layers = new ArrayList<>();
        Map<String, Operand<TFloat32>> moving = new LinkedHashMap<>();
        Operand<TFloat32> x = im2col ? swapBatchAndChannels(tf, images) : images;
        int in = 1;
        for (int i = 0; i < widths.size(); i++) {
            int out = widths.get(i);
            String name = "conv" + (i + 1);
            float bound = (float) (1 / Math.sqrt(k * k * in));
            Operand<TFloat32> kernel = parameters.get(name + "/kernel", Shape.of(k, k, in, out), uniform(k * k * in * out, bound));
            Operand<TFloat32> bias = parameters.get(name + "/bias", Shape.of(out), uniform(out, bound));
            x = im2col
                    ? convolution(tf, x, kernel, bias, stride)
                    : tf.nn.biasAdd(tf.nn.conv2d(x, kernel, List.of(1L, 1L, 1L, 1L), "SAME"), bias);
            if (i < widths.size() - 1) {
                if (architecture.batchNorm()) {
                    x = batchNorm(tf, x, im2col, name, out, parameters, training, moving);
                }
                x = tf.nn.relu(x);
            }
            layers.add(im2col ? swapBatchAndChannels(tf, x) : x);
            if (stride == 1) {
                x = architecture.downsampling() == Downsampling.MAX_POOL
                        ? maxPool(tf, x)
                        : tf.nn.avgPool(x, List.of(1L, 2L, 2L, 1L), List.of(1L, 2L, 2L, 1L), "SAME");
                layers.add(x);
            }
            in = out;
        }
        if (im2col) {
            x = swapBatchAndChannels(tf, x);
        }
        Operand<TFloat32> logits = architecture.head() == Head.FLATTEN
                ? tf.reshape(x, tf.constant(new int[] {-1, Architecture.CLASSES}))
                : tf.math.mean(x, tf.constant(new int[] {1, 2}));
        return new Pass(logits, layers, moving);
    }

    /**
     * 2×2 max-pool, SAME, as TensorFlow's MaxPool op: TF Java's maxPool builds MaxPoolV2, which oneDNN does not take
     * over; training steps of the max-pool net measured 1.28× (batch 64) and 1.43× (batch 256) faster with MaxPool.
     */
    private static Operand<TFloat32> maxPool(Ops tf, Operand<TFloat32> x) {
        long[] window = {1, 2, 2, 1};
        return tf.scope().opBuilder("MaxPool", "MaxPool").addInput(x.asOutput()).setAttr("ksize", window)
                .setAttr("strides", window).setAttr("padding", "SAME").build().output(0);
    }

    /**
     * Whether the network runs in [channel, row, column, image] layout with im2col convolutions rather than NHWC with
     * oneDNN's Conv2D. Measured per training step, with oneDNN's kernels on: im2col 1.1–1.4× faster for the stride-2
     * lesson net; Conv2D 1.1× (batch 64) and 1.3× (batch 256) faster for the max-pool net (bench/README.md).
     */
    static boolean usesIm2col(Architecture architecture) {
        return architecture.downsampling() == Downsampling.STRIDE2;
    }

    /** [n, h, w, c] ⇄ [c, h, w, n]: the permutation is its own inverse. */
    private static Operand<TFloat32> swapBatchAndChannels(Ops tf, Operand<TFloat32> x) {
        return tf.linalg.transpose(x, tf.constant(new int[] {3, 1, 2, 0}));
    }

    /**
     * A convolution at stride 1 or 2 padded by k//2, {@code x} [in, h, w, n] to [out, h', w', n], as im2col + one
     * MatMul with the HWIO kernel seen as [k·k·in, out]. The padded map is split once into its stride phases, so every
     * tap is a plain slice of one phase (strided slices were 5× slower); with the images innermost, the slices, their
     * gradients (pads) and the stacking of taps all move long contiguous runs.
     */
    static Operand<TFloat32> convolution(Ops tf, Operand<TFloat32> x, Operand<TFloat32> kernel, Operand<TFloat32> bias, int stride) {
        int k = (int) kernel.shape().size(0);
        int in = (int) kernel.shape().size(2);
        int out = (int) kernel.shape().size(3);
        int pad = k / 2;
        int height = (int) x.shape().size(1);
        int width = (int) x.shape().size(2);
        int outHeight = (height + 2 * pad - k) / stride + 1;
        int outWidth = (width + 2 * pad - k) / stride + 1;
        // Padded sides a multiple of the stride so the map splits into phases; extra bottom/right zeros are never read.
        int phaseHeight = (height + 2 * pad + stride - 1) / stride;
        int phaseWidth = (width + 2 * pad + stride - 1) / stride;
        Operand<TFloat32> padded = tf.pad(x, tf.constant(new int[][] {{0, 0}, {pad, stride * phaseHeight - height - pad},
                {pad, stride * phaseWidth - width - pad}, {0, 0}}), tf.constant(0f));
        // [in, h/s, row phase, w/s, column phase, n] -> [row phase, column phase, in, h/s, w/s, n]
        Operand<TFloat32> phases = tf.linalg.transpose(tf.reshape(padded, tf.constant(new int[] {in, phaseHeight, stride, phaseWidth, stride, -1})),
                tf.constant(new int[] {2, 4, 0, 1, 3, 5}));
        // Taps come in blocks, one per offset (oy, ox) into the phase planes, each block holding the taps
        // (s·oy + row phase, s·ox + column phase). Every tensor feeds at most two ops: TF sums a tensor's gradients
        // with AddN, whose order for three or more inputs varied between sessions, so same-seed runs differed.
        int offsets = (k + stride - 1) / stride;
        int[] origin = {0, 0, 0, 0, 0, 0};
        int[] rest = {-1, -1, -1, -1, -1, -1};
        List<Operand<TFloat32>> blocks = new ArrayList<>();
        List<Integer> tapOrder = new ArrayList<>();
        Operand<TFloat32> fromRow = phases;
        for (int oy = 0; oy < offsets; oy++) {
            fromRow = oy == 0 ? fromRow : tf.slice(fromRow, tf.constant(new int[] {0, 0, 0, 1, 0, 0}), tf.constant(rest));
            Operand<TFloat32> fromColumn = tf.slice(fromRow, tf.constant(origin), tf.constant(new int[] {-1, -1, -1, outHeight, -1, -1}));
            for (int ox = 0; ox < offsets; ox++) {
                fromColumn = ox == 0 ? fromColumn : tf.slice(fromColumn, tf.constant(new int[] {0, 0, 0, 0, 1, 0}), tf.constant(rest));
                int rowPhases = Math.min(stride, k - stride * oy);
                int columnPhases = Math.min(stride, k - stride * ox);
                Operand<TFloat32> block = tf.slice(fromColumn, tf.constant(origin), tf.constant(new int[] {rowPhases, columnPhases, -1, -1, outWidth, -1}));
                blocks.add(tf.reshape(block, tf.constant(new int[] {rowPhases * columnPhases * in, -1})));
                for (int py = 0; py < rowPhases; py++) {
                    for (int px = 0; px < columnPhases; px++) {
                        tapOrder.add((stride * oy + py) * k + stride * ox + px);
                    }
                }
            }
        }
        Operand<TFloat32> columns = tf.concat(blocks, tf.constant(0));
        // The kernel's rows in the same tap order (their gradients do not overlap, so their sum is exact in any order).
        Operand<TFloat32> kernelTaps = tf.reshape(kernel, tf.constant(new int[] {k * k, in * out}));
        List<Operand<TFloat32>> kernelRows = tapOrder.stream()
                .map(tap -> (Operand<TFloat32>) tf.slice(kernelTaps, tf.constant(new int[] {tap, 0}), tf.constant(new int[] {1, -1})))
                .toList();
        Operand<TFloat32> weights = tf.reshape(tf.concat(kernelRows, tf.constant(0)), tf.constant(new int[] {k * k * in, out}));
        Operand<TFloat32> product = tf.linalg.matMul(weights, columns, MatMul.transposeA(true));
        // BiasAdd's NCHW format adds along axis 1: [1, out, positions]
        Operand<TFloat32> biased = tf.nn.biasAdd(tf.expandDims(product, tf.constant(0)), bias, BiasAdd.dataFormat("NCHW"));
        return tf.reshape(biased, tf.constant(new int[] {out, outHeight, outWidth, -1}));
    }

    /** Batch norm over every axis but the channels, which come first when {@code channelsFirst} and last otherwise. */
    private static Operand<TFloat32> batchNorm(Ops tf, Operand<TFloat32> x, boolean channelsFirst, String layer, int channels, Parameters parameters,
            boolean training, Map<String, Operand<TFloat32>> moving) {
        Shape shape = Shape.of(channels);
        Operand<TInt32> perChannel = tf.constant(channelsFirst ? new int[] {channels, 1, 1, 1} : new int[] {channels});
        Operand<TFloat32> gamma = tf.reshape(parameters.get(layer + "/gamma", shape, random -> filled(channels, 1)), perChannel);
        Operand<TFloat32> beta = tf.reshape(parameters.get(layer + "/beta", shape, random -> filled(channels, 0)), perChannel);
        Operand<TFloat32> movingMean = parameters.get(layer + "/moving_mean", shape, random -> filled(channels, 0));
        Operand<TFloat32> movingVariance = parameters.get(layer + "/moving_variance", shape, random -> filled(channels, 1));
        Operand<TFloat32> mean = tf.reshape(movingMean, perChannel);
        Operand<TFloat32> variance = tf.reshape(movingVariance, perChannel);
        if (training) {
            Operand<TInt32> axes = tf.constant(channelsFirst ? new int[] {1, 2, 3} : new int[] {0, 1, 2});
            mean = tf.math.mean(x, axes, Mean.keepDims(true));
            variance = tf.math.mean(tf.math.square(tf.math.sub(x, mean)), axes, Mean.keepDims(true));
            // Like PyTorch, the moving variance takes the unbiased estimate n/(n-1) of the batch variance.
            Operand<TFloat32> n = tf.math.div(tf.dtypes.cast(tf.size(x), TFloat32.class), tf.constant((float) channels));
            Operand<TFloat32> unbiased = tf.math.mul(variance, tf.math.div(n, tf.math.sub(n, tf.constant(1f))));
            moving.put(layer + "/moving_mean", blend(tf, movingMean, tf.reshape(mean, tf.constant(new int[] {channels}))));
            moving.put(layer + "/moving_variance", blend(tf, movingVariance, tf.reshape(unbiased, tf.constant(new int[] {channels}))));
        }
        Operand<TFloat32> scale = tf.math.mul(tf.math.rsqrt(tf.math.add(variance, tf.constant(EPSILON))), gamma);
        return tf.math.add(tf.math.mul(tf.math.sub(x, mean), scale), beta);
    }

    private static Operand<TFloat32> blend(Ops tf, Operand<TFloat32> old, Operand<TFloat32> batch) {
        return tf.math.add(tf.math.mul(old, tf.constant(1 - MOMENTUM)), tf.math.mul(batch, tf.constant(MOMENTUM)));
    }

    private static Function<Random, float[]> uniform(int count, float bound) {
        return random -> {
            float[] values = new float[count];
            for (int i = 0; i < count; i++) {
                values[i] = (random.nextFloat() * 2 - 1) * bound;
            }
            return values;
        };
    }

    private static float[] filled(int count, float value) {
        float[] values = new float[count];
        Arrays.fill(values, value);
        return values;
    }
}
