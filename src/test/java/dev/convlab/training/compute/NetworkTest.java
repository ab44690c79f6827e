package dev.convlab.training.compute;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
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

    /** k 3 and 5, 1 and 4 input channels, even and odd sides: outputs and all three gradients within 1e-5 of Conv2D's. */
    @Test
    void theStride2Im2colConvolutionAndItsGradientsEqualConv2dWithBiasAdd() {
        Random random = new Random(7);
        for (int k : new int[] {3, 5}) {
            for (int in : new int[] {1, 4}) {
                for (int size : new int[] {28, 7}) {
                    compare(random, k, in, size);
                }
            }
        }
    }

    private static void compare(Random random, int k, int in, int size) {
        int out = 3;
        try (Graph graph = new Graph(); Session session = new Session(graph)) {
            Ops tf = Ops.create(graph);
            Operand<TFloat32> x = tf.constant(Shape.of(2, size, size, in), DataBuffers.of(randoms(random, 2 * size * size * in)));
            Operand<TFloat32> kernel = tf.constant(Shape.of(k, k, in, out), DataBuffers.of(randoms(random, k * k * in * out)));
            Operand<TFloat32> bias = tf.constant(Shape.of(out), DataBuffers.of(randoms(random, out)));
            int pad = k / 2;
            Operand<TFloat32> expected = tf.nn.biasAdd(tf.nn.conv2d(tf.pad(x, tf.constant(new int[][] {{0, 0}, {pad, pad}, {pad, pad}, {0, 0}}), tf.constant(0f)),
                    kernel, List.of(1L, 2L, 2L, 1L), "VALID"), bias);
            Operand<TInt32> swap = tf.constant(new int[] {3, 1, 2, 0});
            Operand<TFloat32> actual = tf.linalg.transpose(Network.stride2Convolution(tf, tf.linalg.transpose(x, swap), kernel, bias), swap);
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
                    assertArrayEquals(values(result, i), values(result, i + 1), 1e-5f, "k " + k + ", in " + in + ", size " + size + ", output " + i);
                }
            }
        }
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
