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
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The forward pass of an {@link Architecture} as graph ops, shared by the trainer and the receptive-field probe:
 * convolutions padded like PyTorch's padding=k//2 (at stride 2 explicit zeros then VALID, because TensorFlow's SAME
 * pads even maps only at the bottom and right; at stride 1 SAME is the same and measured faster), batch norm before
 * ReLU, 2×2 pooling, and a flatten or global-average-pool head.
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
        int pad = k / 2;
        boolean strided = architecture.downsampling() == Downsampling.STRIDE2;
        List<Operand<TFloat32>> layers = new ArrayList<>();
        Map<String, Operand<TFloat32>> moving = new LinkedHashMap<>();
        Operand<TFloat32> x = images;
        int in = 1;
        for (int i = 0; i < widths.size(); i++) {
            int out = widths.get(i);
            String name = "conv" + (i + 1);
            float bound = (float) (1 / Math.sqrt(k * k * in));
            Operand<TFloat32> kernel = parameters.get(name + "/kernel", Shape.of(k, k, in, out), uniform(k * k * in * out, bound));
            Operand<TFloat32> bias = parameters.get(name + "/bias", Shape.of(out), uniform(out, bound));
            Operand<TFloat32> convolved = strided
                    ? tf.nn.conv2d(tf.pad(x, tf.constant(new int[][] {{0, 0}, {pad, pad}, {pad, pad}, {0, 0}}), tf.constant(0f)), kernel,
                            List.of(1L, 2L, 2L, 1L), "VALID")
                    : tf.nn.conv2d(x, kernel, List.of(1L, 1L, 1L, 1L), "SAME");
            x = tf.nn.biasAdd(convolved, bias);
            if (i < widths.size() - 1) {
                if (architecture.batchNorm()) {
                    x = batchNorm(tf, x, name, out, parameters, training, moving);
                }
                x = tf.nn.relu(x);
            }
            layers.add(x);
            if (!strided) {
                x = architecture.downsampling() == Downsampling.MAX_POOL
                        ? tf.nn.maxPool(x, tf.constant(new int[] {1, 2, 2, 1}), tf.constant(new int[] {1, 2, 2, 1}), "SAME")
                        : tf.nn.avgPool(x, List.of(1L, 2L, 2L, 1L), List.of(1L, 2L, 2L, 1L), "SAME");
                layers.add(x);
            }
            in = out;
        }
        Operand<TFloat32> logits = architecture.head() == Head.FLATTEN
                ? tf.reshape(x, tf.constant(new int[] {-1, Architecture.CLASSES}))
                : tf.math.mean(x, tf.constant(new int[] {1, 2}));
        return new Pass(logits, layers, moving);
    }

    private static Operand<TFloat32> batchNorm(Ops tf, Operand<TFloat32> x, String layer, int channels, Parameters parameters, boolean training,
            Map<String, Operand<TFloat32>> moving) {
        Shape shape = Shape.of(channels);
        Operand<TFloat32> gamma = parameters.get(layer + "/gamma", shape, random -> filled(channels, 1));
        Operand<TFloat32> beta = parameters.get(layer + "/beta", shape, random -> filled(channels, 0));
        Operand<TFloat32> movingMean = parameters.get(layer + "/moving_mean", shape, random -> filled(channels, 0));
        Operand<TFloat32> movingVariance = parameters.get(layer + "/moving_variance", shape, random -> filled(channels, 1));
        Operand<TFloat32> mean = movingMean;
        Operand<TFloat32> variance = movingVariance;
        if (training) {
            Operand<TInt32> axes = tf.constant(new int[] {0, 1, 2});
            mean = tf.math.mean(x, axes);
            variance = tf.math.mean(tf.math.square(tf.math.sub(x, mean)), axes);
            // Like PyTorch, the moving variance takes the unbiased estimate n/(n-1) of the batch variance.
            Operand<TFloat32> n = tf.math.div(tf.dtypes.cast(tf.size(x), TFloat32.class), tf.constant((float) channels));
            Operand<TFloat32> unbiased = tf.math.mul(variance, tf.math.div(n, tf.math.sub(n, tf.constant(1f))));
            moving.put(layer + "/moving_mean", blend(tf, movingMean, mean));
            moving.put(layer + "/moving_variance", blend(tf, movingVariance, unbiased));
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
