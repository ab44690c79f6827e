package dev.convlab.training.compute;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convlab.training.compute.Architecture.Downsampling;
import dev.convlab.training.compute.Architecture.Head;
import java.util.HashMap;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

class NetworkTest {

    /**
     * Strides 1 and 2, k 3 and 5, 1 and 4 input channels, even and odd sides: outputs and all three gradients within
     * 1e-5 of Conv2D's, relative to the largest value.
     */
    @Test
    void theIm2colConvolutionAndItsGradientsEqualConv2dWithBiasAdd() {
        Random random = new Random(7);
        for (int stride : new int[] {1, 2}) {
            for (int k : new int[] {3, 5}) {
                for (int in : new int[] {1, 4}) {
                    for (int size : new int[] {28, 7}) {
                        compare(random, stride, k, in, size);
                    }
                }
            }
        }
    }

    /** The pooled lesson nets run NHWC; their logits equal those of Conv2D, ReLU and 2×2 SAME pooling, layer by layer. */
    @Test
    void pooledNetworksGiveTheLogitsOfConv2dAndPooling() {
        for (Downsampling downsampling : new Downsampling[] {Downsampling.MAX_POOL, Downsampling.AVG_POOL}) {
            Architecture architecture = new Architecture(downsampling, 3, List.of(4, 8, 16, 16), false, Head.FLATTEN);
            assertFalse(Network.usesIm2col(architecture));
            Random random = new Random(11);
            try (Graph graph = new Graph(); Session session = new Session(graph)) {
                Ops tf = Ops.create(graph);
                Operand<TFloat32> x = tf.constant(Shape.of(3, 28, 28, 1), DataBuffers.of(randoms(random, 3 * 28 * 28)));
                Map<String, Operand<TFloat32>> constants = new HashMap<>();
                Network.Parameters parameters = (name, shape, initial) ->
                        constants.computeIfAbsent(name, key -> tf.constant(shape, DataBuffers.of(initial.apply(random))));
                Operand<TFloat32> actual = Network.build(tf, architecture, x, parameters, true).logits();
                Operand<TFloat32> expected = x;
                for (int layer = 1; layer <= 5; layer++) {
                    expected = tf.nn.biasAdd(tf.nn.conv2d(expected, constants.get("conv" + layer + "/kernel"), List.of(1L, 1L, 1L, 1L), "SAME"),
                            constants.get("conv" + layer + "/bias"));
                    expected = layer < 5 ? tf.nn.relu(expected) : expected;
                    expected = downsampling == Downsampling.MAX_POOL
                            ? tf.nn.maxPool(expected, tf.constant(new int[] {1, 2, 2, 1}), tf.constant(new int[] {1, 2, 2, 1}), "SAME")
                            : tf.nn.avgPool(expected, List.of(1L, 2L, 2L, 1L), List.of(1L, 2L, 2L, 1L), "SAME");
                }
                expected = tf.reshape(expected, tf.constant(new int[] {-1, Architecture.CLASSES}));
                try (Result result = session.runner().fetch(expected).fetch(actual).run()) {
                    assertArrayEquals(values(result, 0), values(result, 1), 1e-5f, downsampling.name());
                }
            }
        }
    }

    @Test
    void stride2NetworksGoIm2colAndPoolingNetworksConv2d() {
        assertTrue(Network.usesIm2col(new Architecture(Downsampling.STRIDE2, 5, List.of(64, 64, 64, 64), false, Head.FLATTEN)));
        assertFalse(Network.usesIm2col(new Architecture(Downsampling.MAX_POOL, 3, List.of(4, 8, 16, 16), false, Head.FLATTEN)));
        assertFalse(Network.usesIm2col(new Architecture(Downsampling.AVG_POOL, 5, List.of(4, 8, 16, 16), false, Head.FLATTEN)));
    }

    private static void compare(Random random, int stride, int k, int in, int size) {
        int out = 3;
        try (Graph graph = new Graph(); Session session = new Session(graph)) {
            Ops tf = Ops.create(graph);
            Operand<TFloat32> x = tf.constant(Shape.of(2, size, size, in), DataBuffers.of(randoms(random, 2 * size * size * in)));
            Operand<TFloat32> kernel = tf.constant(Shape.of(k, k, in, out), DataBuffers.of(randoms(random, k * k * in * out)));
            Operand<TFloat32> bias = tf.constant(Shape.of(out), DataBuffers.of(randoms(random, out)));
            int pad = k / 2;
            Operand<TFloat32> expected = tf.nn.biasAdd(tf.nn.conv2d(tf.pad(x, tf.constant(new int[][] {{0, 0}, {pad, pad}, {pad, pad}, {0, 0}}), tf.constant(0f)),
                    kernel, List.of(1L, (long) stride, (long) stride, 1L), "VALID"), bias);
            Operand<TInt32> swap = tf.constant(new int[] {3, 1, 2, 0});
            Operand<TFloat32> actual = tf.linalg.transpose(Network.convolution(tf, tf.linalg.transpose(x, swap), kernel, bias, stride), swap);
            // Gradients of a weighted sum, so every output position counts differently.
            Operand<TFloat32> weights = tf.constant(expected.shape(), DataBuffers.of(randoms(random, (int) expected.shape().size())));
            Output<?>[] expectedGradients = graph.addGradients(tf.reduceSum(tf.math.mul(expected, weights), tf.constant(new int[] {0, 1, 2, 3})).asOutput(),
                    new Output<?>[] {x.asOutput(), kernel.asOutput(), bias.asOutput()});
            Output<?>[] actualGradients = graph.addGradients(tf.reduceSum(tf.math.mul(actual, weights), tf.constant(new int[] {0, 1, 2, 3})).asOutput(),
                    new Output<?>[] {x.asOutput(), kernel.asOutput(), bias.asOutput()});
            assertEquals(expected.shape(), actual.shape());
            try (Result result = session.runner().fetch(expected).fetch(actual).fetch(expectedGradients[0]).fetch(actualGradients[0])
                    .fetch(expectedGradients[1]).fetch(actualGradients[1]).fetch(expectedGradients[2]).fetch(actualGradients[2]).run()) {
                for (int i = 0; i < 8; i += 2) {
                    float[] reference = values(result, i);
                    assertArrayEquals(reference, values(result, i + 1), 1e-5f * largest(reference), "stride " + stride + ", k " + k + ", in " + in + ", size " + size + ", output " + i);
                }
            }
        }
    }

    /** The largest magnitude, at least 1: sums over many positions (the kernel's gradient) differ by rounding, relatively. */
    private static float largest(float[] values) {
        float largest = 1;
        for (float value : values) {
            largest = Math.max(largest, Math.abs(value));
        }
        return largest;
    }

    private static float[] values(Result result, int index) {
        TFloat32 tensor = (TFloat32) result.get(index);
        float[] values = new float[(int) tensor.shape().size()];
        tensor.copyTo(DataBuffers.of(values, false, false));
        return values;
    }

    private static float[] randoms(Random random, int count) {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = random.nextFloat() * 2 - 1;
        }
        return values;
    }
}
